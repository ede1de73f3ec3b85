"""Store commands: ``export``, ``quotes``, ``show`` and ``migrate`` (registered on the main ``app``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from tidende.cli.main import DbOpt, _err, app, open_or_exit
from tidende.errors import TidendeError


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="plover-jsonl, gdelt, icews, polecat, parquet or graphml.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    db: DbOpt = Path("tidende.db"),
) -> None:
    """Export the store's events in a format the field already loads."""
    from tidende.export import export as run_export
    from tidende.export import formats

    if fmt not in formats():
        raise typer.BadParameter(str(TidendeError("E018", value=fmt, formats=", ".join(formats()))),
                                 param_hint="--format")
    with open_or_exit(db) as store:
        try:
            n = run_export(store, fmt, output)
        except TidendeError as e:
            _err(str(e))
            raise typer.Exit(1) from None
        except OSError as e:
            _err(f"{output}: cannot write the export ({e.strerror or e}); check that the folder exists, is "
                 "writable and has free space.")
            raise typer.Exit(1) from None
    typer.echo(f"{output}: {n} {'edges' if fmt == 'graphml' else 'rows'} ({fmt})", err=True)


@app.command()
def quotes(
    db: DbOpt = Path("tidende.db"),
    speaker: Annotated[str | None, typer.Option(help="Speaker's actor code, e.g. NOR.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
) -> None:
    """Query stored quotes."""
    if fmt not in ("table", "jsonl"):
        raise typer.BadParameter("use table or jsonl", param_hint="--format")
    with open_or_exit(db) as store:
        for rec in store.quotes(speaker=speaker):
            if fmt == "jsonl":
                typer.echo(json.dumps(rec, ensure_ascii=False))
            else:
                who = rec["speaker"] or {}
                typer.echo(f"{rec['article_id']}\t{who.get('code') or who.get('text') or '?'}\t{rec['kind']}\t"
                           f"{' '.join(rec['content'].split())}")


@app.command()
def show(article_id: Annotated[str, typer.Argument(help="The article's id.")],
         db: DbOpt = Path("tidende.db")) -> None:
    """Print a stored article with its events and quotes (JSON)."""
    with open_or_exit(db) as store:
        art = store.article(article_id)
    if art is None:
        _err(f"{db}: no article {article_id!r}; list ids with `tidende events --format jsonl`.")
        raise typer.Exit(1)
    typer.echo(json.dumps(art, ensure_ascii=False, indent=2))


@app.command()
def migrate(db: DbOpt = Path("tidende.db")) -> None:
    """Bring a store made by an older tidende to the current schema version."""
    from tidende.store.sqlite import SCHEMA_VERSION

    with open_or_exit(db, readonly=False):
        typer.echo(f"{db}: schema version {SCHEMA_VERSION}")
