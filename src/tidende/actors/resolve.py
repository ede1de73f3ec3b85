"""Resolve mention strings to PLOVER actors, and find knowledge-base mentions in a text.

A mention is segmented into knowledge-base phrases (longest match first) and read as

    [determiners/modifiers] [owner: genitive name | country adjective | name]
    [sector nouns] [person name] [preposition + object] [relative clause]

``USAs president Joe Biden`` -> owner USA, sector noun *president* (GOV), person Joe Biden.
The owner gives the country code, the last sector noun the sector; a known person fills in
the rest (and is coded by ``date``). A lone name resolves to its own actor.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tidende.actors.kb import ENTITY_KINDS, KB, Key, Named, Sense, Token, load_kb, tokenize
from tidende.records import ActorCode, Entity

ENTITY_PREFERENCE = ("PERSON", "ORG", "SEAT", "COUNTRY", "DEMONYM")


@dataclass
class Segment:
    """A run of tokens matched as one phrase (``senses`` empty when unknown)."""

    tokens: list[Token]
    senses: list[Sense]

    def kinds(self) -> set[str]:
        """Kinds of all readings."""
        return {s.kind for s in self.senses}

    def first(self, *kinds: str) -> Sense | None:
        """The first reading of one of ``kinds``, in the order given."""
        for kind in kinds:
            for s in self.senses:
                if s.kind == kind:
                    return s
        return None

    def is_punct(self) -> bool:
        """A punctuation mark."""
        return not self.senses and not self.tokens[0].text[0].isalnum()


def segment(tokens: list[Token], lang: str, kb: KB) -> list[Segment]:
    """Greedy longest-match segmentation; hyphenated ``Kreml-talsperson`` splits into name + noun."""
    index = kb.langs[lang]
    out: list[Segment] = []
    lower = [t.text.lower() for t in tokens]
    i = 0
    while i < len(tokens):
        for n in range(index.longest(lower, i), 0, -1):
            senses = index.lookup(tuple(t.text for t in tokens[i : i + n]))
            if senses:
                out.append(Segment(tokens[i : i + n], senses))
                i += n
                break
        else:
            out.append(Segment([tokens[i]], _compound(tokens[i].text, index.lookup)))
            i += 1
    return out


def _compound(word: str, lookup: Callable[[Key], list[Sense]]) -> list[Sense]:
    """``FN-ambassadør`` -> a COMPOUND sense: the name before the hyphen owns the sector noun."""
    head, sep, tail = word.rpartition("-")
    if not sep or not head or not tail:
        return []
    owners = [s for s in lookup((head,)) if s.kind in ENTITY_KINDS and not s.genitive]
    nouns = [s for s in lookup((tail,)) if s.kind == "SECTOR"]
    if not owners or not nouns:
        return []
    owner = min(owners, key=lambda s: ENTITY_PREFERENCE.index(s.kind))
    noun = nouns[0]
    return [Sense("COMPOUND", owner.entity, sector=noun.sector, flags=noun.flags, offices=noun.offices)]


@dataclass
class Owner:
    """Whose role a sector noun names."""

    actor: ActorCode
    is_country: bool


@dataclass
class Reading:
    """What a mention's segments say."""

    owner: Owner | None = None
    nouns: list[Sense] = field(default_factory=list)
    person: Named | None = None
    name: list[str] = field(default_factory=list)
    head: Sense | None = None
    pp_owner: Owner | None = None
    pp_roles: frozenset[str] = frozenset()
    anonymous: bool = False
    former: bool = False
    dangling: bool = False
    failed: bool = False


def _owner(sense: Sense, date: dt.date | None) -> Owner:
    assert sense.entity is not None
    return Owner(sense.entity.at(date), sense.entity.kind == "COUNTRY")


def _has_noun_after(segs: list[Segment], i: int) -> bool:
    """Whether a sector noun follows, past modifiers, adjectives, punctuation and unknown lowercase words."""
    for seg in segs[i + 1 :]:
        kinds = seg.kinds()
        if kinds & {"SECTOR", "COMPOUND"}:
            return True
        unknown_word = not kinds and seg.tokens[0].text.islower()
        if not (seg.is_punct() or unknown_word or (kinds and kinds <= {"MOD", "ADJ"})):
            return False
    return False


