"""One module per command, each with `register(app)`; a new command is one module and one
line in COMMAND_MODULES. A command module imports at its top only what registering needs
(Typer, rich, the config and inventory modules); Presidio, spaCy, the readers, the sources'
clients and Dask are imported inside the command that uses them."""

# No `from __future__ import annotations`: the --version option names a closure, so its
# annotation is evaluated here rather than by Typer in the module globals.

import importlib
from typing import Annotated

import typer

from phiscan.commands.console import console

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
    "diff",
)


def register(app: typer.Typer) -> None:
    for module_name in COMMAND_MODULES:
        importlib.import_module(f"phiscan.commands.{module_name}").register(app)


def build_app(help_text: str, version_text: str) -> typer.Typer:
    """The Typer app with its --version option and every command registered."""
    app = typer.Typer(
        name="phiscan",
        help=help_text,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    def version_callback(value: bool) -> None:
        if value:
            console.print(version_text)
            raise typer.Exit()

    @app.callback()
    def main_options(
        version: Annotated[
            bool, typer.Option("--version", callback=version_callback, is_eager=True,
                               help="Print the version and exit.")
        ] = False,
    ) -> None:
        """phiscan command line."""

    register(app)
    return app
