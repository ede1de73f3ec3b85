"""The ``quotes`` stage: attributed speech with resolved speakers."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from tidende.nlp import load
from tidende.nlp.clauses import clauses
from tidende.pipeline import Context
from tidende.quotes.cues import load_cues
from tidende.quotes.finder import QuoteFinder
from tidende.records import Speaker
from tidende.registry import stages


def doc_clauses(ctx: Context) -> Any:
    """The clause records of ``ctx.doc`` (computed once, shared by the stages)."""
    if "clauses" not in ctx.extras:
        ctx.extras["clauses"] = clauses(ctx.doc, load(ctx.lang))
    return ctx.extras["clauses"]


@stages.register("quotes")
def quotes_stage(ctx: Context) -> None:
    """Fill ``ctx.quotes``."""
    actor_of = ctx.extras.get("actor_of")

    def resolve(span: Span) -> Speaker:
        actor = actor_of(span) if callable(actor_of) else None
        return Speaker(text=span.text, start=span.start_char, end=span.end_char,
                       code=actor.code if actor else None, sector=actor.sector if actor else None,
                       anonymous=bool(actor and actor.anonymous),
                       name=actor.name if actor and actor.wikidata_id else None)  # else the finder names it

    ctx.quotes = QuoteFinder(load_cues(ctx.lang)).find(ctx.doc, doc_clauses(ctx), resolve)
