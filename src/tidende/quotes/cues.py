"""Reporting-cue lexicons per language (``cues/<lang>.yaml``)."""

from __future__ import annotations

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
    )
