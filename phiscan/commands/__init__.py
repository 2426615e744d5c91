"""One module per command, each with `register(app)`; a new command is one module and one
line in COMMAND_MODULES."""

from __future__ import annotations

import importlib

import typer

COMMAND_MODULES: tuple[str, ...] = (
    "scan",
    "recognizers",
    "init_config",
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
