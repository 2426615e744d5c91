"""`phiscan eval DATASET`: precision, recall and F1 per entity type on labelled data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from phiscan.commands.console import EXIT_USAGE, SafeConsole, err_console
from phiscan.config import ConfigError, load_config
from phiscan.quality.evaluation import (
    ENGINES,
    DatasetError,
    Evaluation,
    build_predictor,
    default_entity_types,
    evaluate,
    load_dataset,
)
from phiscan.security.files import write_private_text
from recognizers.access_kinds import ACCESS_KINDS

console = SafeConsole(width=110)  # wide enough for the per-entity metric columns


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def results_table(evaluation: Evaluation) -> Table:
    table = Table(title=f"{evaluation.engine} on {evaluation.dataset}")
    for column in ("entity", "gold", "predicted", "precision", "recall", "F1",
                   "doc P", "doc R", "doc F1"):
        table.add_column(column, justify="left" if column == "entity" else "right")
    for entity, tally in evaluation.tallies.items():
        table.add_row(entity, str(tally.gold), str(tally.predicted), _figure(tally.precision),
                      _figure(tally.recall), _figure(tally.f1), _figure(tally.doc_precision),
                      _figure(tally.doc_recall), _figure(tally.doc_f1))
    return table


def scoping_eval(truth_path: Path, out_dir: Path, config_path: Path | None,
                 json_out: Path | None) -> None:
    """Identity recall, identity precision, staff contamination, totals (issue 15)."""
    from phiscan.commands.individuals import reveal_for
    from phiscan.quality.scoping import score_rows
    from phiscan.scoping.individuals_csv import export_row, recovery_order, revealed_row
    from phiscan.scoping.report import load_scope
    from phiscan.synthetic.care_share import CareTruth

    try:
        truth = CareTruth.load(truth_path)
        scope = load_scope(out_dir, load_config(config_path))
    except (ConfigError, OSError, ValueError, TypeError) as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_USAGE) from None
    people = scope.individuals
    outcome = reveal_for(out_dir, people, "phiscan eval --scoping", config_path)
    order = recovery_order(outcome.values)
    rows = [export_row(person) | revealed_row(person, outcome.values, outcome.unread, order,
                                              outcome.addresses)
            for person in people]
    figures = score_rows(rows, truth.people, truth.staff).as_dict() | {
        "total": len(people), "true_total": truth.individuals,
    } | home_access_figures(people, truth)
    table = Table(title=f"breach scoping on {truth_path.name}")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for name, value in figures.items():
        table.add_row(name, str(value))
    console.print(table)
    if json_out:
        write_private_text(json_out, json.dumps(figures, indent=2) + "\n")


def home_access_figures(people: list, truth) -> dict[str, int]:
    """People with any way into their home, and with entry details (a code, a hidden key,
    a door left open), against the truth; per kind too when the truth says each person's
    kinds (`access_kind`), else only the total (a truth's `keysafe_code`)."""
    figures = {"with_home_access": sum(person.home_access for person in people),
               "true_with_home_access": truth.with_home_access,
               # beside it, as most truths count: the people whose own records give the way
               # in (not only a note of another person of their home), and homes left apart
               "with_own_home_access": sum(person.home_access
                                           and person.home_access_via != "household"
                                           for person in people),
               "with_former_home_access": sum(person.former_home_access for person in people),
               "with_entry_details": sum(person.entry_details for person in people)}
    if not truth.gives_access_kinds:
        return figures
    figures["true_with_entry_details"] = truth.with_entry_details
    for kind in ACCESS_KINDS:
        figures[f"with_{kind}"] = sum(person.home_access and kind in person.access_kinds
                                      for person in people)
        figures[f"true_with_{kind}"] = truth.with_access_kind(kind)
    return figures


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_command(
        dataset_path: Annotated[Path, typer.Argument(
            metavar="DATASET", help="Labelled JSON: presidio-research format, a corpus from "
            "`python -m phiscan.synthetic.corpus`, or the NHS number vectors file.")],
        engine: Annotated[list[str] | None, typer.Option(
            "--engine", help="phiscan (default) and/or presidio (stock Presidio, same "
            "spaCy model); repeat for both.")] = None,
        entities: Annotated[str, typer.Option(
            help="Comma-separated entity types (default: the labelled types phiscan "
            "reports).")] = "",
        limit: Annotated[int, typer.Option(help="Evaluate only the first N documents.")] = 0,
        json_out: Annotated[Path | None, typer.Option(
            "--json", help="Also write the figures as JSON here (0600).")] = None,
        config_path: Annotated[Path | None, typer.Option("--config", "-c")] = None,
        scoping: Annotated[Path | None, typer.Option(
            "--scoping", help="Score breach scoping person by person instead: DATASET is "
            "the truth of a generated care share (`python -m phiscan.synthetic.care_share`), "
            "this the scan output of that share (reveals its individuals; logged).")] = None,
    ) -> None:
        """Precision, recall and F1 per entity type (span and document level), or breach
        scoping's identity recall and precision (`--scoping`)."""
        if scoping is not None:
            scoping_eval(dataset_path, scoping, config_path, json_out)
            return
        engines = list(engine or ["phiscan"])
        unknown = [name for name in engines if name not in ENGINES]
        try:
            if unknown:
                raise ConfigError(f"unknown engine {unknown[0]} (choose from {ENGINES})")
            config = load_config(config_path)
            dataset = load_dataset(dataset_path)
        except (ConfigError, DatasetError) as exc:
            err_console.print(f"[red]error:[/red] {escape(str(exc))}")
            raise typer.Exit(EXIT_USAGE) from None
        if limit > 0:
            dataset.documents = dataset.documents[:limit]
        types = [t.strip() for t in entities.split(",") if t.strip()] or default_entity_types(
            dataset)
        figures = []
        for name in engines:
            evaluation = evaluate(dataset, build_predictor(name, config), types, engine=name)
            console.print(results_table(evaluation))
            if evaluation.test_data_gold:
                console.print(f"test-range NHS numbers flagged as test data: "
                              f"{evaluation.test_data_flagged}/{evaluation.test_data_gold}")
            figures.append(evaluation.as_dict())
        console.print(f"{len(dataset.documents)} documents; span match = same type and "
                      "overlapping; doc = type present in the document")
        if json_out:
            write_private_text(json_out, json.dumps(figures, indent=2) + "\n")
