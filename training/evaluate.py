"""Evaluate a Norwegian pipeline on NorNE dev (gold tokens), per variety.

Usage: python training/evaluate.py --model DIR [--corpus training/corpus] [--out scores.json]
                                   [--norne ../shared/data/norne]

Reports NER P/R/F (overall and per type), NDT tag accuracy, lemma accuracy,
UAS/LAS, sentence F1 (on the corpus' 10-sentence documents), UD UPOS/FEATS
accuracy through ``ndt_to_ud`` against the UD dev conversion, and words/second.
The pipeline runs as ``tidende.nlp.load`` prepares it (rule components included), with a
line break where NDT marks the end of a headline or paragraph (``sents_f``); ``sents_f_one_line``
is sentence F1 with every document on one line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy
from spacy.scorer import Scorer
from spacy.tokens import Doc, DocBin
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).parent))
import ud_map

from tidende.nlp.load import prepare
from tidende.nlp.ud_mapper import map_token


def predict(nlp: spacy.language.Language, gold: list[Doc], line_breaks: bool) -> list[Example]:
    """Run the pipeline on the gold words (a line break after each NDT line end if asked)."""
    def words(g: Doc) -> Doc:
        doc = Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
        for i in g.user_data.get("line_ends", []) if line_breaks else []:
            if i + 1 < len(doc):
                doc[i + 1].is_sent_start = True
        return doc
    return [Example(p, g) for p, g in zip(nlp.pipe(words(g) for g in gold), gold, strict=True)]


def evaluate(model: Path, corpus: Path, norne: Path) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for variety, lang in (("nob", "nb"), ("nno", "nn")):
        nlp = prepare(spacy.load(model), lang)
        gold = list(DocBin().from_disk(corpus / f"dev_{variety}.spacy").get_docs(nlp.vocab))
        t0 = time.perf_counter()
        examples = predict(nlp, gold, line_breaks=True)
        elapsed = time.perf_counter() - t0
        scores = Scorer(nlp).score(examples)
        one_line = Scorer.score_spans(predict(nlp, gold, line_breaks=False), "sents")
        n_words = sum(len(g) for g in gold)
        out[lang] = {
            "ents_f": scores["ents_f"], "ents_p": scores["ents_p"], "ents_r": scores["ents_r"],
            "ents_per_type": {k: round(v["f"], 4) for k, v in (scores.get("ents_per_type") or {}).items()},
            "tag_acc": scores.get("tag_acc"), "lemma_acc": scores.get("lemma_acc"),
            "dep_uas": scores.get("dep_uas"), "dep_las": scores.get("dep_las"), "sents_f": scores.get("sents_f"),
            "sents_f_one_line": one_line["sents_f"],
            "words_per_second": round(n_words / elapsed), "words": n_words,
        }
        out[lang].update(ud_scores(nlp, norne, variety))
    return out


def ud_scores(nlp: spacy.language.Language, norne: Path, variety: str) -> dict[str, float]:
    """UPOS/FEATS accuracy of the predicted parse mapped to UD, against the UD dev file."""
    name = {"nob": "no_bokmaal-ud-dev.conllu", "nno": "no_nynorsk-ud-dev.conllu"}[variety]
    sents = ud_map.ud_sentences(norne / "ud" / variety / name)
    pos_ok = feats_ok = total = 0
    docs = nlp.pipe(Doc(nlp.vocab, words=[w for w, _, _ in s]) for s in sents)
    for sent, doc in zip(sents, docs, strict=True):
        for (_, upos, feats), tok in zip(sent, doc, strict=True):
            p, f = map_token(tok)
            pos_ok += p == upos
            feats_ok += f == feats
            total += 1
    return {"upos_acc": pos_ok / total, "feats_acc": feats_ok / total}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, default=Path("training/corpus"))
    ap.add_argument("--norne", type=Path, default=Path("../shared/data/norne"))
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    scores = evaluate(args.model, args.corpus, args.norne)
    text = json.dumps(scores, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
