"""Store benchmarks: full-pipeline ingest and idempotent re-ingest; filtered queries over synthetic events.

Usage: python benchmarks/store.py [--articles 10000] [--workers 2] [--events 1000000] [--part all|ingest|query]
                                  [--db PATH] [--shared ../shared] [--out benchmarks/store-results.json]

(a) ``ingest``: N articles of 100-150 words, sentences of NorNE dev (nb and nn) drawn at random,
written as JSON Lines and run through ``tidende ingest --workers W`` (language detection, spaCy,
stages, store; default W = 2) into a fresh store, then the same articles again, which must change
nothing; wall time includes loading the models, RSS is the largest process's. (b) ``query``: E
synthetic events (skewed actor, type and date distributions, a few thousand articles of real text
for the full-text index) written straight into a fresh store's schema, then ~200 ``Store.events``
queries of the kinds ``tidende events`` offers, each reading one page of 100 records (``--db``: keep
the filled store, or time the queries on an existing one). Results of each part are merged into
``--out``.
Nothing here is a unit test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.run import norwegian_articles  # noqa: E402

from tidende.records import Article, DocDate  # noqa: E402
from tidende.store import Store, open_store  # noqa: E402
from tidende.store.sqlite import INSERT_CODE, code_rows  # noqa: E402

PLOVER_TYPES = ["CONSULT", "ACCUSE", "REQUEST", "SUPPORT", "COOPERATE", "AID", "ASSAULT", "RETREAT", "THREATEN",
                "PROTEST", "DISAPPROVE", "REJECT", "SANCTION", "COERCE", "MOBILIZE", "AGREE"]
COUNTRIES = ["USA", "RUS", "CHN", "UKR", "NOR", "GBR", "DEU", "FRA", "ISR", "PSE", "IRN", "SWE", "DNK", "TUR",
             "IND", "JPN", "PRK", "KOR", "SYR", "AFG", "IRQ", "POL", "FIN", "EST", "LTU", "LVA", "BLR", "HUN", "ITA",
             "ESP", "NLD", "BEL", "CAN", "MEX", "BRA", "ARG", "VEN", "COL", "ZAF", "NGA", "EGY", "SAU", "QAT",
             "YEM", "LBN", "PAK", "BGD", "IDN", "PHL", "VNM", "THA", "MMR", "AUS", "NZL", "SRB", "BIH", "GRC",
             "CYP", "ETH", "SDN", "SSD", "SOM", "KEN", "MLI", "NER", "LBY", "TUN", "DZA", "MAR", "GEO", "ARM",
             "AZE", "KAZ", "UZB", "ISL", "EUR", "NAT", "UNO", "IGO"]
SECTORS = [None, "GOV", "MIL", "COP", "OPP", "BUS", "MED", "CVL", "REB"]


def sentences(shared: Path) -> list[str]:
    """The sentences of NorNE dev, Bokmål and Nynorsk (split at final punctuation tokens)."""
    words = " ".join(norwegian_articles(shared, "nob", 10**6) + norwegian_articles(shared, "nno", 10**6)).split()
    out: list[str] = []
    cur: list[str] = []
    for w in words:
        cur.append(w)
        if w in {".", "!", "?"} and len(cur) > 3:
            out.append(" ".join(cur))
            cur = []
    return out


def news_text(sents: list[str], rng: random.Random) -> str:
    """100-150 words of randomly drawn sentences."""
    target, picked = rng.randint(100, 150), [rng.choice(sents)]
    while sum(len(s.split()) for s in picked) < target:
        picked.append(rng.choice(sents))
    return " ".join(picked)


def make_articles(shared: Path, n: int, seed: int = 0) -> list[Article]:
    """``n`` articles with distinct ids and dates spread over 2024."""
    rng, sents = random.Random(seed), sentences(shared)
    day0 = dt.date(2024, 1, 1)
    return [Article(id=f"a{i:06d}", text=news_text(sents, rng), source=f"bench/a{i:06d}",
                    date=DocDate(value=day0 + dt.timedelta(days=rng.randrange(366))))
            for i in range(n)]


def ingest_pass(path: Path, jsonl: Path, workers: int) -> tuple[dict[str, int], dict[str, Any]]:
    """Run ``tidende ingest`` on ``jsonl``: its counts, and wall time and peak RSS of its processes."""
    from benchmarks.scale import run_ingest

    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    run = run_ingest([str(jsonl), "--db", str(path), "--workers", str(workers)], env)
    counts = {k: int(v) for v, k in re.findall(r"(\d+) (added|replaced|unchanged|failed)", str(run["summary"]))}
    return counts, run


def bench_ingest(shared: Path, n: int, workdir: Path, workers: int = 2) -> dict[str, Any]:
    """Part (a): ``tidende ingest`` into a fresh store, then the same articles again."""
    articles = make_articles(shared, n)
    jsonl = workdir / "articles.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps({"id": a.id, "text": a.text, "date": a.date.iso() if a.date else None},
                               ensure_ascii=False) + "\n")
    path = workdir / "ingest.db"
    first, run1 = ingest_pass(path, jsonl, workers)
    with open_store(path, readonly=True) as store:
        stats = store.stats()
    again, run2 = ingest_pass(path, jsonl, workers)
    with open_store(path, readonly=True) as store:
        stats2 = store.stats()
    assert again.get("added", 0) == again.get("replaced", 0) == 0, f"re-ingest changed the store: {again}"
    assert stats2 == stats, f"re-ingest changed the counts: {stats} -> {stats2}"
    words = sum(len(a.text.split()) for a in articles)
    secs = float(run1["wall_s"])
    return {"articles": n, "words": words, "workers": workers, "first": first, "seconds": round(secs, 1),
            "articles_per_s": round(n / secs, 2), "words_per_s": round(words / secs),
            "reingest": again, "reingest_seconds": run2["wall_s"],
            "store": {k: v for k, v in stats.items() if k != "articles_per_lang"} | {
                "per_lang": stats["articles_per_lang"], "mb": round(path.stat().st_size / 2**20, 1)},
            "peak_rss_mb_max_process": run1["peak_rss_mb_max_process"]}


@functools.cache
def _zipf(n: int, skew: float) -> list[float]:
    """Cumulative Zipf-like weights: item ``i`` has weight ``1 / (i + 1) ** skew``."""
    return list(itertools.accumulate(1 / (i + 1) ** skew for i in range(n)))


def _weighted(rng: random.Random, items: list[Any], skew: float = 1.1) -> Any:
    """A Zipf-like draw from ``items`` (the first most often)."""
    return rng.choices(items, cum_weights=_zipf(len(items), skew))[0]


def _actor(code: str, sector: str | None) -> dict[str, Any]:
    return {"code": code, "sector": sector, "entity_text": code.title(), "wikidata_id": None, "start": 0, "end": 3}


def fill_events(store: Store, shared: Path, n_events: int, n_articles: int, seed: int = 1) -> None:
    """Write ``n_events`` synthetic events over ``n_articles`` articles straight into the store's tables."""
    rng, sents = random.Random(seed), sentences(shared)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    day0 = dt.date(2015, 1, 1)
    art_dates = [(day0 + dt.timedelta(days=rng.randrange(3650))).isoformat() for _ in range(n_articles)]
    c = store.conn
    c.execute("BEGIN")
    for i, date in enumerate(art_dates):
        text = news_text(sents, rng)
        lang = "nb" if i % 3 else "nn"
        c.execute("INSERT INTO articles (id, content_hash, lang, date, title, url, source, text, ingested_at) "
                  "VALUES (?,?,?,?,?,?,?,?,?)", (f"s{i:05d}", f"{i:064x}", lang, date, None, None, "", text, now))
        c.execute("INSERT INTO articles_fts (id, title, text) VALUES (?,?,?)", (f"s{i:05d}", "", text))
    rows, clusters = [], []
    cluster_id = ""
    for k in range(n_events):
        a = rng.randrange(n_articles)
        event = _weighted(rng, PLOVER_TYPES, 0.8)
        actors = sorted({_weighted(rng, COUNTRIES) for _ in range(1 + (rng.random() < 0.15))})
        recipients = sorted({_weighted(rng, COUNTRIES) for _ in range(rng.random() < 0.8)})
        date = (dt.date.fromisoformat(art_dates[a]) - dt.timedelta(days=rng.randrange(3))).isoformat()
        negated = rng.random() < 0.04
        if not cluster_id or rng.random() < 0.75:  # ~1.3 mentions per cluster
            cluster_id = f"c{k:015x}"
            clusters.append((cluster_id, event, int(negated), "asserted", " ".join(actors), " ".join(recipients),
                             date, date, "nb", "bevis", f"s{a:05d}", f"e{k}"))
        sector = rng.choice(SECTORS)
        record = {"id": f"e{k}", "event": event, "mode": None, "context": [],
                  "actor": [_actor(x, sector) for x in actors], "recipient": [_actor(x, "GOV") for x in recipients],
                  "date": date, "date_precision": "day", "negated": negated, "modality": "asserted",
                  "attribution": None, "trigger": {"text": "sa", "start": 0, "end": 2},
                  "evidence": {"text": "bevis", "start": 0, "end": 5}, "location": None}
        rows.append((f"s{a:05d}", f"e{k}", event, None, " ".join(actors), " ".join(recipients), date, "day",
                     int(negated), "asserted", None, json.dumps(record), cluster_id))
    c.executemany("INSERT INTO clusters (id, event, negated, modality, actor_codes, recipient_codes, date_lo, "
                  "date_hi, lang, evidence, article_id, event_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", clusters)
    c.executemany("INSERT INTO events (article_id, id, event, mode, actor_codes, recipient_codes, date, "
                  "date_precision, negated, modality, attribution_code, record, cluster_id) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    c.executemany(INSERT_CODE, (r for row in rows for r in code_rows(row[0], row[1], row[6], row[4], row[5])))
    c.execute("COMMIT")
    c.execute("ANALYZE")


def query_mix(rng: random.Random, words: list[str], n: int) -> list[dict[str, Any]]:
    """``n`` filter sets of the kinds ``tidende events`` offers, common and rare values alike."""
    def span() -> dict[str, str]:
        lo = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3600))
        return {"since": lo.isoformat(), "until": (lo + dt.timedelta(days=rng.choice([7, 31, 365]))).isoformat()}

    kinds: list[Callable[[], dict[str, Any]]] = [
        lambda: {"actor": rng.choice(COUNTRIES)},
        lambda: {"recipient": rng.choice(COUNTRIES)},
        lambda: {"type": rng.choice(PLOVER_TYPES)},
        lambda: span(),
        lambda: {"negated": True},
        lambda: {"text": rng.choice(words)},
        lambda: {"actor": rng.choice(COUNTRIES), "recipient": rng.choice(COUNTRIES)},
        lambda: {"actor": rng.choice(COUNTRIES), "type": rng.choice(PLOVER_TYPES)} | span(),
        lambda: {"type": rng.choice(PLOVER_TYPES), "negated": True, "lang": "nn"},
        lambda: {"actor": rng.choice(COUNTRIES), "clusters": True},
        lambda: {"type": rng.choice(PLOVER_TYPES), "clusters": True} | span(),
        lambda: {"text": rng.choice(words), "actor": rng.choice(COUNTRIES[:10])},
    ]
    return [kinds[i % len(kinds)]() for i in range(n)]


