"""One module per command, each with `register(app)`; a new command is one module and one
line in COMMAND_MODULES. A command module imports at its top only what registering needs
(Typer, rich, the config and inventory modules); Presidio, spaCy, the readers, the sources'
clients and Dask are imported inside the command that uses them."""

# No `from __future__ import annotations`: the --version option names a closure, so its
# annotation is evaluated here rather than by Typer in the module globals.

import importlib
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

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


def _without_value_placeholder(params: list[Any]) -> list[Any]:
    """A flag takes no value, so its help shows no placeholder (Typer writes `<bool>`).
    Typer vendors its own Click, so a flag is told by its `is_flag`, not by its class."""
    for param in params:
        if getattr(param, "is_flag", False):
            param.metavar = ""
    return [param for param in params if param is not None]


class PhiscanGroup(TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return _without_value_placeholder(list(super().get_params(ctx)))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _without_value_placeholder([*command.params, command.get_help_option(ctx)])
        return command


def build_app(help_text: str, version_text: str) -> typer.Typer:
    """The Typer app with its --version option and every command registered."""
    app = typer.Typer(
        name="phiscan",
        cls=PhiscanGroup,
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
