"""Benchmarks: pipeline load time, spaCy words/s per language, full tidende pipeline vs bare spaCy.

Usage: python benchmarks/run.py [--shared ../shared] [--docs 60] [--out benchmarks/results.json]
       [--profile benchmarks/profile-nb.txt]

All ratios are measured in the same run on the same text, on one core (BLAS threads
pinned to 1), in wall-clock and in CPU time (less sensitive to other load). Norwegian text: NorNE dev sentences grouped
into ~400-word articles plus the example article; English: the shared PLOVER gold
sentences grouped likewise. Nothing here is a unit test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]


def norwegian_articles(shared: Path, variety: str, n: int) -> list[str]:
    """~400-word pseudo-articles from NorNE dev sentences (read at run time, never stored)."""
    split = json.loads((shared / "data" / "norne" / "ndt" / f"split_{variety}.json").read_text())
    words: list[str] = []
    for fname in split["dev"]:
        path = shared / "data" / "norne" / "ndt" / variety / fname
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                cols = line.split("\t")
                if len(cols) > 2 and cols[1] != "|":
                    words.append(cols[1])
    return [" ".join(words[i:i + 400]) for i in range(0, len(words), 400)][:n]


def english_articles(shared: Path, n: int) -> list[str]:
    lines = [json.loads(x)["text"] for x in (shared / "data" / "gold-dev" / "gsr_en_dev.jsonl").open(encoding="utf-8")]
    out, cur = [], []
    for t in lines:
        cur.append(t)
        if sum(len(c.split()) for c in cur) >= 400:
            out.append(" ".join(cur))
            cur = []
    return out[:n]


def bench(lang: str, texts: list[str], repeats: int = 3, chunk: int = 10) -> dict[str, float]:
    """Bare spaCy and the full pipeline on the same texts, ``repeats`` times; the medians.

    Within a repeat the two alternate every ``chunk`` articles, so a change in the load of a
    shared machine hits both sides alike (whole-run alternation varied by ±10 % here).
    """
    from statistics import median

    from tidende.actors import resolve
    from tidende.nlp import load
    from tidende.pipeline import Pipeline
    from tidende.records import Article, DocDate

    t0 = time.perf_counter()
    nlp = load(lang)
    load_s = time.perf_counter() - t0
    n_words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:5]))  # warm up
    pipeline = Pipeline(lang=lang)
    arts = [Article(id=str(i), text=t, lang=lang, date=DocDate.parse("2024-04-15")) for i, t in enumerate(texts)]
    list(pipeline.pipe(arts[:5]))
    bare, bare_cpu, full, full_cpu, n_sents = [], [], [], [], 0
    for _ in range(repeats):
        resolve.cache_clear()  # each full run starts with a cold mention cache
        b = bc = f = fc = 0.0
        n_sents = 0
        for lo in range(0, len(texts), chunk):
            t0, c0 = time.perf_counter(), time.process_time()
            n_sents += sum(len(list(d.sents)) for d in nlp.pipe(texts[lo:lo + chunk], batch_size=16))
            b, bc = b + time.perf_counter() - t0, bc + time.process_time() - c0
            t0, c0 = time.perf_counter(), time.process_time()
            list(pipeline.pipe(arts[lo:lo + chunk]))
            f, fc = f + time.perf_counter() - t0, fc + time.process_time() - c0
        bare.append(b)
        bare_cpu.append(bc)
        full.append(f)
        full_cpu.append(fc)
    b, f = median(bare), median(full)
    return {"load_s": round(load_s, 2), "articles": len(texts), "words": n_words, "sentences": n_sents,
            "repeats": repeats, "spacy_words_per_s": round(n_words / b), "full_words_per_s": round(n_words / f),
            "full_sentences_per_s": round(n_sents / f, 1), "full_articles_per_s": round(len(texts) / f, 2),
            "full_over_spacy": round(b / f, 3),
            "full_over_spacy_cpu_time": round(median(bare_cpu) / median(full_cpu), 3),
            "full_over_spacy_range": [round(min(x / y for x, y in zip(bare, full, strict=True)), 3),
                                      round(max(x / y for x, y in zip(bare, full, strict=True)), 3)]}


def profile(lang: str, texts: list[str], out: Path) -> None:
    """Where the full pipeline's time goes (pyinstrument call tree, text)."""
    from pyinstrument import Profiler

    from tidende.pipeline import Pipeline
    from tidende.records import Article, DocDate

    pipeline = Pipeline(lang=lang)
    arts = [Article(id=str(i), text=t, lang=lang, date=DocDate.parse("2024-04-15")) for i, t in enumerate(texts)]
    list(pipeline.pipe(arts[:5]))
    profiler = Profiler(interval=0.005)
    with profiler:
        list(pipeline.pipe(arts))
    out.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    ap.add_argument("--profile", type=Path, default=ROOT / "benchmarks" / "profile-nb.txt",
                    help="Where to write the profile of the Bokmål run.")
    args = ap.parse_args()
    results = {"machine": f"{platform.machine()} {os.cpu_count()} cores, {platform.python_version()}",
               "date": time.strftime("%Y-%m-%d")}
    sets = {"nb": norwegian_articles(args.shared, "nob", args.docs),
            "nn": norwegian_articles(args.shared, "nno", args.docs),
            "en": english_articles(args.shared, args.docs)}
    for lang, texts in sets.items():
        results[lang] = bench(lang, texts)
        print(lang, json.dumps(results[lang]))
    profile("nb", sets["nb"], args.profile)
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"peak RSS {results['peak_rss_mb']} MB; written to {args.out}")


if __name__ == "__main__":
    main()
