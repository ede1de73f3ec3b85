"""The actor knowledge base: the TSV/YAML files in ``data/`` loaded into lookup indexes.

Files (each starts with a comment header: version, provenance, license, date checked):

- ``countries.tsv``: PLOVER country codes, Wikidata ids, English names.
- ``countries.{lang}.tsv``: names, adjective and demonym lemmas per language.
- ``seats.tsv``: capitals and seats of power used as metonyms (``Kreml`` -> RUS GOV).
- ``organisations.tsv``: IGOs, EU and UN bodies, national institutions, media, groups.
- ``people*.tsv``: people and their dated offices (``people.wikidata.tsv`` is written by
  :mod:`tidende.actors.wikidata`).
- ``sectors.{lang}.tsv``: sector nouns (``regjeringen`` -> GOV); their genitives are derived.
- ``grammar.{lang}.yaml``: function words, genitive and inflection endings.

Names are matched case-sensitively; lowercase lexicon entries (sector nouns, Norwegian
adjectives and demonyms) also match their capitalised form.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

from tidende.datafiles import kept_for_process, load_yaml, read_tsv
from tidende.records import ActorCode

DATA_DIR = Path(__file__).parent / "data"
LANGS: tuple[str, ...] = ("en", "nb", "nn")

Kind = Literal[
    "COUNTRY", "SEAT", "ORG", "PERSON", "DEMONYM", "ADJ", "SECTOR", "COMPOUND", "MOD", "PREP", "CLAUSE", "CONJ"
]
ENTITY_KINDS = frozenset({"COUNTRY", "SEAT", "ORG", "PERSON", "DEMONYM"})
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC", "IMG", "AFR", "ASA", "EEU", "WST", "MEA", "LAM"})

TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}|(?<!\w)[^\W\d_a-zæøå]\.(?=[ \t]+[^\W\d_a-zæøå])"
    r"|\w+(?:[-‐‑'’]\w+)*(?:(?<=[sxzSXZ])['’])?|[^\w\s]"
)


class Token(NamedTuple):
    """A word or punctuation mark with its character offsets; ``text`` has straight apostrophes."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens (hyphenated words, ``U.S.``-style abbreviations and initials before a
    capitalised word, ``Deriek W. Crouse``, stay whole)."""
    return [Token(m.group().replace("’", "'"), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@dataclass(frozen=True)
class Tenure:
    """One coded role of an entity, valid from ``start`` (inclusive) to ``end`` (exclusive)."""

    code: str
    sector: str | None
    offices: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, date: dt.date) -> bool:
        """Whether the role held on ``date``."""
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(eq=False)
class Named:
    """A named actor (country, seat, organisation or person) and its roles over time."""

    kind: Kind
    name: str
    wikidata: str | None = None
    tenures: list[Tenure] = field(default_factory=list)

    def at(self, date: dt.date | None) -> ActorCode:
        """The actor code on ``date``: the latest role that covers it; without a date the latest role.

        A person whose every role ended before ``date`` is a former official (sector ELI);
        before their first role they carry the first role's country and no sector.
        """
        ordered = sorted(self.tenures, key=lambda t: t.start or dt.date.min)
        if date is None:
            t, sector = ordered[-1], ordered[-1].sector
        else:
            covering = [t for t in ordered if t.covers(date)]
            if covering:
                t, sector = covering[-1], covering[-1].sector
            else:
                ended = [t for t in ordered if t.end is not None and t.end <= date]
                if ended:
                    t = max(ended, key=lambda x: x.end or dt.date.min)
                    sector = "ELI" if self.kind == "PERSON" else t.sector
                else:
                    t, sector = ordered[0], None if self.kind == "PERSON" else ordered[0].sector
        return ActorCode(code=t.code, sector=sector, wikidata_id=self.wikidata, name=self.name)


@functools.cache
def phrase_key(form: str) -> Key:
    """The token tuple a phrase is indexed under (cached: every language indexes the same names)."""
    return tuple(m.group().replace("’", "'") for m in TOKEN_RE.finditer(form))


@dataclass(frozen=True)
class Sense:
    """One reading of a matched phrase."""

    kind: Kind
    entity: Named | None = None
    genitive: bool = False
    sector: str | None = None
    flags: frozenset[str] = frozenset()
    offices: tuple[str, ...] = ()


@dataclass
class Grammar:
    """Function words and inflection rules of one language (``grammar.{lang}.yaml``)."""

    anonymous_phrases: tuple[str, ...]
    clause: tuple[str, ...]
    genitive_suffix: str
    genitive_after_sibilant: str
    adjective_suffixes: tuple[str, ...]
    common_words: frozenset[str]
    demonym_paradigms: tuple[tuple[str, int, tuple[str, ...], frozenset[str]], ...]
    compound_links: tuple[str, ...] = ()
    compound_min: tuple[int, int] = (0, 0)
    led: frozenset[str] = frozenset()  # "-led" words: the name before the hyphen leads (Vietnamese-led)

    def genitives(self, name: str) -> list[str]:
        """Genitive forms of a name (``Kina`` -> ``Kinas``; ``Hellas`` -> ``Hellas'``)."""
        if name[-1:].lower() in "sxz":
            forms = [name + self.genitive_after_sibilant]
            return forms + ([name + self.genitive_suffix] if self.genitive_suffix.startswith("'") else [])
        return [name + self.genitive_suffix]

    def demonym_forms(self, lemma: str) -> list[tuple[str, bool]]:
        """Inflected forms of a demonym lemma by the first paradigm whose ending matches, each with
        whether it names the state (``kineserne``, "the Chinese") rather than people (``kinesere``)."""
        for ending, strip, suffixes, state in self.demonym_paradigms:
            if lemma.endswith(ending):
                stem = lemma[: len(lemma) - strip]
                return [(stem + s, s in state) for s in suffixes]
        return [(lemma, False)]


Key = tuple[str, ...]


@dataclass
class LangIndex:
    """Phrase indexes of one language: exact (names) and folded (lowercase lexicon)."""

    grammar: Grammar
    exact: dict[Key, list[Sense]] = field(default_factory=lambda: defaultdict(list))
    folded: dict[Key, list[Sense]] = field(default_factory=lambda: defaultdict(list))
    prefixes: set[Key] = field(default_factory=set)
    max_len: int = 1

    def add(self, form: str, sense: Sense) -> None:
        """Index ``form``: lowercase forms fold case, the rest match exactly."""
        key = phrase_key(form)
        if not key:
            return
        table = self.folded if form == form.lower() else self.exact
        senses = table[key]
        # entities compare by identity: equal-by-value readings of one entity are one reading
        if not any(s.entity is sense.entity and s == sense for s in senses):
            senses.append(sense)
        self.max_len = max(self.max_len, len(key))
        lower = tuple(w.lower() for w in key)
        self.prefixes.update(lower[:n] for n in range(1, len(lower) + 1))

    def add_name(self, form: str, sense: Sense) -> None:
        """Index a name and its genitive forms."""
        self.add(form, sense)
        genitive = Sense(sense.kind, sense.entity, True, sense.sector, sense.flags, sense.offices)
        for g in self.grammar.genitives(form):
            self.add(g, genitive)

    def longest(self, lower: list[str], i: int) -> int:
        """How many lowercased words from ``i`` on can still begin an indexed phrase (bounds lookups at ``i``)."""
        n = 0
        while n < self.max_len and i + n < len(lower) and tuple(lower[i : i + n + 1]) in self.prefixes:
            n += 1
        return n

    def lookup(self, words: Key) -> list[Sense]:
        """Senses of a token sequence: exact matches, then case-folded lexicon matches."""
        senses = list(self.exact.get(words, ()))
        if all(w == w.lower() or w.istitle() for w in words):
            senses += self.folded.get(tuple(w.lower() for w in words), ())
        return senses


@dataclass
class KB:
    """The loaded knowledge base."""

    langs: dict[str, LangIndex]
    entities: list[Named]
    holders: dict[tuple[str, str], list[Named]]

    def office_holder(self, code: str, office: str, date: dt.date | None) -> Named | None:
        """Who held ``office`` of ``code`` on ``date`` (without a date: now, as far as known).

        Offices looked up this way have one holder at a time, so when tenures overlap (an
        open-ended row not yet closed by its successor) the latest appointment wins.
        """
        found: list[tuple[dt.date, Named]] = []
        for person in self.holders.get((code, office), ()):
            for t in person.tenures:
                if t.code == code and office in t.offices and (t.covers(date) if date else t.end is None):
                    found.append((t.start or dt.date.min, person))
        return max(found, key=lambda x: x[0])[1] if found else None


def parse_date(value: str, *, end: bool = False) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial ``end`` date means the period after it."""
    value = value.strip()
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        year, month = parts
        if end:
            return dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1)
    return dt.date(parts[0] + 1, 1, 1) if end else dt.date(parts[0], 1, 1)


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _grammar(data_dir: Path, lang: str) -> tuple[Grammar, dict]:
    raw = load_yaml(data_dir / f"grammar.{lang}.yaml")
    grammar = Grammar(
        anonymous_phrases=tuple(raw["anonymous_phrases"]),
        clause=tuple(raw["clause"]),
        genitive_suffix=raw["genitive"]["suffix"],
        genitive_after_sibilant=raw["genitive"]["after_sibilant"],
        adjective_suffixes=tuple(raw["adjective_suffixes"]),
        common_words=frozenset(raw["common_words"]),
        demonym_paradigms=tuple((p["ending"], p["strip"], tuple(p["suffixes"]), frozenset(p.get("state", ())))
                                for p in raw["demonym_paradigms"]),
        led=frozenset(raw.get("led", ())),
    )
    if "compounds" in raw:
        c = raw["compounds"]
        grammar.compound_links = tuple(c["links"])
        grammar.compound_min = (c["min_modifier"], c["min_head"])
    return grammar, raw


def _function_words(index: LangIndex, raw: dict) -> None:
    for flag in ("skip", "anonymous", "former", "definite", "ethnic"):
        for w in raw.get(flag, ()):
            index.add(w.lower(), Sense("MOD", flags=frozenset({flag})))
    preps: dict[str, set[str]] = defaultdict(set)
    for role, words in raw["prepositions"].items():
        for w in words:
            preps[w].add(role)
    for w, roles in preps.items():
        index.add(w, Sense("PREP", flags=frozenset(roles)))
    for w in raw["conjunctions"]:
        index.add(w, Sense("CONJ"))
    for w in raw["clause"]:
        index.add(w, Sense("CLAUSE"))


def _named_table(path: Path, kind: Kind, langs: dict[str, LangIndex], entities: list[Named]) -> None:
    by_name: dict[str, Named] = {}
    for row in read_tsv(path):
        names = {lang: _split(row[lang]) for lang in LANGS}
        label = next(n for lang in LANGS for n in names[lang])
        entity = by_name.get(label)
        if entity is None:
            entity = Named(kind, label, row["wikidata"] or None)
            by_name[label] = entity
            entities.append(entity)
            for lang, forms in names.items():
                for form in forms:
                    langs[lang].add_name(form, Sense(kind, entity))
        entity.tenures.append(
            Tenure(row["code"], row["sector"] or None, (), parse_date(row["start"]), parse_date(row["end"], end=True))
        )


def _countries(data_dir: Path, langs: dict[str, LangIndex], entities: list[Named]) -> None:
    countries = {}
    for row in read_tsv(data_dir / "countries.tsv"):
        entity = Named("COUNTRY", row["name"], row["wikidata"] or None, [Tenure(row["code"], None)])
        countries[row["code"]] = entity
        entities.append(entity)
    for lang, index in langs.items():
        g = index.grammar
        for row in read_tsv(data_dir / f"countries.{lang}.tsv"):
            entity = countries[row["code"]]
            for name in _split(row["names"]):
                index.add_name(name, Sense("COUNTRY", entity))
            for lemma in _split(row["adjectives"]):
                for suffix in g.adjective_suffixes:
                    index.add(lemma + suffix, Sense("ADJ", entity))
            for lemma in _split(row["demonyms"]):
                for form, state in g.demonym_forms(lemma):
                    if form not in g.common_words:
                        index.add(form, Sense("DEMONYM", entity, flags=frozenset({"state"} if state else ())))


def _people(data_dir: Path, langs: dict[str, LangIndex], entities: list[Named]) -> dict[tuple[str, str], list[Named]]:
    people: dict[str, Named] = {}
    holders: dict[tuple[str, str], list[Named]] = defaultdict(list)
    phoenix: dict[int, list[Tenure]] = defaultdict(list)  # tenures from people.phoenix.tsv, per person
    for path in sorted(data_dir.glob("people*.tsv")):
        for row in read_tsv(path):
            person = people.get(row["wikidata"] or row["name"]) or people.get(row["name"])
            if person is None and row["source"] != "phoenix":
                # a hand alias spelled as Phoenix spells the name (no diacritics): the same person
                person = next((people[a] for a in _split(row["aliases"]) if id(people.get(a)) in phoenix), None)
                if person is not None:
                    person.name = row["name"]
            if person is None:
                person = Named("PERSON", row["name"], row["wikidata"] or None)
                entities.append(person)
            people[row["name"]] = person
            if row["wikidata"]:
                people[row["wikidata"]] = person
                person.wikidata = person.wikidata or row["wikidata"]
            offices = tuple(_split(row["office"]))
            tenure = Tenure(
                row["code"], row["sector"] or None, offices, parse_date(row["start"]), parse_date(row["end"], end=True)
            )
            if tenure not in person.tenures:
                person.tenures.append(tenure)
                if row["source"] == "phoenix":
                    phoenix[id(person)].append(tenure)
            for office in offices:
                if person not in holders[(row["code"], office)]:
                    holders[(row["code"], office)].append(person)
            for form in [row["name"], *_split(row["aliases"])]:
                for index in langs.values():
                    index.add_name(form, Sense("PERSON", person))
    _hand_wins(entities, phoenix)
    return holders


def _hand_wins(entities: list[Named], phoenix: dict[int, list[Tenure]]) -> None:
    """Where a person also has hand-written rows, keep only Phoenix tenures that ended before
    the first of them (older history); Phoenix's later, often open-ended roles are stale."""
    for person in entities:
        old = phoenix.get(id(person))
        if not old:
            continue
        hand = [t for t in person.tenures if t not in old]
        if not hand:
            continue
        first = min((t.start for t in hand if t.start is not None), default=None)
        kept = [t for t in old if first is not None and t.end is not None and t.end <= first]
        person.tenures = [t for t in person.tenures if t not in old or t in kept]


def _sectors(data_dir: Path, lang: str, index: LangIndex) -> None:
    for row in read_tsv(data_dir / f"sectors.{lang}.tsv"):
        sector = None if row["sector"] in ("", "-") else row["sector"]
        sense = Sense(
            "SECTOR",
            sector=sector,
            flags=frozenset(_split(row["flags"].replace(",", "|"))),
            offices=tuple(_split(row["office"])),
        )
        genitive = Sense("SECTOR", None, True, sense.sector, sense.flags, sense.offices)
        for form in _split(row["forms"]):
            index.add(form.lower(), sense)
            for g in index.grammar.genitives(form.lower()):
                index.add(g, genitive)


@functools.cache
def load_kb(data_dir: Path = DATA_DIR) -> KB:
    """Load every data file of ``data_dir`` once (cached per directory for the process)."""
    langs: dict[str, LangIndex] = {}
    for lang in LANGS:
        grammar, raw = _grammar(data_dir, lang)
        langs[lang] = LangIndex(grammar)
        _function_words(langs[lang], raw)
        _sectors(data_dir, lang, langs[lang])
    entities: list[Named] = []
    _countries(data_dir, langs, entities)
    _named_table(data_dir / "seats.tsv", "SEAT", langs, entities)
    _named_table(data_dir / "organisations.tsv", "ORG", langs, entities)
    holders = _people(data_dir, langs, entities)
    return kept_for_process(KB(langs, entities, holders))