def read(segs: list[Segment], date: dt.date | None) -> Reading:
    """Assign each segment its role in the mention."""
    r = Reading()
    for i, seg in enumerate(segs):
        kinds = seg.kinds()
        if seg.is_punct():
            continue
        if kinds & {"PREP", "CLAUSE"} and (r.nouns or r.person or r.head or r.owner):
            _read_tail(r, segs[i:], date)
            break
        if "CONJ" in kinds:
            r.failed = True
            break
        if not seg.senses:
            word = seg.tokens[0].text
            if word[:1].isupper() and (r.nouns or r.person or r.name):
                r.name.append(word)
            elif word[:1].isupper() or r.head:
                r.failed = True
            else:
                r.dangling = True
            continue
        r.dangling = False
        if "MOD" in kinds and kinds <= {"MOD", "PREP"}:
            flags = set().union(*(s.flags for s in seg.senses))
            r.anonymous |= "anonymous" in flags
            r.former |= "former" in flags
            continue
        noun = seg.first("SECTOR", "COMPOUND")
        entity = seg.first(*ENTITY_PREFERENCE)
        gen = next((s for s in seg.senses if s.genitive), None)
        adj = seg.first("ADJ")
        if noun and (r.owner or entity is None or _has_noun_after(segs, i) or r.nouns):
            if noun.kind == "COMPOUND" and r.owner is None:
                r.owner = _owner(noun, date)
            r.nouns.append(noun)
            r.anonymous |= "anon" in noun.flags
            if r.head is not None and r.head.kind == "PERSON":
                r.person = r.head.entity
            r.head = None
            continue
        if gen and r.owner is None:
            r.owner = _owner(gen, date)
            continue
        if adj and r.owner is None and (entity is None or _has_noun_after(segs, i)):
            r.owner = _owner(adj, date)
            continue
        if entity and entity.kind == "PERSON" and (r.nouns or r.owner):
            r.person = entity.entity
            continue
        if entity and r.owner is None and _has_noun_after(segs, i):
            r.owner = _owner(entity, date)
            continue
        if entity and r.head is None and r.person is None:
            r.head = entity
            continue
        r.failed = True
    r.failed |= r.dangling
    return r


def _read_tail(r: Reading, segs: list[Segment], date: dt.date | None) -> None:
    """A prepositional object may own the role (``presidenten i Russland``)."""
    prep = segs[0].first("PREP")
    if prep is None:
        return
    for seg in segs[1:]:
        if seg.kinds() & {"PREP", "CLAUSE", "CONJ"}:
            return
        entity = next((s for s in seg.senses if s.kind in ENTITY_KINDS or s.kind == "ADJ"), None)
        if entity is not None:
            r.pp_owner, r.pp_roles = _owner(entity, date), prep.flags
            return


def _role_sector(noun: Sense | None, owner: Owner | None) -> str | None:
    if noun is None:
        return None
    if "inherit" in noun.flags and owner is not None and not owner.is_country and owner.actor.sector:
        return owner.actor.sector
    return noun.sector


def interpret(segs: list[Segment], kb: KB, date: dt.date | None, country: str | None = None) -> ActorCode | None:
    """The actor a segmented mention denotes, or None."""
    r = read(segs, date)
    if r.failed:
        return None
    noun = r.nouns[-1] if r.nouns else None
    owner = r.owner
    if owner is None and r.pp_owner is not None and noun is not None:
        located = "located" in noun.flags and "location" in r.pp_roles
        if "owner" in r.pp_roles and not located:
            owner = r.pp_owner
    if r.person is not None or r.name:
        known = r.person.at(date) if r.person else None
        code = owner.actor.code if owner else known.code if known else country
        if code is None:
            return None
        sector = _role_sector(noun, owner)
        if sector is None and known is not None and known.code == code:
            sector = known.sector
        name = r.person.name if r.person else " ".join(r.name)
        wikidata = r.person.wikidata if r.person else None
        return ActorCode(
            code=code, sector="ELI" if r.former else sector, wikidata_id=wikidata, name=name, anonymous=r.anonymous
        )
    if noun is not None and r.head is not None and r.head.entity is not None:
        actor = r.head.entity.at(date)  # apposition: "nyhetsbyrået Reuters"
        return actor.model_copy(update={"sector": actor.sector or _role_sector(noun, owner), "anonymous": r.anonymous})
    if noun is not None:
        code = owner.actor.code if owner else country
        if code is None:
            return None
        holder = None
        if owner is not None and owner.is_country and not r.former:
            holder = next((h for o in noun.offices if (h := kb.office_holder(code, o, date))), None)
        sector = "ELI" if r.former else _role_sector(noun, owner)
        return ActorCode(
            code=code,
            sector=sector,
            wikidata_id=holder.wikidata if holder else None,
            name=holder.name if holder else None,
            anonymous=r.anonymous,
        )
    if r.head is not None and r.head.entity is not None:
        actor = r.head.entity.at(date)
        if r.former and r.head.kind == "PERSON":
            actor = actor.model_copy(update={"sector": "ELI"})
        return actor.model_copy(update={"anonymous": r.anonymous})
    if r.owner is not None:  # a bare genitive or adjective: "Kinas", "kinesiske"
        return r.owner.actor.model_copy(update={"anonymous": r.anonymous})
    return None


@functools.lru_cache(maxsize=1 << 16)
def resolve(text: str, lang: str, date: dt.date | None = None, *, country: str | None = None) -> ActorCode | None:
    """Resolve one mention out of context; None when it names no actor the knowledge base knows.

    ``country`` (alpha-3) codes role phrases that name no country (``regjeringen``), e.g. the
    document's home country; without it they resolve to None. Results are cached (records are
    never changed in place: callers copy them with ``model_copy``).
    """
    kb = load_kb()
    segs = segment(tokenize(text), lang, kb)
    actor = interpret(segs, kb, date, country)
    if actor is not None and not actor.anonymous and _anonymous_phrase(text, lang, kb):
        actor = actor.model_copy(update={"anonymous": True})
    return actor


