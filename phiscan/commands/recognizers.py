"""`phiscan recognizers`: the entity types and the recognizers that detect them."""

from __future__ import annotations

import typer
from rich.table import Table

from phiscan.commands.console import ConfigOption, console, load_or_exit


def recognizers(config_path: ConfigOption = None) -> None:
    """List the entity types and the recognizers that detect them."""
    config = load_or_exit(config_path)
    from phiscan.detect.engine import build_analyzer, entities_for, supported_entities

    analyzer = build_analyzer(config)
    enabled = set(entities_for(config))
    table = Table(title="recognizers")
    table.add_column("entity type")
    table.add_column("recognizer")
    table.add_column("reported")
    for entity, name in sorted(set(supported_entities(analyzer))):
        table.add_row(entity, name, "yes" if entity in enabled else "no")
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(recognizers)
