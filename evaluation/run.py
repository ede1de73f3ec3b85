"""Score tidende on every dev set and write ``docs/accuracy.md``.

Usage: python evaluation/run.py [--shared ../shared] [--out docs/accuracy.md] [--json scores.json]

Dev sets: the shared English PLOVER gold (``gold-dev/gsr_en_dev.jsonl``), our Bokmål and
Nynorsk renderings of part of it (``tests/data/events/gsr_no.jsonl``), Norwegian news
events annotated by reference in NARC (``tests/data/events/no_news_events.jsonl``),
quotes in NARC news (``tests/data/quotes/narc_quotes.jsonl``), English news-style
quotes (``tests/data/quotes/en_quotes.jsonl``) and actor mentions from real articles
(``tests/actors/data/mentions_news.tsv``, see ``evaluation/actors.py``). Texts referenced by offset are read from
``../shared`` and never written to the repository. Scoring is the shared scorer's.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import actors  # evaluation/actors.py (this folder is on sys.path when run as a script)
from tidende.pipeline import Pipeline
from tidende.records import Article, DocDate

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", shared / "data" / "gold-dev" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sha8(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def events_by_reference(shared: Path) -> list[dict[str, Any]]:
    """NARC event passages, with their text cut from the shared file and checked.

    The annotator read each passage in its article, so the system reads it in its article too:
    ``context`` is the article up to the passage's end, and only events triggered inside the
    passage are scored (see ``in_passage``).
    """
    out = []
    for rec in read_jsonl(DATA / "events" / "no_news_events.jsonl"):
        article = (shared / "data" / rec["doc"]).read_text(encoding="utf-8")
        text = article[rec["start"]:rec["end"]]
        if sha8(text) != rec["sha1"]:
            raise SystemExit(f"{rec['id']}: text does not match its sha1; is ../shared the expected version?")
        out.append({**rec, "text": text, "context": article[:rec["end"]], "quotes": []})
    return out


def in_passage(record: dict[str, Any], start: int) -> dict[str, Any]:
    """A system record read in context, cut back to its passage: events triggered from ``start`` on."""
    events = [e for e in record["events"] if e["trigger"]["start"] >= start]
    return {**record, "text": record["text"][start:], "events": events, "quotes": []}


def quotes_by_reference(shared: Path) -> list[dict[str, Any]]:
    """NARC quote documents as gold records (speaker = the mention, or the name for pronouns)."""
    out = []
    for rec in read_jsonl(DATA / "quotes" / "narc_quotes.jsonl"):
        text = (shared / "data" / rec["doc"]).read_text(encoding="utf-8")
        quotes = []
        for q in rec["quotes"]:
            mention = text[q["speaker"][0]:q["speaker"][1]] if q.get("speaker") else None
            pronoun = mention is not None and mention.lower() in {"han", "hun", "ho", "de", "dei", "vi", "eg", "jeg"}
            quotes.append({"kind": q["kind"], "content": text[q["content"][0]:q["content"][1]],
                           "cue": q.get("cue_text"), "speaker": q.get("speaker_name") if pronoun or not mention
                           else mention, "speaker_code": None})
        out.append({"id": rec["doc"], "lang": rec["lang"], "date": None, "text": text, "events": [],
                    "quotes": quotes})
    return out


def run_system(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """tidende's records for gold passages (language and date from the gold)."""
    out = []
    for lang in ("nb", "nn", "en"):
        recs = [g for g in gold if g["lang"] == lang]
        if not recs:
            continue
        pipeline = Pipeline(lang=lang)
        arts = [Article(id=str(g["id"]), text=g.get("context", g["text"]), lang=lang,
                        date=DocDate.parse(g["date"]) if g.get("date") else None) for g in recs]
        by_id = {str(g["id"]): g for g in recs}
        for art, doc in pipeline.pipe(arts):
            if isinstance(doc, Exception):
                print(f"warning: {doc}", file=sys.stderr)  # scored as a document with no output
            else:
                rec, g = doc.to_json_dict(), by_id[art.id]
                out.append(in_passage(rec, g["start"]) if "context" in g else rec)
    return out


def table(name: str, res: dict[str, Any], quotes: bool) -> list[str]:
    f = lambda m: f"{m['p']:.3f} / {m['r']:.3f} / {m['f1']:.3f}"  # noqa: E731
    lines = [f"### {name}", "", f"{res['documents']} passages.", ""]
    if quotes:
        lines += [f"- quotes P/R/F1: {f(res['quote'])} (gold {res['quote']['gold']}, system {res['quote']['sys']})",
                  f"- speaker accuracy on matched quotes: {res['speaker_accuracy']['acc']:.3f}", ""]
        return lines
    lines += [f"- events P/R/F1: {f(res['event'])} (gold {res['event']['gold']}, system {res['event']['sys']})",
              f"- type only P/R/F1: {f(res['event_type_only'])}",
              f"- negation accuracy {res['negation_accuracy']['acc']:.3f}, modality accuracy "
              f"{res['modality_accuracy']['acc']:.3f}, attribution accuracy "
              f"{res['attribution_accuracy']['acc']:.3f} (on matched events)", "",
              "| type | P | R | F1 | gold | system |", "|---|---|---|---|---|---|"]
    for t, m in res["per_type"].items():
        lines.append(f"| {t} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | {m['gold']} | {m['sys']} |")
    return [*lines, ""]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "accuracy.md")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    scorer = load_scorer(args.shared)
    sets: list[tuple[str, list[dict[str, Any]], bool]] = [
        ("English PLOVER gold (gold-dev, en)", read_jsonl(args.shared / "data" / "gold-dev" / "gsr_en_dev.jsonl"),
         False),
    ]
    no = read_jsonl(DATA / "events" / "gsr_no.jsonl")
    sets += [("PLOVER gold rendered in Bokmål", [g for g in no if g["lang"] == "nb"], False),
             ("PLOVER gold rendered in Nynorsk", [g for g in no if g["lang"] == "nn"], False)]
    news = events_by_reference(args.shared)
    sets += [("Norwegian news events (NARC, nb)", [g for g in news if g["lang"] == "nb"], False),
             ("Norwegian news events (NARC, nn)", [g for g in news if g["lang"] == "nn"], False)]
    sets += [("Quotes in Norwegian news (NARC)", quotes_by_reference(args.shared), True),
             ("Quotes in English news-style text", read_jsonl(DATA / "quotes" / "en_quotes.jsonl"), True),
             ("Quotes in the English PLOVER gold", sets[0][1], True)]
    results = {}
    lines = ["# Accuracy on the dev sets", "",
             "Generated by `python evaluation/run.py` (scorer: `../shared/data/gold-dev/score.py`: an event matches "
             "when the type is equal, actor codes intersect and, when gold has one, recipient codes intersect; a quote "
             "when content word overlap ≥ 0.5). NARC event passages are read in their article (the text up to the "
             "passage's end) and scored on the events triggered inside the passage.", ""]
    for name, gold, quotes in sets:
        res = scorer.score(gold, run_system(gold))
        results[name] = res
        lines += table(name, res, quotes)
        print(name, json.dumps({k: res[k] for k in ("event", "quote", "speaker_accuracy")}))
    results["actors"] = actors.mention_scores(args.shared)
    lines += actors.table(results["actors"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