def _anonymous_phrase(text: str, lang: str, kb: KB) -> bool:
    low = " ".join(text.lower().split())
    return any(p in low for p in kb.langs[lang].grammar.anonymous_phrases)


def _anonymous_after(text: str, end: int, lang: str, kb: KB) -> bool:
    """Whether a relative clause right after a mention marks it anonymous (``..., who declined to be named``)."""
    grammar = kb.langs[lang].grammar
    rest = text[end:].split(".", 1)[0].lstrip(" ,").lower()
    if not any(rest.startswith(w + " ") for w in grammar.clause) and not any(
        rest.startswith(p) for p in grammar.anonymous_phrases
    ):
        return False
    return _anonymous_phrase(rest, lang, kb)


# Mention chunking for find_mentions: one class letter per segment.
#   D modifier · , comma · A adjective · G genitive name · E name · P person · S sector noun
#   N unknown capitalised word · R owner/location preposition · x anything else
# English names modify nouns (``U.S. officials``); in Norwegian that reading would take verbs
# for nouns (``Kina styrker ...``: *strengthens*), so only English allows E before S.
_CHUNK = {
    lang: [
        re.compile(r"(?:D[D,]*)?[GA%s]?A*S+(?:P|N{1,3})?(?:R[GA]*[ESP])?" % ("E" if lang == "en" else "")),
        re.compile(r"D*[GA]?P"),
        re.compile(r"G?E|G"),
    ]
    for lang in ("en", "nb", "nn")
}


def _attributive(seg: Segment, nxt: Segment | None, lang: str) -> bool:
    """An adjective reading before a noun: ``russiske styrker``; in Norwegian also before any word
    (``svenske kroner``: not the demonym *svenske*, "Swede")."""
    kinds = seg.kinds()
    if "ADJ" not in kinds:
        return False
    after = nxt.kinds() if nxt else set()
    if after & {"SECTOR", "COMPOUND", "ADJ", "MOD"} or not kinds & ENTITY_KINDS:
        return True
    word_follows = nxt is not None and not nxt.is_punct() and not after & (ENTITY_KINDS | {"PREP", "CONJ", "CLAUSE"})
    return lang != "en" and word_follows


def _classes(segs: list[Segment], lang: str) -> str:
    out: list[str] = []
    for i, seg in enumerate(segs):
        kinds = seg.kinds()
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        prev = out[-1] if out else "x"
        if seg.is_punct():
            out.append("," if seg.tokens[0].text == "," else "x")
        elif not seg.senses:
            out.append("N" if seg.tokens[0].text[:1].isupper() else "x")
        elif kinds & {"SECTOR", "COMPOUND"} and (prev in "GAD," or not kinds & ENTITY_KINDS):
            out.append("S")
        elif any(s.genitive for s in seg.senses):
            out.append("G")
        elif _attributive(seg, nxt, lang):
            out.append("A")
        elif "PERSON" in kinds:
            out.append("P")
        elif kinds & ENTITY_KINDS:
            out.append("E")
        elif "MOD" in kinds:
            out.append("D")
        elif "PREP" in kinds:
            roles = set().union(*(s.flags for s in seg.senses))
            out.append("R" if roles & {"owner", "location"} else "x")
        else:
            out.append("x")
    return "".join(out)


def _label(segs: list[Segment], classes: str) -> str:
    if "P" in classes:
        return "PERSON"
    if "S" in classes:
        return "ROLE"
    head = segs[-1].first(*ENTITY_PREFERENCE)
    return head.kind if head else "COUNTRY"


def find_mentions(text: str, lang: str, date: dt.date | None = None, *, country: str | None = None) -> list[Entity]:
    """Knowledge-base mentions in ``text`` (longest match, token boundaries), with resolved actors.

    Labels: COUNTRY, SEAT, ORG, PERSON, DEMONYM (a knowledge-base name) or ROLE (a role phrase:
    ``amerikanske tjenestepersoner``, ``Kinas president``). Role phrases that name no country
    (``regjeringen``) are coded with ``country`` when given and left out otherwise.
    """
    kb = load_kb()
    segs = segment(tokenize(text), lang, kb)
    classes = _classes(segs, lang)
    found: list[Entity] = []
    i = 0
    while i < len(segs):
        length = max((m.end() for p in _CHUNK[lang] if (m := p.match(classes, i))), default=i) - i
        chunk_classes = classes[i : i + length]
        while chunk_classes and chunk_classes[-1] in "D,":
            chunk_classes, length = chunk_classes[:-1], length - 1
        if not chunk_classes or not chunk_classes.strip("D,A"):
            i += 1
            continue
        chunk = segs[i : i + length]
        actor = interpret(chunk, kb, date, country)
        if actor is not None:
            start, end = chunk[0].tokens[0].start, chunk[-1].tokens[-1].end
            if not actor.anonymous and "S" in chunk_classes and _anonymous_after(text, end, lang, kb):
                actor = actor.model_copy(update={"anonymous": True})
            found.append(
                Entity(text=text[start:end], start=start, end=end, label=_label(chunk, chunk_classes), actor=actor)
            )
        i += length
    return found
