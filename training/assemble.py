"""Assemble the shipped Norwegian pipeline from the trained syntax and NER pipelines.

Usage: python training/assemble.py SYNTAX_DIR NER_DIR OUT_DIR [--scores scores.json]

The NER pipeline's own tok2vec is copied into its ``ner`` component
(``replace_listeners``), which is then sourced into the syntax pipeline. Meta
records training data, versions and, when given, dev scores.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy


def assemble(syntax: Path, ner: Path, out: Path, scores: Path | None) -> None:
    nlp = spacy.load(syntax)
    ner_nlp = spacy.load(ner)
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner_nlp, last=True)
    nlp.meta["name"] = "tidende_no_news"
    nlp.meta["version"] = "0.2.0"
    nlp.meta["description"] = "Norwegian (Bokmål + Nynorsk) pipeline: NDT tags, lemmas, NDT parse, NorNE NER"
    nlp.meta["license"] = "CC BY-SA 4.0 (trained on NorNE/NDT; see NOTICE)"
    nlp.meta["tidende"] = {
        "data": "NorNE/NDT train split, nob+nno (github ltgoslo/norne @ bd311de)",
        "dev_scores": json.loads(scores.read_text()) if scores else {},
    }
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    print(f"wrote {out}: {nlp.pipe_names}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("syntax", type=Path)
    ap.add_argument("ner", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--scores", type=Path)
    a = ap.parse_args()
    assemble(a.syntax, a.ner, a.out, a.scores)
