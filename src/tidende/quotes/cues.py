"""Reporting-cue lexicons per language (``cues/<lang>.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

CUES_DIR = Path(__file__).parent / "cues"
DENY_GROUPS = frozenset({"deny"})


@dataclass(frozen=True)
class Cues:
    """What marks attributed speech in one language."""

    verbs: dict[str, str]
    according_to: frozenset[str]
    channel_preps: frozenset[str]
    dashes: tuple[str, ...]
    pronouns: frozenset[str]

    def group(self, lemma: str, particle: str | None) -> str | None:
        """The stance group of a reporting predicate, or None if it is not one."""
        if particle and f"{lemma} {particle}" in self.verbs:
            return self.verbs[f"{lemma} {particle}"]
        return self.verbs.get(lemma)


@cache
def load_cues(lang: str) -> Cues:
    """The cue lexicon for ``lang``."""
    data = yaml.safe_load((CUES_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    return Cues(
        verbs=dict(data["verbs"]),
        according_to=frozenset(data["according_to"]),
        channel_preps=frozenset(data["channel_preps"]),
        dashes=tuple(data["dashes"]),
        pronouns=frozenset(data["speaker_pronouns"]),
    )
