"""Hand-built NDT parses for tests: a ``Doc`` from CoNLL-like rows, independent of any trained model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

POS = {"subst": "NOUN", "verb": "VERB", "pron": "PRON", "sbu": "SCONJ", "prep": "ADP", "adv": "ADV",
       "clb": "PUNCT", "konj": "CCONJ", "adj": "ADJ", "det": "DET", "inf-merke": "PART"}

Row = tuple[str, str, str, int, str]


def _upos(pos: str) -> str:
    """UPOS of an NDT part of speech; the bare punctuation tags (``<komma>``, ``<strek>``) are PUNCT."""
    return POS.get(pos, "PUNCT" if pos.startswith("<") else "X")


def ndt_doc(rows: list[Row], persons: tuple[tuple[int, int], ...] = (), pos: dict[int, str] | None = None,
            lines: tuple[int, ...] = ()) -> Doc:
    """A Doc from (word, lemma, tag, head (1-based, 0 = root), dep) rows, as in NDT CoNLL; part of speech from the
    tag (``subst|prop`` a proper noun) unless ``pos`` (0-based index → UPOS) says otherwise; ``persons`` are PER
    entities as 0-based token spans; a sentence starts at 0 and at each index in ``lines``."""
    nlp = spacy.blank("nb")
    words = [r[0] for r in rows]
    upos = [(pos or {}).get(i) or ("SPACE" if r[0] == "\n" else "PROPN" if r[2].startswith("subst|prop")
                                    else _upos(r[2].split("|")[0]))
            for i, r in enumerate(rows)]
    spaces = [w != "\n" and (i + 1 == len(words) or words[i + 1] != "\n") for i, w in enumerate(words)]
    doc = Doc(nlp.vocab, words=words, spaces=spaces,
              lemmas=[r[1] for r in rows], tags=[r[2] for r in rows], pos=upos,
              heads=[(r[3] - 1 if r[3] else i) for i, r in enumerate(rows)],
              deps=[r[4] if r[3] else "ROOT" for r in rows],
              sent_starts=[i == 0 or i in lines for i in range(len(rows))])
    doc.ents = [Span(doc, a, b, label="PER") for a, b in persons]
    return doc
