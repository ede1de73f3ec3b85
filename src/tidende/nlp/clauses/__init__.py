"""The clause layer: scheme-neutral predicate/argument records from a parse.

Each dependency scheme (NDT for nb/nn, ClearNLP for the English pipeline) has a
small adapter registered in ``adapters``; the event coder and the quote finder
read ``Clause`` records only, so one coder serves every language.
"""

from __future__ import annotations

from typing import cast

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from tidende.nlp.clauses.base import Adapter, Arg, Clause, adapters, subtree_span
from tidende.nlp.clauses.clearnlp import ClearNLPAdapter
from tidende.nlp.clauses.ndt import NDTAdapter

adapters.register("ndt", func=NDTAdapter)
adapters.register("clearnlp", func=ClearNLPAdapter)


def scheme_of(labels: set[str]) -> str:
    """The dependency scheme that a parser's labels belong to: NDT's are upper case, ClearNLP's lower."""
    return "ndt" if any(lab.isupper() and lab != "ROOT" for lab in labels) else "clearnlp"


def _parser_labels(nlp: Language) -> set[str]:
    """The dependency labels of a pipeline's parser (spaCy types ``get_pipe`` as a bare callable)."""
    return set(cast(Pipe, nlp.get_pipe("parser")).labels)


def adapter_for(nlp: Language) -> Adapter:
    """The clause adapter for a pipeline's parse scheme."""
    return adapters.get(scheme_of(_parser_labels(nlp)))()


def clauses(doc: Doc, nlp: Language | None = None, scheme: str | None = None) -> list[Clause]:
    """Clause records of ``doc``, in document order of their predicates."""
    if scheme is None:
        labels = _parser_labels(nlp) if nlp is not None else {t.dep_ for t in doc}
        scheme = scheme_of(labels)
    return adapters.get(scheme)().clauses(doc)


__all__ = ["Adapter", "Arg", "Clause", "adapter_for", "clauses", "scheme_of", "subtree_span"]
