#!/usr/bin/env python3
"""Check the event lexicons, cue files and context files against the PLOVER 2.0 manual.

    python training/lexicon/validate_lexicons.py [--manual PATH] [--ndt DIR] [-v]

* every YAML file under src/tidende/events/{lexicon,cues,contexts}/ loads;
* lexicon entries have all keys, a PLOVER event type, a mode of *that* type (or null),
  PLOVER contexts, well-formed recipient/actor slots, and no duplicate keys;
* context files map keywords to PLOVER contexts only;
* with --ndt (NorNE NDT folder), nb/nn lemmas absent from the treebank are listed
  (informational: the treebank is small, absence is not an error).

The label inventory is read from the manual's .tex, not hard-coded. Exit status 1 on errors.
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EVENTS = ROOT / "src/tidende/events"
KEYS = ["lemma", "pos", "particle", "object", "prep", "recipient", "actor", "event", "mode",
        "context", "cameo"]
SLOT = re.compile(r"^(obj|iobj|subj|poss|none|(obl|nmod):[a-zæøå]+)$")
STATE_SLOT = re.compile(r"^state:[A-Z]{3}$")  # actor only: a state-only act (lexicon README)


def plover_labels(tex: Path):
    t = tex.read_text(encoding="utf-8")
    # event types: \section{X} inside \chapter{Event Categories}
    ev_part = t.split(r"\chapter{Event Categories}", 1)[1].split(r"\chapter{", 1)[0]
    events = re.findall(r"\\section\{([A-Z]+)\}", ev_part)
    modes: dict[str, set[str]] = {}
    sections = re.split(r"\\section\{([A-Z]+)\}", ev_part)
    for name, body in zip(sections[1::2], sections[2::2], strict=True):
        found = set()
        for tab in re.findall(r"\\begin\{tabular\}(.*?)\\end\{tabular\}", body, re.S):
            for row in tab.split("\\\\"):
                row = row.replace("\\hline", "").strip()
                m = re.match(r"^([a-z][a-zA-Z\-]*)\s*&", row)
                if m and m.group(1) != "Name":
                    found.add(m.group(1))
        modes[name] = found
    ctx_tab = re.search(r"\\begin\{longtable\}.*?\\end\{longtable\}", t, re.S).group(0)
    contexts = set()
    for row in ctx_tab.split("\\\\"):
        lines = [x.strip() for x in row.strip().splitlines() if x.strip()]
        row = lines[-1] if lines else ""
        m = re.match(r"^(?:\\hyperref\[[^\]]*\]\{([a-z_\\]+)\}|([a-z_\\]+))\s*&", row)
        if m:
            contexts.add((m.group(1) or m.group(2)).replace("\\_", "_").replace("\\", ""))
    contexts.discard("Name")
    return events, modes, contexts


def ndt_lemmas(ndt: Path, variety: str) -> set[str]:
    lem = set()
    for f in (ndt / variety).glob("*.conll"):
        for line in f.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) > 4 and cols[3] in ("verb", "subst"):
                lem.add(cols[2].lower())
    return lem


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--manual", type=Path, default=SHARED / "data/plover/PLOVER_MANUAL.tex")
    ap.add_argument("--ndt", type=Path, default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    events, modes, contexts = plover_labels(a.manual)
    print(f"manual: {len(events)} event types, {sum(map(len, modes.values()))} modes, "
          f"{len(contexts)} contexts")
    if a.verbose:
        print(" ", events)
        for e in events:
            print(f"  {e}: {sorted(modes[e])}")
        print("  contexts:", sorted(contexts))
    errors = []
    used = collections.Counter()
    for path in sorted((EVENTS / "lexicon").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        seen = {}
        n = 0
        for i, e in enumerate(data.get("entries", [])):
            n += 1
            where = f"{path.name}#{i} {e.get('lemma')}"
            for k in KEYS:
                if k not in e:
                    errors.append(f"{where}: missing key {k}")
            if e.get("event") not in events:
                errors.append(f"{where}: unknown event {e.get('event')}")
            elif e.get("mode") is not None and e["mode"] not in modes[e["event"]]:
                errors.append(f"{where}: mode {e['mode']} not a mode of {e['event']}")
            for c in e.get("context") or []:
                if c not in contexts:
                    errors.append(f"{where}: unknown context {c}")
                used["context:" + c] += 1
            if e.get("pos") not in ("verb", "noun"):
                errors.append(f"{where}: pos {e.get('pos')}")
            for s in (e.get("recipient") or []) + (e.get("actor") or []):
                if not SLOT.match(str(s)) and not (STATE_SLOT.match(str(s)) and s in (e.get("actor") or [])):
                    errors.append(f"{where}: bad slot {s}")
            key = (e.get("lemma"), e.get("pos"), e.get("particle"), e.get("object"), e.get("prep"))
            if key in seen:
                errors.append(f"{where}: duplicate of #{seen[key]} {key}")
            seen[key] = i
            used[f"{e.get('event')}/{e.get('mode')}"] += 1
        print(f"{path.name}: {n} entries, "
              f"{len(set(k[0] for k in seen))} distinct lemmas")
        if a.ndt and path.stem in ("nb", "nn"):
            lem = ndt_lemmas(a.ndt, {"nb": "nob", "nn": "nno"}[path.stem])
            missing = sorted({e["lemma"] for e in data["entries"]} - lem)
            print(f"  {len(missing)} lemmas not in NDT {path.stem} (informational): "
                  + " ".join(missing))
    for path in sorted((EVENTS / "contexts").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        n = 0
        for ctx, words in (data.get("contexts") or {}).items():
            if ctx not in contexts:
                errors.append(f"{path.name}: unknown context {ctx}")
            n += len(words or [])
        print(f"{path.name}: {len(data.get('contexts') or {})} contexts, {n} keywords")
    for path in sorted((EVENTS / "cues").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        sizes = {k: len(v) for k, v in data.items() if isinstance(v, list)}
        print(f"{path.name}: " + ", ".join(f"{k}={v}" for k, v in sizes.items()))
    if a.verbose:
        print("labels used:", dict(sorted(used.items())))
    for err in errors:
        print("ERROR", err)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
