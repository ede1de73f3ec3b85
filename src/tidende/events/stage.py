"""The ``events`` stage: PLOVER events from clauses, with attribution and dates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from spacy.tokens import Span

from tidende.events.coder import EventCoder, Inputs
from tidende.events.lexicon import load_lexicon
from tidende.nlp import load
from tidende.nlp.clauses import adapter_for
from tidende.pipeline import Context
from tidende.quotes.stage import doc_clauses
from tidende.records import ActorCode
from tidende.registry import stages

if TYPE_CHECKING:
    from tidende.timex import Timex


@stages.register("events")
def events_stage(ctx: Context) -> None:
    """Fill ``ctx.events``."""
    actor_of = ctx.extras.get("actor_of")
    if not callable(actor_of):
        return
    entities = [e for e in ctx.entities if e.actor is not None]

    def actors_in(span: Span) -> list[tuple[ActorCode, Span]]:
        """Resolved entities inside a span, as (actor, token span)."""
        out = []
        for e in entities:
            if span.start_char <= e.start and e.end <= span.end_char and e.actor is not None:
                sub = ctx.doc.char_span(e.start, e.end, alignment_mode="expand")
                if sub is not None:
                    out.append((e.actor, sub))
        return out

    inputs = Inputs(doc=ctx.doc, clauses=doc_clauses(ctx), adapter=adapter_for(load(ctx.lang)), actor_of=actor_of,
                    actors_in=actors_in, quotes=ctx.quotes,
                    timexes=list(cast("Iterable[Timex]", ctx.extras.get("timexes", []))), ref=ctx.ref)
    ctx.events = EventCoder(load_lexicon(ctx.lang)).code(inputs)
