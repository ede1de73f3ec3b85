"""Reporting-cue lexicons per language (``cues/<lang>.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tidende.datafiles import load_yaml

CUES_DIR = Path(__file__).parent / "cues"
DENY_GROUPS = frozenset({"deny"})


@dataclass(frozen=True)
class Cues:
    """What marks attributed speech in one language."""

    verbs: dict[str, str]
    forms: dict[str, str]
    according_to: frozenset[str]
    channel_preps: frozenset[str]
    channel_verbs: frozenset[str]
    dashes: tuple[str, ...]
    closing_marks: frozenset[str]
    complementizers: frozenset[str]
    non_complements: frozenset[str]
    pronouns: frozenset[str]
    first_person: frozenset[str]
    non_speakers: frozenset[str]
    question_words: frozenset[str]
    infinitive: str
    impersonal: frozenset[str]
    impersonal_source: str
    interviewer: str | None = None
    definite_suffixes: tuple[str, ...] = ()
    conditionals: frozenset[str] = frozenset()
    nouns: dict[str, str] = field(default_factory=dict)
    source_preps: frozenset[str] = frozenset()
    possessives: frozenset[str] = frozenset()
    detached: tuple[list[str], ...] = ()
    unnamed_sources: tuple[str, ...] = ()
    anonymity_phrases: tuple[str, ...] = ()
    media_nouns: tuple[str, ...] = ()
    correlatives: frozenset[str] = frozenset()
    single_quotes: bool = False
    focus_adverbs: frozenset[str] = frozenset()
    adverbial_preps: frozenset[str] = frozenset()
    pronoun_gender: dict[str, str] = field(default_factory=dict)

    def unnamed_source(self, word: str) -> bool:
        """Whether a noun (lowercased) names a source only by its kind: ``tjenestepersoner``, ``etterretningskilder``
        (a compound ending in a listed form), ``officials``."""
        return any(word.endswith(w) for w in self.unnamed_sources)

    def anonymity(self, text: str) -> bool:
        """Whether a phrase says its source is not named: ``anonym``, ``speaking on condition of anonymity``."""
        low = " ".join(text.lower().split())
        return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", low) for p in self.anonymity_phrases)

    def medium(self, word: str) -> bool:
        """Whether a noun (lowercased) names a medium: ``avisen``, ``lokalavisa``, ``nyhetsbyrået``, ``newspaper``."""
        return any(word.endswith(w) for w in self.media_nouns)

    def group(self, lemma: str, particle: str | None, form: str = "") -> str | None:
        """The stance group of a reporting predicate, or None if it is not one.

        ``form`` (the word as written) is looked up in ``forms`` when the lemma is not a cue.
        """
        if lemma not in self.verbs and f"{lemma} {particle}" not in self.verbs:
            lemma = self.forms.get(form.lower(), lemma)
        if particle and f"{lemma} {particle}" in self.verbs:
            return self.verbs[f"{lemma} {particle}"]
        return self.verbs.get(lemma)


@cache
def load_cues(lang: str) -> Cues:
    """The cue lexicon for ``lang``."""
    data = load_yaml(CUES_DIR / f"{lang}.yaml")
    return Cues(
        verbs=dict(data["verbs"]),
        forms=dict(data.get("forms") or {}),
        according_to=frozenset(data["according_to"]),
        channel_preps=frozenset(data["channel_preps"]),
        channel_verbs=frozenset(data.get("channel_verbs", [])),
        dashes=tuple(data["dashes"]),
        closing_marks=frozenset(data["closing_marks"]),
        complementizers=frozenset(data["complementizers"]),
        non_complements=frozenset(data["non_complements"]),
        pronouns=frozenset(data["speaker_pronouns"]),
        first_person=frozenset(data["first_person"]),
        non_speakers=frozenset(data["non_speakers"]),
        question_words=frozenset(data["question_words"]),
        infinitive=data["infinitive"],
        impersonal=frozenset(data["impersonal"]),
        impersonal_source=data["impersonal_source"],
        interviewer=data.get("interviewer"),
        definite_suffixes=tuple(data.get("definite_suffixes") or ()),
        conditionals=frozenset(data.get("conditionals") or ()),
        nouns=dict(data.get("nouns") or {}),
        source_preps=frozenset(data.get("source_preps") or ()),
        possessives=frozenset(data.get("possessives") or ()),
        detached=tuple(str(w).split() for w in data.get("detached") or ()),
        unnamed_sources=tuple(data.get("unnamed_sources") or ()),
        anonymity_phrases=tuple(data.get("anonymity_phrases") or ()),
        media_nouns=tuple(data.get("media_nouns") or ()),
        correlatives=frozenset(data.get("correlatives") or ()),
        single_quotes=bool(data.get("single_quotes", False)),
        focus_adverbs=frozenset(data.get("focus_adverbs") or ()),
        adverbial_preps=frozenset(data.get("adverbial_preps") or ()),
        pronoun_gender=dict(data.get("pronoun_gender") or {}),
    )
