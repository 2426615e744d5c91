"""Commands beyond scan: each module has `register(app)`; add one line to COMMAND_MODULES."""

from __future__ import annotations

import importlib

import typer

COMMAND_MODULES: tuple[str, ...] = (
    "report",
    "individuals",
    "match",
    "evaluate",
    "watch",
    "status",
)


def register(app: typer.Typer) -> None:
    for module_name in COMMAND_MODULES:
        importlib.import_module(f"phiscan.commands.{module_name}").register(app)
