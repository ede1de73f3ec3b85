"""Actor resolution on the news mention table (``tests/actors/data/mentions_news.tsv``).

Each row is a mention taken from a real article (NARC, the seed article, the English PLOVER
gold sentences) with the actor a reader gives it there. Two figures:

- out of context: ``tidende.actors.resolve(mention, lang, date)``, as ``tidende actor`` does;
- in context: the actor of the entity ``tidende extract`` reports at the mention's first
  occurrence in its article (an entity covering it, else one inside it).

A row is right when code, sector and the anonymous flag all agree; ``code`` counts the code alone.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from tidende.actors import resolve
from tidende.datafiles import read_tsv
from tidende.pipeline import Pipeline
from tidende.records import ActorCode, Article, DocDate, Entity

TABLE = Path(__file__).resolve().parents[1] / "tests" / "actors" / "data" / "mentions_news.tsv"


def _source_text(shared: Path, source: str) -> str:
    path, _, rec_id = source.partition("#")
    full = shared / "data" / path if not path.startswith("examples/") else shared / path
    if not rec_id:
        return full.read_text(encoding="utf-8")
    for line in full.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] == rec_id:
            return str(rec["text"])
    raise SystemExit(f"{source}: no such record")


def _key(actor: ActorCode | None) -> tuple[str, str, bool]:
    return (actor.code, actor.sector or "-", actor.anonymous) if actor else ("-", "-", False)


def _in_context(entities: list[Entity], start: int, end: int) -> ActorCode | None:
    covering = [e for e in entities if e.start <= start and end <= e.end]
    inside = [e for e in entities if start <= e.start and e.end <= end]
    best = min(covering, key=lambda e: e.end - e.start) if covering else (
        max(inside, key=lambda e: e.end - e.start) if inside else None)
    return best.actor if best else None


def mention_scores(shared: Path) -> dict[str, Any]:
    rows = list(read_tsv(TABLE))
    by_source: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_source[(r["source"], r["lang"], r["date"])].append(r)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (source, lang, date), group in by_source.items():
        text = _source_text(shared, source)
        day = dt.date.fromisoformat(date) if date else None
        doc = Pipeline(lang=lang).process(Article(id=source, text=text, lang=lang,  # type: ignore[arg-type]
                                                  date=DocDate.parse(date) if date else None))
        for r in group:
            expected = (r["code"], r["sector"], r["anonymous"] == "1")
            at = text.find(r["mention"])
            found = {"out": _key(resolve(r["mention"], lang, day)),
                     "in": _key(_in_context(doc.entities, at, at + len(r["mention"]))) if at >= 0 else None}
            for lg in (lang, "all"):
                counts[lg]["n"] += 1
                for how, got in found.items():
                    counts[lg][f"{how}_ok"] += got == expected
                    counts[lg][f"{how}_code_ok"] += got is not None and got[0] == expected[0]
    return {lg: dict(c) for lg, c in counts.items()}


def table(scores: dict[str, Any]) -> list[str]:
    lines = ["## Actors: news mention table", "",
             f"`{TABLE.relative_to(TABLE.parents[3])}`: mentions from real articles with the actor a reader gives them "
             "(written before any resolver run). Right = code, sector and anonymous flag all agree.", "",
             "| lang | mentions | out of context | code only | in context (extract) | code only |",
             "|---|---|---|---|---|---|"]
    for lg in ("nb", "nn", "en", "all"):
        c = scores.get(lg)
        if c:
            n = c["n"]
            lines.append(f"| {lg} | {n} | {c['out_ok'] / n:.3f} | {c['out_code_ok'] / n:.3f} | {c['in_ok'] / n:.3f} "
                         f"| {c['in_code_ok'] / n:.3f} |")
    return [*lines, ""]
