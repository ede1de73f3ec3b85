"""Verb lemmas the trained lemmatiser misses, from the treebank's form → lemma table.

``data/verb_forms_<lang>.tsv`` is written by ``training/verb_forms.py`` from NDT train. The
longest known ending of a form gives its lemma, so compounds are covered: ``pågrep`` is
``på`` + ``grep`` → ``pågripe``.
"""

from __future__ import annotations

from functools import cache

from tidende.datafiles import read_tsv
from tidende.nlp.load import DATA_DIR

MIN_PREFIX, MIN_ENDING = 2, 2  # "overga" is "over" + "ga" → "overgi"


@cache
def _table(lang: str) -> dict[str, str]:
    path = DATA_DIR / f"verb_forms_{lang}.tsv"
    return {r["form"]: r["lemma"] for r in read_tsv(path)} if path.exists() else {}


def verb_lemma(form: str, lang: str) -> str | None:
    """The lemma of a verb form by its longest ending in the table, or ``None``."""
    table = _table(lang)
    form = form.lower()
    if form in table:
        return table[form]
    for i in range(MIN_PREFIX, len(form) - MIN_ENDING + 1):
        if (lemma := table.get(form[i:])) is not None:
            return form[:i] + lemma
    return None
