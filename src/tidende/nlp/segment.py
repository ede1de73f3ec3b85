"""Rule-based sentence boundaries, set before the parser (which keeps the boundaries it is given).

``newline_sentences``: a line break ends a sentence (headlines, paragraphs, dash quotes).
``punct_sentences``: sentence-final punctuation followed by a sentence opener ends a sentence;
configured per language from ``data/sentences_<lang>.yaml``. With ``only_rules`` the parser may
not split anywhere else (the Norwegian parser over-splits: see docs/models.md).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """Mark the token after any token or whitespace containing a newline as a sentence start."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


class PunctSentences:
    """Start a sentence after ``enders`` (optionally followed by ``closers``) when the next token
    opens one: an upper-case letter, a digit, or one of ``openers``."""

    def __init__(self, enders: Iterable[str], closers: Iterable[str], openers: Iterable[str],
                 only_rules: bool) -> None:
        self.enders = frozenset(enders)
        self.closers = frozenset(closers)
        self.openers = tuple(openers)
        self.only_rules = only_rules

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            nxt = doc[tok.i + 1]
            if nxt.is_space:  # left to the parser, which attaches it to the sentence before
                continue
            ends = tok.text in self.enders or (
                tok.text in self.closers and tok.i > 0 and doc[tok.i - 1].text in self.enders)
            if ends and nxt.text not in self.closers and (
                    nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text.startswith(self.openers)):
                nxt.is_sent_start = True
            elif self.only_rules and nxt.is_sent_start is None:
                nxt.is_sent_start = False
        return doc


@Language.factory("punct_sentences", default_config={
    "enders": [".", "!", "?", "...", "…"], "closers": ["»", "”", '"', ")"],
    "openers": ["«", "–", "-", '"', "“"], "only_rules": False})
def make_punct_sentences(nlp: Language, name: str, enders: list[str], closers: list[str],
                         openers: list[str], only_rules: bool) -> PunctSentences:
    """The ``punct_sentences`` component (see :class:`PunctSentences`)."""
    return PunctSentences(enders, closers, openers, only_rules)
