"""End-to-end ingest into SQLite: 1 and 2 worker processes, Dask LocalCluster 1 and 2 workers.

Usage: python benchmarks/scale.py [--shared ../shared] [--articles 480] [--out benchmarks/scale-results.json]

Each run is a real ``tidende ingest`` command into a fresh store, over the same JSONL of
~400-word Norwegian articles (NorNE dev text, read at run time; never stored). Wall time
includes starting the workers and loading their models. RSS of every process of the run
(the command and its workers) is sampled every 0.2 s; the largest per process is reported.
Not a unit test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.run import norwegian_articles  # noqa: E402

TIDENDE = Path(sys.executable).with_name("tidende")
RUNS = {
    "processes_1": ["--workers", "1"],
    "processes_2": ["--workers", "2"],
    "dask_local_1": ["--cluster", "local", "--workers", "1"],
    "dask_local_2": ["--cluster", "local", "--workers", "2"],
}


def write_articles(shared: Path, n: int, path: Path) -> int:
    """``n`` ~400-word articles (Bokmål and Nynorsk dev text, cycled with distinct ids); their word count."""
    texts = norwegian_articles(shared, "nob", 1000) + norwegian_articles(shared, "nno", 1000)
    words = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = texts[i % len(texts)]
            words += len(text.split())
            f.write(json.dumps({"id": f"a{i}", "text": text, "date": f"2024-04-{i % 28 + 1:02d}"}, ensure_ascii=False))
            f.write("\n")
    return words


def run_ingest(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run one ingest command; wall seconds and the peak RSS (MB) of its largest process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(TIDENDE), "ingest", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    peak: dict[int, int] = {}
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            for p in [root, *root.children(recursive=True)]:
                peak[p.pid] = max(peak.get(p.pid, 0), p.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.2)
    wall = time.perf_counter() - t0
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"ingest {' '.join(args)} failed ({proc.returncode}):\n{err[-2000:]}")
    rss = sorted(peak.values(), reverse=True)
    return {"wall_s": round(wall, 2), "peak_rss_mb_max_process": round(rss[0] / 2**20) if rss else 0,
            "processes_seen": len(rss), "summary": out.strip().splitlines()[-1]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--articles", type=int, default=480)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "scale-results.json")
    args = ap.parse_args()
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    results: dict[str, object] = {
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"), "articles": args.articles,
    }
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "articles.jsonl"
        results["words"] = write_articles(args.shared, args.articles, docs)
        for name, extra in RUNS.items():
            r = run_ingest([str(docs), "--db", str(Path(tmp) / f"{name}.db"), *extra], env)
            r["articles_per_s"] = round(args.articles / r["wall_s"], 2)
            results[name] = r
            print(name, json.dumps(r), flush=True)
    p1, p2 = results["processes_1"], results["processes_2"]
    d1, d2 = results["dask_local_1"], results["dask_local_2"]
    assert isinstance(p1, dict) and isinstance(p2, dict) and isinstance(d1, dict) and isinstance(d2, dict)
    results["processes_scaling_efficiency"] = round(p2["articles_per_s"] / p1["articles_per_s"] / 2, 3)
    results["dask_scaling_efficiency"] = round(d2["articles_per_s"] / d1["articles_per_s"] / 2, 3)
    print(f"2 processes: {p2['articles_per_s']} articles/s (efficiency {results['processes_scaling_efficiency']}); "
          f"Dask 2 workers: {d2['articles_per_s']} articles/s (efficiency {results['dask_scaling_efficiency']})")
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
