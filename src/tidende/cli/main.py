"""``tidende``: extract, ingest, query and inspect political event data.

Commands mirror the Python API; exit status 0 means every document was
processed, 1 that some failed (each reported on stderr with file and line),
2 a usage error.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tidende import __version__
from tidende.cli.progress import progress
from tidende.errors import TidendeError
from tidende.records import Article, DocDate, Document

if TYPE_CHECKING:
    from tidende.scale import PipelineSpec
    from tidende.scale.local import Result
    from tidende.store import Store

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_show_locals=False,
                  help="tidende: who did what to whom, when and where, according to whom — from nb, nn and en news.")

HEADLINE_SCORES = ("ents_f", "dep_las", "upos_acc", "lemma_acc", "sents_f", "words_per_second")
LangOpt = Annotated[str, typer.Option("--lang", help="Document language: auto, nb, nn or en.")]
DateOpt = Annotated[
    str | None, typer.Option("--date", help="Document date (YYYY-MM-DD, YYYY-MM or YYYY); overrides the input's.")
]
DbOpt = Annotated[Path, typer.Option("--db", help="The store (SQLite file).")]
Inputs = Annotated[list[str], typer.Argument(
    help=".txt, .jsonl, .html/.htm pages, .rss/.atom/.xml feeds, folders of those, http(s) feed or page URLs, "
    "or - for stdin.")]
FetchOpt = Annotated[bool, typer.Option(
    "--fetch-links", help="For RSS/Atom feeds: fetch each entry's linked page and read its main text "
    "instead of the entry's summary.")]
WorkersOpt = Annotated[int | None, typer.Option(
    "--workers", min=1, help="Worker processes, each with its own copy of the models (default: the cores "
    "available). Input of one batch (16 documents) runs in-process.")]


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tidende {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """tidende command line."""


def _check_lang(lang: str) -> str:
    if lang not in ("auto", "nb", "nn", "en"):
        raise typer.BadParameter(str(TidendeError("E010", value=lang)), param_hint="--lang")
    return lang


def _check_date(date: str | None, hint: str = "--date") -> DocDate | None:
    if date is None:
        return None
    try:
        return DocDate.parse(date)
    except (ValueError, OverflowError):
        raise typer.BadParameter(str(TidendeError("E005", value=date)), param_hint=hint) from None


def _articles(inputs: list[str], failures: list[str], fetch_links: bool = False) -> Iterator[Article]:
    from tidende.ingest import read_inputs

    seen: dict[str, str] = {}
    for res in read_inputs(inputs, fetch_links=fetch_links):
        if res.error is not None:
            failures.append(str(res.error))
            _err(str(res.error))
        elif res.article is not None:
            if res.article.id in seen:
                err = TidendeError("E015", res.where, id=res.article.id, first=seen[res.article.id])
                failures.append(str(err))
                _err(str(err))
                continue
            seen[res.article.id] = res.where
            yield res.article


def _documents(
    inputs: list[str], lang: str, date: str | None, failures: list[str], workers: int | None = None,
    cluster: Callable[[Iterable[Article], PipelineSpec], Iterator[Result]] | None = None, fetch_links: bool = False,
    keep: Callable[[Iterable[Article]], Iterator[Article]] | None = None,
) -> Iterator[tuple[Article, Document]]:
    """Documents from ``inputs``, in input order: in-process, on ``workers`` processes, or on ``cluster``."""
    from tidende.scale import PipelineSpec, available_cores, parallel_pipe

    spec = PipelineSpec(lang=_check_lang(lang), date=_check_date(date))
    articles = _articles(inputs, failures, fetch_links)
    if keep is not None:
        articles = keep(articles)
    results = cluster(articles, spec) if cluster else parallel_pipe(articles, spec, workers or available_cores())
    try:
        for article, result in progress(results, "extracting"):
            if isinstance(result, TidendeError):
                msg = str(result) if result.where else f"{article.source}: {result}"
                failures.append(msg)
                _err(msg)
            else:
                yield article, result
    except TidendeError as err:
        failures.append(str(err))
        _err(str(err))


@contextmanager
def store_errors(db: Path) -> Iterator[None]:
    """Exit 1 with a one-line message if the store fails to open or fails inside the block (damaged, locked,
    unwritable: E024-E026)."""
    import sqlite3

    from tidende.store.sqlite import store_error

    try:
        yield
    except sqlite3.Error as exc:
        _err(str(store_error(exc, db)))
        raise typer.Exit(1) from None
    except TidendeError as err:
        _err(str(err) if err.where else f"{db}: {err}")
        raise typer.Exit(1) from None


@contextmanager
def open_or_exit(db: Path, readonly: bool = True) -> Iterator[Store]:
    """The store at ``db`` for the block, or exit 1 with a message saying what to do (see ``store_errors``)."""
    from tidende.store import open_store

    if not db.exists():
        _err(f"{db}: no such store; run `tidende ingest` first or pass --db.")
        raise typer.Exit(1)
    with store_errors(db), open_store(db, readonly=readonly) as store:
        yield store


@app.command()
def extract(
    inputs: Inputs,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write JSON Lines here (default: stdout).")
    ] = None,
    lang: LangOpt = "auto",
    date: DateOpt = None,
    summary: Annotated[bool, typer.Option("--summary", help="Print a readable summary to stderr.")] = False,
    workers: WorkersOpt = None,
    fetch_links: FetchOpt = False,
) -> None:
    """Extract entities, quotes and PLOVER events: one JSON object per document."""
    failures: list[str] = []
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        from tidende.cli.summary import summarize

        for _, doc in _documents(inputs, lang, date, failures, workers, fetch_links=fetch_links):
            out.write(json.dumps(doc.to_json_dict(), ensure_ascii=False) + "\n")
            if summary:
                _err(summarize(doc))
    finally:
        if output:
            out.close()
    if failures:
        _err(f"{len(failures)} document(s) failed")
        raise typer.Exit(1)


@app.command()
def ingest(
    inputs: Inputs,
    db: DbOpt = Path("tidende.db"),
    lang: LangOpt = "auto",
    date: DateOpt = None,
    summary: Annotated[bool, typer.Option("--summary", help="Print a readable summary of each document.")] = False,
    workers: WorkersOpt = None,
    fetch_links: FetchOpt = False,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Run on an existing Dask cluster (tcp://HOST:PORT); this process writes the store."
    )] = None,
    cluster: Annotated[str | None, typer.Option(
        "--cluster", help="'local': run on a Dask LocalCluster of --workers processes.")] = None,
    shards: Annotated[Path | None, typer.Option(
        "--shards", help="With Dask: folder for the Parquet result shards, kept after the run "
        "(default: a temporary folder, removed). Must be readable here (shared storage for a remote cluster).")] = None,
) -> None:
    """Extract and store documents; re-ingesting unchanged documents changes nothing."""
    from tidende.cli.summary import summarize
    from tidende.store import open_store

    if cluster not in (None, "local"):
        raise typer.BadParameter(f"unknown cluster {cluster!r}; use 'local' (or --scheduler ADDRESS)",
                                 param_hint="--cluster")
    if cluster and scheduler:
        raise typer.BadParameter("give either --cluster local or --scheduler ADDRESS", param_hint="--cluster")
    failures: list[str] = []
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    with _runner(scheduler, cluster, workers, shards) as run, store_errors(db), open_store(db) as store:
        unstored = partial(_unstored, store=store, lang=lang, counts=counts)
        for article, doc in _documents(inputs, lang, date, failures, workers, run, fetch_links, unstored):
            counts[store.add(doc, source=article.source, url=article.url)] += 1
            if summary:
                typer.echo(summarize(doc))
    typer.echo(f"{db}: {counts['added']} added, {counts['replaced']} replaced, {counts['unchanged']} unchanged, "
               f"{len(failures)} failed")
    if failures:
        raise typer.Exit(1)


def _unstored(articles: Iterable[Article], store: Store, lang: str, counts: dict[str, int]) -> Iterator[Article]:
    """The articles not stored as they are; stored ones count as unchanged without being processed again
    (a rerun after an interrupted ingest resumes at the parse's speed only for what is missing)."""
    from tidende.pipeline import choose_language
    from tidende.store.sqlite import article_hash

    for article in articles:
        try:
            chosen = choose_language(article, lang)
        except TidendeError:
            yield article  # the pipeline reports it
            continue
        date = article.date.iso() if article.date else None
        if store.is_stored(article.id, article_hash(article.text, date, chosen, article.title)):
            counts["unchanged"] += 1
            continue
        yield article.model_copy(update={"lang": chosen})


@contextmanager
def _runner(
    scheduler: str | None, cluster: str | None, workers: int | None, shards: Path | None
) -> Iterator[Callable[[Iterable[Article], PipelineSpec], Iterator[Result]] | None]:
    """A Dask runner for ``ingest`` when a cluster is asked for, else None (local processes)."""
    if not (scheduler or cluster):
        yield None
        return
    from tidende.scale import available_cores

    try:
        from tidende.scale.cluster import connect, dask_pipe
    except ImportError:
        _err(str(TidendeError("E019", what="Dask scale-out", package="dask[distributed]", extra="scale")))
        raise typer.Exit(1) from None
    try:
        client = connect(scheduler, workers or available_cores())
    except TidendeError as err:
        _err(str(err))
        raise typer.Exit(1) from None
    with client, tempfile.TemporaryDirectory(prefix="tidende-shards-") as tmp:
        folder = shards or Path(tmp)
        yield lambda articles, spec: dask_pipe(articles, spec, client, folder)
        if not scheduler and client.cluster is not None:
            client.cluster.close()


@app.command()
def events(
    db: DbOpt = Path("tidende.db"),
    actor: Annotated[str | None, typer.Option(help="Actor code, e.g. CHN.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code, e.g. RUS.")] = None,
    type: Annotated[  # noqa: A002 - the name is the `--type` flag, part of the CLI contract
        str | None, typer.Option("--type", help="PLOVER event type, e.g. AID.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date (YYYY-MM-DD).")] = None,
    lang: Annotated[str | None, typer.Option(help="Article language.")] = None,
    negated: Annotated[
        bool | None, typer.Option("--negated/--no-negated", help="Only negated / non-negated events.")
    ] = None,
    text: Annotated[str | None, typer.Option("--text", help="Words the article must contain.")] = None,
    clusters: Annotated[bool, typer.Option("--clusters", help="One record per cluster of mentions.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many records "
                                              "(default: all).")] = None,
) -> None:
    """Query stored events (mentions, or clusters of the same happening)."""
    from tidende.cli.summary import event_line
    from tidende.records import Event
    from tidende.store.flat import write_csv

    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("use table, jsonl or csv", param_hint="--format")
    with open_or_exit(db) as store:
        records = store.events(actor=actor, recipient=recipient, type=type, since=since, until=until,
                               lang=lang, negated=negated, text=text, clusters=clusters, limit=limit)
        if fmt == "csv":
            write_csv(records, sys.stdout, clusters=clusters)
            return
        for rec in records:
            if fmt == "jsonl":
                typer.echo(json.dumps(rec, ensure_ascii=False))
            else:
                event = Event.model_validate({k: v for k, v in rec.items() if k in Event.model_fields})
                typer.echo(f"{rec.get('article_id', rec.get('cluster_id'))}\t{event_line(event)}")


@app.command()
def stats(db: DbOpt = Path("tidende.db"),
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Counts of articles, events, quotes and entities in the store."""
    with open_or_exit(db) as store:
        s = store.stats()
    if as_json:
        typer.echo(json.dumps(s))
    else:
        for k, v in s.items():
            typer.echo(f"{k}: {v}")


@app.command()
def models(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List the NLP pipelines with version, training data and dev scores."""
    from tidende.nlp import model_info

    infos = [model_info(lang) for lang in ("nb", "nn", "en")]
    if as_json:
        typer.echo(json.dumps(infos, ensure_ascii=False))
        return
    for info in infos:
        scores = ", ".join(f"{k} {info['scores'][k]:{'.0f' if k == 'words_per_second' else '.3f'}}"
                           for k in HEADLINE_SCORES if k in info["scores"]) or "-"
        typer.echo(f"{info['lang']}: {info['name']} {info['version']} | data: {info['data']} | dev: {scores}")


@app.command()
def timex(
    text: Annotated[str, typer.Argument(help="Text to search for temporal expressions.")],
    lang: Annotated[str, typer.Option("--lang", help="nb, nn or en.")] = "nb",
    ref: Annotated[str, typer.Option("--ref", help="Reference (document) date: YYYY-MM-DD, YYYY-MM or YYYY.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per expression.")] = False,
) -> None:
    """Find temporal expressions and resolve them against a reference date."""
    from tidende.timex import find

    if lang not in ("nb", "nn", "en"):
        raise typer.BadParameter(str(TidendeError("E010", value=lang)), param_hint="--lang")
    ref_date = _check_date(ref, "--ref") if ref else None
    if ref_date is None:
        raise typer.BadParameter("give the reference date, e.g. --ref 2024-04-15", param_hint="--ref")
    found = find(text, lang, ref_date)
    for t in found:
        if as_json:
            typer.echo(json.dumps({k: getattr(t, k) for k in ("text", "start", "end", "value", "precision")},
                                  ensure_ascii=False))
        else:
            typer.echo(f"{t.start}-{t.end}\t{t.text}\t{t.value}\t{t.precision}")
    if not found:
        _err("no temporal expression found")
        raise typer.Exit(1)


@app.command()
def actor(
    text: Annotated[str, typer.Argument(help="A mention: a name, role phrase, organisation, country or adjective.")],
    lang: Annotated[str, typer.Option("--lang", help="nb, nn or en.")] = "nb",
    date: Annotated[str | None, typer.Option("--date", help="Date the mention is from (YYYY-MM-DD): office "
                                                             "holders are coded as of that date.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Resolve one mention, out of context, to a coded actor (exit 1 if nothing resolves)."""
    from tidende.actors import resolve

    if lang not in ("nb", "nn", "en"):
        raise typer.BadParameter(str(TidendeError("E010", value=lang)), param_hint="--lang")
    when = _check_date(date)
    found = resolve(text, lang, when.value if when else None)
    if found is None:
        _err(f"{text!r}: no actor found in the knowledge base for {lang}; check the spelling, or add the name "
             "to src/tidende/actors/data/")
        raise typer.Exit(1)
    rec = {"code": found.code, "sector": found.sector, "wikidata_id": found.wikidata_id, "name": found.name,
           "anonymous": found.anonymous}
    if as_json:
        typer.echo(json.dumps(rec, ensure_ascii=False))
    else:
        typer.echo("\t".join(str(v) if v is not None else "-" for v in rec.values()))
