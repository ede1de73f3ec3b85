"""Learn the NDT tag → UD UPOS/FEATS map from the UD-converted dev split.

Usage: python training/ud_map.py SHARED_NORNE_DIR OUT.tsv

NDT dev sentences are matched to UD dev sentences by their word forms. For each
NDT tag (``pos|feats``) the most frequent UPOS+FEATS is kept; for (lemma, tag)
pairs whose own majority differs (AUX vs VERB, DET vs PRON ...), an override.
Prints two-fold cross-validated UPOS and FEATS accuracy (documents split by
parity), then writes the map learned on all of dev.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

Row = tuple[str, str, str, str, str]  # form, lemma, ndt_tag, upos, feats


def ndt_sentences(norne: Path, variety: str) -> dict[tuple[str, ...], list[tuple[str, str, str]]]:
    split = json.loads((norne / "ndt" / f"split_{variety}.json").read_text())
    out = {}
    for fname in split["dev"]:
        path = norne / "ndt" / variety / fname
        if not path.exists():
            continue
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            rows = [line.split("\t") for line in block.splitlines() if line.strip()]
            rows = [r for r in rows if not (r[1] == "|" and r[2] in ("$|", "|"))]
            if rows:
                ids = {r[0]: r for r in rows}
                kids: dict[str, list[list[str]]] = defaultdict(list)
                for r in rows:
                    if r[6] in ids:
                        kids[r[6]].append(r)
                out[tuple(r[1] for r in rows)] = [
                    (r[1], r[2], (r[3] if r[5] == "_" else f"{r[3]}|{r[5]}") + context(r[3], r[2], kids[r[0]]))
                    for r in rows
                ]
    return out


def context(pos: str, lemma: str, children: list[list[str]]) -> str:
    """A syntactic hint appended to the tag: ``@aux`` (verb with an infinite verb or a
    predicative under være/bli), ``@clausal`` (preposition/subjunction governing a clause)."""
    deps = {(c[7], c[3]) for c in children}
    if pos == "verb" and (any(d == "INFV" for d, _ in deps) or (lemma in ("være", "vere", "bli", "verte")
                          and any(d == "SPRED" for d, _ in deps))):
        return "@aux"
    if pos in ("prep", "sbu") and any(d == "PUTFYLL" and p in ("verb", "inf-merke") for d, p in deps):
        return "@clausal"
    return ""


def ud_sentences(path: Path) -> list[list[tuple[str, str, str]]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
        elif not line.startswith("#"):
            c = line.split("\t")
            if "-" not in c[0] and "." not in c[0]:
                cur.append((c[1], c[3], c[5]))
    if cur:
        sents.append(cur)
    return sents


def aligned(norne: Path) -> list[list[Row]]:
    """Sentences of (form, lemma, ndt_tag, upos, feats), both varieties."""
    out = []
    for variety, ud_name in (("nob", "no_bokmaal-ud-dev.conllu"), ("nno", "no_nynorsk-ud-dev.conllu")):
        ndt = ndt_sentences(norne, variety)
        for sent in ud_sentences(norne / "ud" / variety / ud_name):
            key = tuple(f for f, _, _ in sent)
            if key in ndt:
                out.append([(f, lem, tag, upos, feats) for (f, lem, tag), (_, upos, feats)
                            in zip(ndt[key], sent, strict=True)])
    return out


def learn(sents: list[list[Row]]) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    by_tag: dict[str, Counter[str]] = defaultdict(Counter)
    by_lemma: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for sent in sents:
        for _, lemma, tag, upos, feats in sent:
            bare = tag.split("@")[0]
            for key in {tag, bare, bare.split("|")[0]}:
                by_tag[key][f"{upos}\t{feats}"] += 1
            by_lemma[(lemma.lower(), tag)][f"{upos}\t{feats}"] += 1
    tags = {t: c.most_common(1)[0][0] for t, c in by_tag.items()}
    overrides = {}
    for (lemma, tag), c in by_lemma.items():
        best, n = c.most_common(1)[0]
        if best != tags[tag] and n >= 2:
            overrides[(lemma, tag)] = best
    return tags, overrides


def apply(tags: dict[str, str], overrides: dict[tuple[str, str], str], lemma: str, tag: str) -> str:
    """Back off: (lemma, tag) → tag → tag without the hint → the bare NDT part of speech."""
    bare = tag.split("@")[0]
    return (overrides.get((lemma.lower(), tag)) or tags.get(tag) or tags.get(bare)
            or tags.get(bare.split("|")[0]) or "X\t_")


def main(norne: Path, out: Path) -> None:
    sents = aligned(norne)
    n_tok = sum(len(s) for s in sents)
    print(f"aligned {len(sents)} sentences, {n_tok} tokens")
    correct_pos = correct_feats = total = 0
    for fold in (0, 1):
        train = [s for i, s in enumerate(sents) if i % 2 != fold]
        test = [s for i, s in enumerate(sents) if i % 2 == fold]
        tags, overrides = learn(train)
        for sent in test:
            for _, lemma, tag, upos, feats in sent:
                pred_pos, pred_feats = apply(tags, overrides, lemma, tag).split("\t")
                correct_pos += pred_pos == upos
                correct_feats += pred_feats == feats
                total += 1
    print(f"2-fold cross-validated on dev: UPOS {correct_pos / total:.4f}, FEATS {correct_feats / total:.4f}")
    tags, overrides = learn(sents)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# NDT tag (+ lemma) -> UD UPOS and FEATS, learned by training/ud_map.py from NorNE's UD dev split\n")
        fh.write("# license: CC BY-SA 4.0 (derived from the UD conversion of NDT)\n")
        fh.write("lemma\tndt_tag\tupos\tfeats\n")
        for tag, v in sorted(tags.items()):
            fh.write(f"*\t{tag}\t{v}\n")
        for (lemma, tag), v in sorted(overrides.items()):
            fh.write(f"{lemma}\t{tag}\t{v}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
