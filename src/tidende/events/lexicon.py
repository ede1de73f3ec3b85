"""Event trigger lexicons, modality/negation cues and context keywords per language.

Files: ``lexicon/<lang>.yaml`` (triggers; ``lexicon/<lang>.hand.yaml``, where present, is a
hand-written supplement to a generated file, whose entries replace those with the same key and win ties),
``cues/<lang>.yaml`` (negation, future, hypothetical, desire markers), ``contexts/<lang>.yaml``
(keyword → PLOVER context). See ``lexicon/README.md`` for the formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import Field

from tidende.datafiles import load_yaml
from tidende.records import Record

HERE = Path(__file__).parent


class Entry(Record):
    """One trigger: lemma (+ particle, object, preposition) → PLOVER type, mode, context."""

    lemma: str
    pos: str = "verb"
    particle: str | None = None
    object: str | None = None
    prep: str | None = None
    recipient: list[str] = Field(default_factory=lambda: ["obj"])
    actor: list[str] = Field(default_factory=lambda: ["subj"])
    event: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = None
    note: str | None = None

    @property
    def specificity(self) -> int:
        """How many constraints the entry has (more specific entries win)."""
        return sum(x is not None for x in (self.particle, self.object, self.prep))


@dataclass
class Lexicon:
    """Triggers of one language, indexed by (pos, lemma)."""

    lang: str = ""
    entries: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    cues: dict[str, Any] = field(default_factory=dict)
    contexts: dict[str, str] = field(default_factory=dict)
    prefixes: list[tuple[str, str]] = field(default_factory=list)

    def context_of(self, lemma: str) -> str | None:
        """The PLOVER context a keyword lemma (or a compound starting with a listed prefix) evidences."""
        lemma = lemma.lower()
        if lemma in self.contexts:
            return self.contexts[lemma]
        return next((ctx for p, ctx in self.prefixes if lemma.startswith(p) and len(lemma) > len(p)), None)

    def lookup(self, pos: str, lemma: str) -> list[Entry]:
        """Entries for a lemma, most specific first."""
        return self.entries.get((pos, lemma), [])

    def cue_set(self, *names: str) -> frozenset[str]:
        """Single-word cues of the named lists (``negation``, ``future_modals``, ``desire_verbs`` ...)."""
        words = (str(v).lower() for name in names for v in self.cues.get(name) or [])
        return frozenset(w for w in words if " " not in w)


def _yaml(path: Path) -> Any:
    return load_yaml(path) if path.exists() else None


def _flatten_contexts(data: Any) -> dict[str, str]:
    """Accept ``{context: [words]}`` or ``{word: context}`` or ``{contexts: ...}``."""
    if not data:
        return {}
    if isinstance(data, dict) and "contexts" in data:
        data = data["contexts"]
    out: dict[str, str] = {}
    if isinstance(data, dict):
        for k, v in data.items():
            if isinstance(v, list):
                for w in v:
                    out.setdefault(str(w).lower(), str(k))
            elif isinstance(v, str):
                out[str(k).lower()] = v
    return out


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon for ``lang`` (cached)."""
    lex = Lexicon(lang=lang)
    keyed: dict[tuple[str, str, str | None, str | None, str | None], Entry] = {}
    for path in (HERE / "lexicon" / f"{lang}.hand.yaml", HERE / "lexicon" / f"{lang}.yaml"):
        for raw in (_yaml(path) or {}).get("entries", []):  # a hand-written supplement comes first and wins
            entry = Entry.model_validate({k: v for k, v in raw.items() if v is not None or k in ("mode",)})
            keyed.setdefault((entry.pos, entry.lemma.lower(), entry.particle, entry.object, entry.prep), entry)
    for entry in keyed.values():
        lex.entries.setdefault((entry.pos, entry.lemma.lower()), []).append(entry)
    for entries in lex.entries.values():
        entries.sort(key=lambda e: (-e.specificity, e.object is None))  # ties: an object is the stronger cue
    lex.cues = _yaml(HERE / "cues" / f"{lang}.yaml") or {}
    ctx_data = _yaml(HERE / "contexts" / f"{lang}.yaml") or {}
    lex.contexts = _flatten_contexts(ctx_data)
    lex.prefixes = sorted(((str(p).lower(), ctx) for ctx, ps in (ctx_data.get("prefixes") or {}).items() for p in ps),
                          key=lambda x: -len(x[0]))
    return lex
