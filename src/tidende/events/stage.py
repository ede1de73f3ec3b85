"""The ``events`` stage: PLOVER events from clauses, with attribution and dates."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, cast

from spacy.tokens import Span

from tidende.actors import find_mentions, resolve
from tidende.actors.stage import NON_STATE, home_country
from tidende.events.coder import ActorOf, EventCoder, Inputs
from tidende.events.lexicon import load_lexicon
from tidende.nlp import load
from tidende.nlp.clauses import adapter_for
from tidende.pipeline import Context
from tidende.quotes.stage import doc_clauses
from tidende.records import ActorCode
from tidende.registry import stages

if TYPE_CHECKING:
    from tidende.timex import Timex


@cache
def coder(lang: str) -> EventCoder:
    """The event coder for ``lang``, one per process (``EventCoder.code`` resets its per-document state, so
    one coder must not serve two threads at once; tidende's pipelines run one document at a time per process)."""
    return EventCoder(load_lexicon(lang))


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

    date = ctx.ref.value if ctx.ref else None
    places = [(e.start, e.actor.code) for e in entities if e.actor is not None and e.actor.code not in NON_STATE]

    def country_at(span: Span) -> str | None:
        """The country a passage is about at ``span``: the last one named before it in its sentence, else
        the first one named after it there, else the last one named before it, else the home country."""
        sent, at = span.sent, span.start_char
        same = [(o, c) for o, c in places if sent.start_char <= o < sent.end_char and not at <= o < span.end_char]
        earlier = [c for o, c in same if o < at]
        later = [c for o, c in same if o > at]
        prior = [c for o, c in places if o < at]
        return earlier[-1] if earlier else later[0] if later else prior[-1] if prior else home_country(ctx.lang)

    known: dict[tuple[int, int], ActorCode | None] = {}

    def event_actor_of(span: Span) -> ActorCode | None:
        """``event_actor``, once per span of the document (the coder asks for the same spans again)."""
        key = (span.start, span.end)
        if key not in known:
            known[key] = event_actor(span)
        return known[key]

    def event_actor(span: Span) -> ActorCode | None:
        """``actor_of``, but a role phrase naming no country (``demonstranter``) takes the country of its
        sentence, an unknown person's name the country of the passage (PLOVER codes individuals with
        their state), a phrase whose knowledge-base mention a NER span hid that mention's actor, and any
        other phrase with a nationality adjective that state."""
        named = resolve(span.text, ctx.lang, date) is not None or actors_in(span)
        if not named:
            country = country_at(span)
            role = resolve(span.text, ctx.lang, date, country=country) if country else None
            if role is not None or (role := nationality(span)) is not None:
                return role
            if country and span.root.ent_type_ in ("PER", "PERSON") and span.root.pos_ == "PROPN":
                return ActorCode(code=country, name=span.text)
        actor = cast("ActorOf", actor_of)(span)
        if actor is None:  # a knowledge-base mention the NER span hid ("Sierra Leonean" tagged ORG "Sierra")
            actor = next((m.actor for m in find_mentions(span.text, ctx.lang, date) if m.actor), None)
        return actor or nationality(span)

    def nationality(span: Span) -> ActorCode | None:
        """The state of a nationality adjective inside a phrase the knowledge base cannot read as a whole
        (``to tyske turister``, ``i den thailandske provinsen Ayutthaya``)."""
        for tok in span:
            if tok.pos_ == "ADJ" and (a := resolve(tok.text, ctx.lang, date)) and a.code not in NON_STATE:
                return ActorCode(code=a.code, name=a.name)
        return None

    inputs = Inputs(doc=ctx.doc, clauses=doc_clauses(ctx), adapter=adapter_for(load(ctx.lang)),
                    actor_of=event_actor_of, actors_in=actors_in, quotes=ctx.quotes, country_at=country_at,
                    timexes=list(cast("Iterable[Timex]", ctx.extras.get("timexes", []))), ref=ctx.ref)
    ctx.events = coder(ctx.lang).code(inputs)
