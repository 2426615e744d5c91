"""`phiscan init-config`: a commented configuration file with every default."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from phiscan.commands.console import EXIT_USAGE, console, err_console, refuse_unsafe_target
from phiscan.security.files import write_private_text


def init_config(
    path: Annotated[Path, typer.Argument(help="Where to write the config.")] = Path(
        "phiscan.toml"
    ),
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented configuration file with every default."""
    if path.exists() and not force:
        err_console.print(f"[red]{escape(str(path))} exists[/red] (use --force)")
        raise typer.Exit(EXIT_USAGE)
    text = resources.files("phiscan.data").joinpath("config.example.toml").read_text("utf-8")
    # 0600: the file has places for secrets ([security] hmac_key, [smb] password), and a
    # config holding one is refused when others can read it.
    refuse_unsafe_target(path)
    write_private_text(path, text)
    console.print(f"wrote {escape(str(path))}")


def register(app: typer.Typer) -> None:
    app.command("init-config")(init_config)
