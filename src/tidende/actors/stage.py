"""The ``entities`` stage: NER spans and knowledge-base mentions, resolved to actors.

It also leaves ``ctx.extras["actor_of"]``: a function from a token span (an
argument or speaker) to its actor, used by the quotes and events stages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from spacy.tokens import Span

from tidende.actors import find_mentions, resolve
from tidende.actors.kb import NON_STATE
from tidende.actors.places import place_actor
from tidende.datafiles import load_yaml
from tidende.pipeline import Context
from tidende.records import ActorCode, Entity
from tidende.registry import stages

ActorOf = Callable[[Span], ActorCode | None]
INITIAL = re.compile(r"\w\.")
NOT_NOMINAL = frozenset({"VERB", "AUX", "ADP", "SCONJ", "CCONJ", "ADV", "PART", "INTJ"})
__all__ = ["NON_STATE", "ActorOf", "entities_stage", "home_country"]


@cache
def home_country(lang: str) -> str | None:
    """The ``home_country`` of a language's mention grammar (``data/grammar.<lang>.yaml``), if any."""
    path = Path(__file__).parent / "data" / f"grammar.{lang}.yaml"
    data = load_yaml(path) if path.exists() else None
    return (data or {}).get("home_country")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _short_names(entities: list[Entity]) -> list[tuple[Entity, Entity]]:
    """``Liu`` after ``Talsperson Liu Pengyu``: an unresolved name takes the actor of an earlier
    resolved mention that contains it as a word, unless an initial precedes it there and it is not the
    last word (``Mitchell`` is no short form of ``A. Mitchell Palmer``). Returns the (short, full) links made."""
    links: list[tuple[Entity, Entity]] = []
    for i, e in enumerate(entities):
        if e.actor is not None:
            continue
        for prev in reversed(entities[:i]):
            words = prev.text.split()
            if prev.actor is not None and e.text in words and not (
                    0 < (j := words.index(e.text)) < len(words) - 1 and INITIAL.fullmatch(words[j - 1])):
                e.actor = prev.actor
                links.append((e, prev))
                break
    return links


def _noun_phrase(span: Span) -> bool:
    """Whether the parse agrees that a knowledge-base phrase is one noun phrase: its first word is no verb,
    preposition or the like (``leder Romney``: leads; ``siden Hagen``: since), and before any preposition
    one word at most hangs outside it (``ber den nye læraren Annika om``: the teacher asks Annika), a
    pronoun or determiner in front aside. Tokens written together count as one word (``SPLM/A``)."""
    if span[0].pos_ in NOT_NOMINAL:
        return False
    core = span[: next((i for i, t in enumerate(span) if i and t.pos_ == "ADP"), len(span))]
    while len(core) > 1 and core[0].pos_ in ("DET", "PRON") and not core.start <= core[0].head.i < core.end:
        core = core[1:]  # "enn det statsministeren i Noreg har": a pronoun the phrase took in
    outside, hangs = 0, False
    for t in core:
        hangs = hangs or (not t.is_punct and (t.head.i == t.i or not core.start <= t.head.i < core.end))
        if t.whitespace_ or t.i == core.end - 1:
            outside, hangs = outside + hangs, False
    return outside <= 1


def _attributive_end(span: Span) -> bool:
    """Whether a role phrase ends in an adjective of a noun after it: the phrase is no actor
    (``den militære bistanden``: the military aid; ``all official contact``)."""
    words = [t for t in span if not t.is_punct]
    last = words[-1] if words else None
    return last is not None and last.pos_ == "ADJ" and last.head.i >= span.end and last.head.pos_ in ("NOUN", "PROPN")


@stages.register("entities")
def entities_stage(ctx: Context) -> None:
    """Fill ``ctx.entities`` and ``ctx.extras["actor_of"]``."""
    date: dt.date | None = ctx.ref.value if ctx.ref else None
    found: list[Entity] = []
    for ent in ctx.doc.ents:
        found.append(Entity(text=ent.text, start=ent.start_char, end=ent.end_char, label=ent.label_,
                            actor=resolve(ent.text, ctx.lang, date) or place_actor(ent.text, ent.label_)))
    # role phrases naming no country take the country the article names most often, else the home country
    for m in find_mentions(ctx.article.text, ctx.lang, date, country=home_country(ctx.lang), infer=True):
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and (not _noun_phrase(span) or (m.label == "ROLE" and _attributive_end(span))):
            continue
        overlapping = [e for e in found if _overlaps((m.start, m.end), (e.start, e.end))]
        if all(m.start <= e.start and e.end <= m.end for e in overlapping) and (
                not overlapping or m.end - m.start > max(e.end - e.start for e in overlapping)
                or all(e.actor is None for e in overlapping)):
            # the knowledge base read a whole phrase around NER spans ("Gambian President Dawda
            # Jawara", "Macedonian officials"), or one NER could not resolve: the phrase is the mention
            found = [e for e in found if not any(e is o for o in overlapping)] + [m]
    found.sort(key=lambda e: (e.start, e.end))
    _short_names(found)
    ctx.entities = found

    countries = [(e.start, e.actor.code) for e in found
                 if e.actor is not None and e.actor.sector is None and e.actor.code not in NON_STATE]

    def actor_of(span: Span) -> ActorCode | None:
        """The actor of a mention: the whole phrase, else the entity at or nearest its head, else a
        role phrase that names no country (``demonstranter``, ``regjeringen``) in the country the
        document last mentioned before it, else the language's home country, else the first one."""
        actor = resolve(span.text, ctx.lang, date)
        if actor is not None:
            return actor
        root = span.root
        inside = [e for e in found if span.start_char <= e.start and e.end <= span.end_char and e.actor]
        inside.sort(key=lambda e: (not (e.start <= root.idx < e.end), e.start))
        if inside:
            return inside[0].actor
        before = [c for start, c in countries if start < span.start_char]
        country = before[-1] if before else home_country(ctx.lang) or next((c for _, c in countries), None)
        return resolve(span.text, ctx.lang, date, country=country) if country else None

    ctx.extras["actor_of"] = actor_of
