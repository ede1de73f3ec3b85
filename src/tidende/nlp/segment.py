"""``newline_sentences``: a line break ends a sentence (headlines, paragraphs, dash quotes).

Runs before the parser, which keeps the boundaries it is given.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """Mark the token after any token or whitespace containing a newline as a sentence start."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc
