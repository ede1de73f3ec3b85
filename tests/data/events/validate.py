"""Check the Norwegian event dev sets in this folder.

    python tests/data/events/validate.py [SHARED_DATA_DIR]

SHARED_DATA_DIR defaults to ../shared/data relative to the repository root.
Checks: passage offsets and sha1 prefixes against the NARC texts, trigger
substrings, PLOVER 2.0 labels (event types, modes, contexts, sector codes),
list lengths, and that gsr_no.jsonl matches its English source records.
"""
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

MODES = {
    "AGREE": [], "CONSULT": ["visit", "third-party", "multilateral", "phone"], "SUPPORT": [], "CONCEDE": [],
    "COOPERATE": [], "AID": [], "RETREAT": ["withdraw", "release", "disarm", "ceasefire", "access", "resign"],
    "REQUEST": ["assist", "change", "yield", "meet"], "ACCUSE": ["disapprove", "investigate", "allege"],
    "REJECT": ["assist", "change", "yield", "meet"],
    "THREATEN": ["restrict", "arrest", "relations", "expel", "territory", "violence"],
    "PROTEST": ["demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"],
    "SANCTION": ["convict", "expel", "withdraw", "discontinue"],
    "MOBILIZE": ["troops", "weapons", "police", "militia"],
    "COERCE": ["seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"],
    "ASSAULT": ["abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
                "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"],
}
CONTEXTS = {
    "military", "intelligence", "executive", "legislative", "election", "political_institutions", "pro_democracy",
    "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms", "repression",
    "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory",
    "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource", "environment", "technology",
    "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
}
SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL",
    "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}
NONSTATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"}
MODALITY = {"asserted", "future", "hypothetical", "desired"}


def check_event(e, where, text=None):
    errs = []
    if e["event"] not in MODES:
        errs.append(f"{where}: bad event {e['event']}")
    elif e["mode"] is not None and e["mode"] not in MODES[e["event"]]:
        errs.append(f"{where}: bad mode {e['mode']} for {e['event']}")
    for c in e.get("context", []):
        if c not in CONTEXTS:
            errs.append(f"{where}: bad context {c}")
    for side in ("actor", "recipient"):
        if len(e[side]) != len(e[side + "_sector"]):
            errs.append(f"{where}: {side} and {side}_sector differ in length")
        for code in e[side]:
            if not (code in NONSTATE or re.fullmatch(r"[A-Z]{3}", code)):
                errs.append(f"{where}: bad code {code}")
        for s in e[side + "_sector"]:
            if s is not None and s not in SECTORS:
                errs.append(f"{where}: bad sector {s}")
    if not e["actor"]:
        errs.append(f"{where}: event without actor")
    if e["modality"] not in MODALITY or not isinstance(e["negated"], bool):
        errs.append(f"{where}: bad modality/negated")
    if text is not None and e["trigger"] not in text:
        errs.append(f"{where}: trigger {e['trigger']!r} not in passage")
    return errs


def main(shared):
    errs, n = [], 0
    with open(HERE / "no_news_events.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            t = (shared / r["doc"]).read_text(encoding="utf-8")[r["start"]:r["end"]]
            if hashlib.sha1(t.encode("utf-8")).hexdigest()[:8] != r["sha1"]:
                errs.append(f"{r['id']}: sha1 mismatch")
            for e in r["events"]:
                errs += check_event(e, r["id"], t)
            n += 1
    gold = {}
    with open(shared / "gold-dev" / "gsr_en_dev.jsonl", encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            gold[g["id"]] = g
    m = 0
    with open(HERE / "gsr_no.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            g = gold[r["translation_of"]]
            if len(g["events"]) != len(r["events"]):
                errs.append(f"{r['id']}: event count differs from {g['id']}")
            for e, ge in zip(r["events"], g["events"], strict=False):  # a count mismatch is reported above
                for k in ("event", "mode", "actor", "recipient", "negated", "modality", "attributed_to"):
                    if e[k] != ge[k]:
                        errs.append(f"{r['id']}: {k} differs from source")
            for e in r["events"]:
                errs += check_event(e, r["id"], r["text"])
            for q in r["quotes"]:
                for k in ("speaker", "cue", "content"):
                    if q[k] and q[k] not in r["text"]:
                        errs.append(f"{r['id']}: quote {k} not in text")
            m += 1
    for e in errs:
        print(e)
    print(f"{n} NARC passages, {m} translated sentences, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    sys.exit(main(shared))
