"""The ``timex`` stage: temporal expressions of the document, with clause tense as a hint."""

from __future__ import annotations

from tidende.nlp.clauses.base import Tense
from tidende.pipeline import Context
from tidende.quotes.stage import doc_clauses
from tidende.registry import stages
from tidende.timex import find


@stages.register("timex")
def timex_stage(ctx: Context) -> None:
    """Fill ``ctx.extras["timexes"]`` (needs a document date to resolve against)."""
    if ctx.ref is None:
        ctx.extras["timexes"] = []
        return
    doc = ctx.doc
    spans: list[tuple[int, int, Tense | None]] = []

    def tense_at(offset: int) -> Tense | None:
        """The tense of the smallest clause around ``offset`` (clause spans built on first use)."""
        if not spans:
            for c in doc_clauses(ctx):
                lo, hi = c.span(doc)
                spans.append((doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), c.tense))
            spans.sort(key=lambda s: s[1] - s[0])
        return next((t for s, e, t in spans if s <= offset < e and t), None)

    ctx.extras["timexes"] = find(ctx.article.text, ctx.lang, ctx.ref, tense_at)
