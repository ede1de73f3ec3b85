"""``ndt_to_ud``: set UD UPOS and FEATS from the predicted NDT tag and parse.

The map (``data/ndt2ud.tsv``) is learned by ``training/ud_map.py`` from NorNE's
UD dev split; keys are the NDT tag plus a syntactic hint (``@aux``, ``@clausal``)
with (lemma, tag) overrides and back-off to the bare part of speech.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

MAP_PATH = Path(__file__).parent / "data" / "ndt2ud.tsv"
AUX_LEMMAS = frozenset({"være", "vere", "bli", "verte"})


@cache
def _load_map() -> tuple[dict[str, tuple[str, str]], dict[tuple[str, str], tuple[str, str]]]:
    tags: dict[str, tuple[str, str]] = {}
    overrides: dict[tuple[str, str], tuple[str, str]] = {}
    for line in MAP_PATH.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("lemma\t"):
            continue
        lemma, tag, upos, feats = line.split("\t")
        if lemma == "*":
            tags[tag] = (upos, feats)
        else:
            overrides[(lemma, tag)] = (upos, feats)
    return tags, overrides


def hinted_tag(tok: Token) -> str:
    """The NDT tag with the syntactic hint the map is keyed on."""
    pos = tok.tag_.split("|", 1)[0]
    deps = {(c.dep_, c.tag_.split("|", 1)[0]) for c in tok.children}
    if pos == "verb" and (any(d == "INFV" for d, _ in deps) or (tok.lemma_ in AUX_LEMMAS
                          and any(d == "SPRED" for d, _ in deps))):
        return tok.tag_ + "@aux"
    if pos in ("prep", "sbu") and any(d == "PUTFYLL" and p in ("verb", "inf-merke") for d, p in deps):
        return tok.tag_ + "@clausal"
    return tok.tag_


def map_token(tok: Token) -> tuple[str, str]:
    """UPOS and FEATS for one token."""
    tags, overrides = _load_map()
    tag = hinted_tag(tok)
    bare = tag.split("@")[0]
    return (overrides.get((tok.lemma_.lower(), tag)) or tags.get(tag) or tags.get(bare)
            or tags.get(bare.split("|")[0]) or ("X", "_"))


@Language.factory("ndt_to_ud")
def make_ndt_to_ud(nlp: Language, name: str) -> NDTToUD:
    """spaCy factory."""
    return NDTToUD()


class NDTToUD:
    """Pipeline component: UPOS into ``token.pos_``, FEATS into ``token.morph``."""

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            upos, feats = map_token(tok)
            tok.pos_ = upos
            tok.set_morph(None if feats == "_" else feats)  # type: ignore[attr-defined]  # not in spaCy's token.pyi
        return doc
