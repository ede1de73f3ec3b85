"""The ``events`` stage: PLOVER events from clauses, with attribution and dates."""

from __future__ import annotations

from tidende.events.coder import EventCoder, Inputs
from tidende.events.lexicon import load_lexicon
from tidende.nlp import load
from tidende.nlp.clauses import adapter_for
from tidende.pipeline import Context
from tidende.quotes.stage import doc_clauses
from tidende.registry import stages


@stages.register("events")
def events_stage(ctx: Context) -> None:
    """Fill ``ctx.events``."""
    actor_of = ctx.extras.get("actor_of")
    if not callable(actor_of):
        return
    inputs = Inputs(doc=ctx.doc, clauses=doc_clauses(ctx), adapter=adapter_for(load(ctx.lang)), actor_of=actor_of,
                    quotes=ctx.quotes, timexes=list(ctx.extras.get("timexes", [])), ref=ctx.ref)
    ctx.events = EventCoder(load_lexicon(ctx.lang)).code(inputs)
