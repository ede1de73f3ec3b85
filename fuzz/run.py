"""The long fuzz run: many hypothesis examples per input path, counted, written to ``fuzz/results.json``.

    .venv/bin/python fuzz/run.py [--examples 10000] [--path txt|jsonl|...|all] [--seed N]

Each path's examples go through ``fuzz.targets``; a crash (an exception escaping tidende) or a wrong
answer (``Broken``) is counted and the first few are kept with their input, and the run goes on. The
``bulk`` path reads 100 000 tiny documents, one in a hundred of them bad, from one ``.jsonl`` file. Exit
status 1 if any path had a crash, a wrong answer or a lost good document. Results of paths run
separately are merged into the same file.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fuzz.targets import GOOD_TEXT, TARGETS, Broken, Target
from tidende.ingest.readers import read_inputs

RESULTS = Path(__file__).with_name("results.json")
BULK_DOCS = 100_000
KEEP = 5


def run_target(target: Target, examples: int, rng_seed: int) -> dict[str, Any]:
    """Run ``examples`` generated inputs through ``target``; counts and the first failures."""
    out: dict[str, Any] = {"inputs": 0, "crashes": 0, "wrong_answers": 0, "lost_good_docs": 0, "failures": []}

    @seed(rng_seed)
    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(target.strategy)
    def run(example: Any) -> None:
        out["inputs"] += 1
        try:
            out["lost_good_docs"] += target.check(example)
        except Exception as exc:
            out["wrong_answers" if isinstance(exc, Broken) else "crashes"] += 1
            if len(out["failures"]) < KEEP:
                out["failures"].append({"input": repr(example)[:500],
                                        "error": "".join(traceback.format_exception_only(exc)).strip()[:1000]})

    start = time.perf_counter()
    run()
    out["seconds"] = round(time.perf_counter() - start, 1)
    return out


def run_bulk() -> dict[str, Any]:
    """100 000 tiny documents in one ``.jsonl`` file, every hundredth line bad: all good ones read, in order."""
    bad = [b"{broken", b'{"text": 5}', b"\xff\xfe", b'{"text": "   "}', b"[" * 5000]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tidende-bulk-") as tmp:
        path = Path(tmp, "bulk.jsonl")
        with path.open("wb") as f:
            for i in range(BULK_DOCS):
                line = bad[i // 100 % len(bad)] if i % 100 == 99 else json.dumps({"id": f"d{i}", "text": GOOD_TEXT})
                f.write((line if isinstance(line, bytes) else line.encode()) + b"\n")
        good = errors = lost = 0
        for i, res in enumerate(read_inputs([str(path)])):
            if i % 100 == 99:
                errors += res.error is not None
            else:
                ok = res.article is not None and res.article.id == f"d{i}" and res.article.text == GOOD_TEXT
                good += ok
                lost += not ok
    return {"inputs": BULK_DOCS, "good_read": good, "errors_reported": errors, "lost_good_docs": lost,
            "crashes": 0, "wrong_answers": BULK_DOCS // 100 - errors, "failures": [],
            "seconds": round(time.perf_counter() - start, 1)}


def main(argv: list[str] | None = None) -> int:
    """Run the chosen paths and write ``fuzz/results.json``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=10_000, help="generated inputs per path")
    parser.add_argument("--path", choices=[*TARGETS, "bulk", "all"], default="all")
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed (same seed, same inputs)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    names = [*TARGETS, "bulk"] if args.path == "all" else [args.path]
    command = " ".join(["fuzz/run.py", *(argv if argv is not None else sys.argv[1:])])
    report = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {"paths": {}}
    failed = False
    for name in names:
        r = run_bulk() if name == "bulk" else run_target(TARGETS[name], args.examples, args.seed)
        r.update(command=command, seed=args.seed,
                 peak_rss_mb_so_far=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
        report["paths"][name] = r
        failed = failed or bool(r["crashes"] or r["wrong_answers"] or r["lost_good_docs"])
        print(f"{name}: {r['inputs']} inputs, {r['crashes']} crashes, {r['wrong_answers']} wrong answers, "
              f"{r['lost_good_docs']} lost good documents ({r['seconds']} s)", flush=True)
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
