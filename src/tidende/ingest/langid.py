"""Language identification: ``nb``, ``nn`` or ``en``, anything else reported.

lingua (model in the wheel) restricted to a few languages, with a marker-word
vote (``data/markers.yaml``) to tell Bokmål from Nynorsk when it is unsure.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from tidende.datafiles import load_yaml

SUPPORTED = {Language.BOKMAL: "nb", Language.NYNORSK: "nn", Language.ENGLISH: "en"}
OTHERS = [Language.DANISH, Language.SWEDISH, Language.GERMAN]
SAMPLE_CHARS = 3000
WORD = re.compile(r"\w+")


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*SUPPORTED, *OTHERS).build()


@cache
def _markers() -> dict[str, frozenset[str]]:
    data = load_yaml(Path(__file__).parent / "data" / "markers.yaml")
    nb, nn = set(data["nb"]), set(data["nn"])
    return {"nb": frozenset(nb - nn), "nn": frozenset(nn - nb)}


def marker_vote(text: str) -> str | None:
    """``nb`` or ``nn`` by marker-word counts, or None on a tie."""
    words = [w.lower() for w in WORD.findall(text[:SAMPLE_CHARS])]
    markers = _markers()
    nb = sum(w in markers["nb"] for w in words)
    nn = sum(w in markers["nn"] for w in words)
    if nb == nn:
        return None
    return "nb" if nb > nn else "nn"


def detect_language(text: str) -> str:
    """Return ``nb``, ``nn`` or ``en``; otherwise the detected language's ISO 639-1 code."""
    values = _detector().compute_language_confidence_values(text[:SAMPLE_CHARS])
    if not values:
        return "und"
    best = values[0].language
    scores = {v.language: v.value for v in values}
    norwegian = scores.get(Language.BOKMAL, 0.0) + scores.get(Language.NYNORSK, 0.0)
    if best in (Language.BOKMAL, Language.NYNORSK, Language.DANISH) and norwegian >= 0.5:
        vote = marker_vote(text)
        if vote is not None:
            return vote
        return "nb" if scores.get(Language.BOKMAL, 0) >= scores.get(Language.NYNORSK, 0) else "nn"
    if best in SUPPORTED:
        return SUPPORTED[best]
    return best.iso_code_639_1.name.lower()
