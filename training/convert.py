"""Convert NorNE's NDT CoNLL files into spaCy DocBin corpora.

Usage: python training/convert.py SHARED_NORNE_DIR OUT_DIR

Writes ``{train,dev}_{nob,nno}.spacy`` and the joint ``train.spacy``/``dev.spacy``.
Token tags are the full NDT tag (``pos|feat|feat``), dependency labels NDT's,
entities NorNE's (PER, ORG, LOC, GPE_LOC, GPE_ORG, PROD, EVT, DRV; the handful
of MISC tokens are dropped to O). NDT's paragraph marker ``|`` (the end of a
headline or paragraph) is removed and its dependants re-attached to its head; the
indices of the tokens that ended a line are kept in ``doc.user_data["line_ends"]``
so that evaluation can give the pipeline the line breaks real input has.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "»", "”", "%", "..."}
NO_SPACE_AFTER = {"(", "«", "“"}
SENTS_PER_DOC = 10
LABELS = {"PER", "ORG", "LOC", "GPE_LOC", "GPE_ORG", "PROD", "EVT", "DRV"}


def is_marker(row: list[str]) -> bool:
    return row[1] == "|" and row[2] in {"$|", "|"}


def read_sentences(path: Path) -> list[list[list[str]]]:
    sents: list[list[list[str]]] = []
    cur: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append(line.split("\t"))
    if cur:
        sents.append(cur)
    return [s for s in sents if clean(s)]


def clean(rows: list[list[str]]) -> list[list[str]]:
    """Drop paragraph markers, re-attaching their dependants; renumber heads."""
    drop = {int(r[0]) for r in rows if is_marker(r)}
    if not drop:
        return rows
    heads = {int(r[0]): int(r[6]) for r in rows}

    def up(h: int) -> int:
        while h in drop:
            h = heads[h]
        return h

    kept = [r for r in rows if int(r[0]) not in drop]
    if not kept:
        return []
    new_id = {int(r[0]): i + 1 for i, r in enumerate(kept)}
    out = []
    for r in kept:
        h = up(int(r[6]))
        r = list(r)
        r[6] = str(new_id.get(h, 0)) if h else "0"
        out.append(r)
    roots = [r for r in out if r[6] == "0"]
    for extra in roots[1:]:  # a removed root leaves several: attach to the first
        extra[6] = str(out.index(roots[0]) + 1)
    return out


def sent_parts(rows: list[list[str]]) -> dict[str, list]:
    words = [r[1] for r in rows]
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(not (nxt in NO_SPACE_BEFORE or w in NO_SPACE_AFTER or nxt is None))
    tags = [r[3] if r[5] == "_" else f"{r[3]}|{r[5]}" for r in rows]
    lemmas = [r[2][1:] if r[2].startswith("$") and len(r[2]) > 1 else r[2] for r in rows]
    heads = [int(r[6]) for r in rows]
    deps = [r[7] for r in rows]
    ents = []
    for r in rows:
        ner = r[9].split("name=")[-1] if "name=" in r[9] else "O"
        label = ner[2:] if ner != "O" else ""
        ents.append(ner if label in LABELS else "O")
    return {"words": words, "spaces": spaces, "tags": tags, "lemmas": lemmas,
            "heads": heads, "deps": deps, "ents": ents}


def make_doc(vocab: Vocab, sents: list[list[list[str]]]) -> Doc:
    parts: dict[str, list] = {k: [] for k in ("words", "spaces", "tags", "lemmas", "heads", "deps", "ents")}
    sent_starts: list[bool] = []
    line_ends: list[int] = []
    for rows in sents:
        p = sent_parts(clean(rows))
        offset = len(parts["words"])
        if p["spaces"]:
            p["spaces"][-1] = True  # sentences are separated by a space
        if any(is_marker(r) for r in rows):
            line_ends.append(offset + len(p["words"]) - 1)
        p["heads"] = [offset + h - 1 if h else offset + i for i, h in enumerate(p["heads"])]
        p["deps"] = [d if h != offset + i else "ROOT"
                     for i, (d, h) in enumerate(zip(p["deps"], p["heads"], strict=True))]
        for k in parts:
            parts[k].extend(p[k])
        sent_starts.extend([True] + [False] * (len(p["words"]) - 1))
    # fix BIO sequences broken by MISC removal or sentence joins
    ents = parts["ents"]
    for i, e in enumerate(ents):
        if e.startswith("I-") and (i == 0 or ents[i - 1] == "O" or ents[i - 1][2:] != e[2:]):
            ents[i] = "B-" + e[2:]
    parts["spaces"][-1] = False
    doc = Doc(vocab, words=parts["words"], spaces=parts["spaces"], tags=parts["tags"],
              lemmas=parts["lemmas"], heads=parts["heads"], deps=parts["deps"],
              sent_starts=sent_starts, ents=ents)
    doc.user_data["line_ends"] = line_ends
    return doc


def convert(norne: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    joint: dict[str, DocBin] = {"train": DocBin(store_user_data=True), "dev": DocBin(store_user_data=True)}
    for variety in ("nob", "nno"):
        split = json.loads((norne / "ndt" / f"split_{variety}.json").read_text())
        for name in ("train", "dev"):
            db = DocBin(store_user_data=True)
            n_sents = n_tok = 0
            for fname in split[name]:
                path = norne / "ndt" / variety / fname
                if not path.exists():
                    continue
                sents = read_sentences(path)
                for i in range(0, len(sents), SENTS_PER_DOC):
                    doc = make_doc(vocab, sents[i:i + SENTS_PER_DOC])
                    db.add(doc)
                    joint[name].add(doc)
                    n_sents += len(sents[i:i + SENTS_PER_DOC])
                    n_tok += len(doc)
            db.to_disk(out / f"{name}_{variety}.spacy")
            print(f"{variety} {name}: {n_sents} sentences, {n_tok} tokens")
    for name, db in joint.items():
        db.to_disk(out / f"{name}.spacy")


if __name__ == "__main__":
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