def _pct(values: list[float], p: int) -> float:
    return round(statistics.quantiles(values, n=100, method="inclusive")[p - 1], 1)


def bench_query(shared: Path, n_events: int, path: Path, n_queries: int = 200, page: int = 100) -> dict[str, Any]:
    """Part (b): fill a fresh store at ``path`` with synthetic events (unless it exists) and time filtered queries."""
    n_articles = 5000
    fill_s: float | None = None
    if not path.exists():
        t0 = time.perf_counter()
        with open_store(path) as store:
            fill_events(store, shared, n_events, n_articles)
        fill_s = round(time.perf_counter() - t0, 1)
    with open_store(path) as store:  # migrates a store kept from an earlier run
        n_events = store.stats()["events"]
    rng = random.Random(2)
    words = [w for w in " ".join(sentences(shared)).split() if w.isalpha() and len(w) > 4]
    queries = query_mix(rng, words, n_queries)
    times: dict[str, list[float]] = {}
    results: list[int] = []
    slowest: list[tuple[float, dict[str, Any]]] = []
    with open_store(path, readonly=True) as store:
        for q in queries:
            t = time.perf_counter()
            results.append(sum(1 for _ in store.events(limit=page, **q)))
            ms = (time.perf_counter() - t) * 1000
            times.setdefault("+".join(sorted(q)), []).append(ms)
            slowest.append((ms, q))
    every = [ms for v in times.values() for ms in v]
    slowest.sort(key=lambda x: -x[0])
    return {"events": n_events, "articles": n_articles, "fill_s": fill_s,
            "db_mb": round(path.stat().st_size / 2**20), "queries": n_queries, "page": page,
            "empty_results": results.count(0),
            "p50_ms": _pct(every, 50), "p95_ms": _pct(every, 95), "p99_ms": _pct(every, 99),
            "max_ms": round(max(every), 1),
            "by_kind_max_ms": {k: round(max(v), 1) for k, v in sorted(times.items())},
            "slowest": [{"ms": round(ms, 1), "filters": q} for ms, q in slowest[:5]]}


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--part", choices=["all", "ingest", "query"], default="all")
    ap.add_argument("--db", type=Path, help="query part: store to query (filled first if absent; kept)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "store-results.json")
    args = ap.parse_args()
    results: dict[str, Any] = {"machine": f"{platform.machine()} {os.cpu_count()} cores, {platform.python_version()}"}
    with tempfile.TemporaryDirectory() as tmp:
        if args.part in ("all", "ingest"):
            results["ingest"] = bench_ingest(args.shared, args.articles, Path(tmp), args.workers) | {
                "date": time.strftime("%Y-%m-%d")}
            print("ingest", json.dumps(results["ingest"]), flush=True)
        if args.part in ("all", "query"):
            db = args.db or Path(tmp) / "query.db"
            results["query"] = bench_query(args.shared, args.events, db) | {"date": time.strftime("%Y-%m-%d")}
            print("query", json.dumps(results["query"]), flush=True)
    old = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}  # another part's run
    args.out.write_text(json.dumps(old | results, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
