"""Web explorer under load on loopback while an ingest writes the same store.

Usage: python benchmarks/web_load.py [--clients 50] [--seconds 60] [--shared ../shared]
                                     [--out benchmarks/web-load-results.json]

1. Builds a store from the example article and the web tests' articles (``tidende ingest``).
2. Starts ``tidende serve`` on a free port of 127.0.0.1.
3. Starts a second ``tidende ingest`` of ~400-word Norwegian articles (NorNE dev text) into
   the same store, running for the whole test (SQLite WAL: readers go on while it writes).
4. Runs ``--clients`` concurrent HTTP clients for ``--seconds``, each cycling through every
   page and API route with valid parameters. A failed request is a connection error, a
   timeout or any status other than 200.

Prints and writes requests, failures, requests/s and latency percentiles. Not a unit test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.scale import write_articles  # noqa: E402

TIDENDE = Path(sys.executable).with_name("tidende")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/events", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"the server at {base} did not come up in {timeout:.0f} s")


def routes(base: str) -> list[str]:
    """Every page and API route, with parameters taken from the store."""
    events = httpx.get(base + "/api/events", params={"per_page": 50}, timeout=10).json()
    records = events.get("results") or events.get("events") or []
    article = records[0]["article_id"] if records else "seed-article"
    return [
        "/events", "/events?type=CONSULT", "/events?actor=CHN&view=clusters", "/events?q=Kina&lang=nb",
        "/events?negated=true", "/events?since=2024-01&until=2024-12&quad=1", f"/articles/{article}",
        "/actors/CHN", "/actors/USA?by=week", "/network", "/network?type=CONSULT", "/dyad?a=USA&b=CHN",
        "/api/events?actor=USA", f"/api/articles/{article}", "/api/actors/RUS", "/api/network",
        "/api/dyad?a=CHN&b=RUS", "/openapi.json",
    ]


async def client(base: str, paths: list[str], until: float, offset: int,
                 latencies: list[float], failures: list[str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        i = offset
        while time.monotonic() < until:
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                r = await http.get(path)
                if r.status_code != 200:
                    failures.append(f"{path}: {r.status_code}")
            except httpx.HTTPError as exc:
                failures.append(f"{path}: {type(exc).__name__}")
            latencies.append(time.perf_counter() - t0)


async def load(base: str, paths: list[str], clients: int, seconds: float) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    failures: list[str] = []
    until = time.monotonic() + seconds
    await asyncio.gather(*(client(base, paths, until, i, latencies, failures) for i in range(clients)))
    return latencies, failures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "web-load-results.json")
    args = ap.parse_args()
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        seed = [str(ROOT / "examples" / "seed-article.txt"), str(ROOT / "tests" / "web" / "data" / "articles.jsonl")]
        subprocess.run([str(TIDENDE), "ingest", *seed, "--db", str(db), "--workers", "1"], env=env, check=True,
                       capture_output=True)
        docs = Path(tmp) / "more.jsonl"
        write_articles(args.shared, 400, docs)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([str(TIDENDE), "serve", "--db", str(db), "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            wait_up(base)
            paths = routes(base)
            writer = subprocess.Popen([str(TIDENDE), "ingest", str(docs), "--db", str(db), "--workers", "1"],
                                      env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            latencies, failures = asyncio.run(load(base, paths, args.clients, args.seconds))
            writer_running = writer.poll() is None
            writer.terminate()
            writer.wait()
        finally:
            server.terminate()
            server.wait()
    q = statistics.quantiles(latencies, n=100)
    result = {
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"), "clients": args.clients, "seconds": args.seconds,
        "routes": len(paths), "requests": len(latencies), "failed": len(failures),
        "failures_sample": sorted(set(failures))[:10], "requests_per_s": round(len(latencies) / args.seconds, 1),
        "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1), "p99_ms": round(q[98] * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1), "ingest_ran_throughout": writer_running,
    }
    print(json.dumps(result, indent=2))
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
