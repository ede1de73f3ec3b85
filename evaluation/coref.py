"""Measure tidende's pronoun and short-name resolution against NARC coreference chains.

Usage: python evaluation/coref.py [--shared ../shared] [--errors N]

NARC (``../shared/data/narc/``, brat format) marks every markable (``T`` lines) and links
coreferent ones (``R ... Coref`` lines); chains are the connected components of the Coref
links. tidende runs (stages ``entities`` and ``quotes``, language by folder, no date) on the
tokenised ``.txt`` of each news document, so its character offsets are NARC's. Two kinds of
speaker-like mentions are scored:

- ``pronoun``: third-person personal pronouns (han, hun, ho, de, dei) that tidende found as
  the speaker of a quote. tidende records the antecedent's text in ``Speaker.name`` but not its
  span, so the span is re-derived here from the document output by the rule of
  ``QuoteFinder.finish`` (the later of the current speaker and the last person named outside
  quotes); the re-derived name is checked against ``Speaker.name``. Correct when the
  antecedent's NARC markable (the smallest one containing its span) is in the pronoun's chain.
- ``short``: single-token PER entities that ``_short_names`` linked to an earlier name of more
  than one token (followed through earlier short names). Correct when both are in one chain.

A mention is scored only when its own markable is in a chain (NARC gives it an antecedent);
an unresolved pronoun or an antecedent that is no markable counts as wrong. Texts are read
from ``../shared`` and never written to the repository.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import tidende.actors.stage as actor_stage
from tidende.actors.names import gender_of
from tidende.pipeline import Pipeline
from tidende.quotes.cues import Cues, load_cues
from tidende.records import Article, Document, Entity, Speaker

ROOT = Path(__file__).resolve().parents[1]
# NDT sources (file-name prefixes): newspapers are scored; blogs (bloggbm), government reports
# (nou, mom) and parliament transcripts (st) are not.
NEWS = {
    "nb": ("aftenposten", "ap", "bt", "db", "dba", "dbb", "kk", "klassekampen", "spbm", "vg"),
    "nn": ("dot", "firdann", "kknn", "vtbnn"),
}
FOLDERS = {"nb": "annotation_bokmaal", "nn": "annotation_nynorsk"}
PRONOUNS = {"nb": ("han", "hun", "de"), "nn": ("han", "ho", "dei")}
TOL = 2  # characters of slack when matching spans
Span = tuple[int, int, str]


# ---------------------------------------------------------------------------- NARC
@dataclass
class Narc:
    """One NARC document: markables (id -> (start, end)) and chain ids."""

    markables: dict[str, tuple[int, int]]
    chain: dict[str, int] = field(default_factory=dict)

    def find(self, start: int, end: int, exact: bool = False) -> str | None:
        """The markable at ``start:end`` (up to TOL characters); unless ``exact``, else the smallest one
        containing it, preferring one in a chain: NARC often links the whole noun phrase
        (``Kulturminister Trond Giske``), not the name inside it."""
        same = [m for m, (s, e) in self.markables.items() if abs(s - start) <= TOL and abs(e - end) <= TOL]
        if exact or (same and any(m in self.chain for m in same)):
            return min(same, key=lambda m: abs(self.markables[m][0] - start) + abs(self.markables[m][1] - end)) \
                if same else None
        inside = [m for m, (s, e) in self.markables.items() if s - TOL <= start and end <= e + TOL]
        return min(inside, key=lambda m: (m not in self.chain, self.markables[m][1] - self.markables[m][0])) \
            if inside else None

    def same_chain(self, a: str, b: str) -> bool:
        return a in self.chain and self.chain.get(a) == self.chain.get(b)


def read_ann(path: Path) -> Narc:
    markables: dict[str, tuple[int, int]] = {}
    links: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            nums = [int(n) for n in re.findall(r"\d+", parts[1].split(" ", 1)[1])]
            if nums:
                markables[parts[0]] = (nums[0], nums[-1])
        elif line.startswith("R") and len(parts) >= 2 and parts[1].startswith("Coref "):
            args = dict(a.split(":", 1) for a in parts[1].split()[1:])
            if "Arg1" in args and "Arg2" in args:
                links.append((args["Arg1"], args["Arg2"]))
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in links:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        parent[root(a)] = root(b)
    roots = sorted({root(x) for x in parent})
    ids = {r: n for n, r in enumerate(roots)}
    return Narc(markables, {x: ids[root(x)] for x in parent})


def documents(shared: Path) -> list[tuple[str, Path]]:
    out = []
    for lang, folder in FOLDERS.items():
        for path in sorted((shared / "data" / "narc" / folder).glob("*.ann")):
            prefix = re.split(r"[~_]", path.name, maxsplit=1)[0]
            if prefix in NEWS[lang] and path.with_suffix(".txt").exists():
                out.append((lang, path))
    return out


# ------------------------------------------------------------------ instrumentation
LINKS: list[tuple[Entity, Entity]] = []


def short_names_recorded(entities: list[Entity]) -> list[tuple[Entity, Entity]]:
    """The library's ``_short_names``, with the links it makes kept for scoring."""
    links = original(entities)
    LINKS.extend(links)
    return links


original = actor_stage._short_names
actor_stage._short_names = short_names_recorded


def pronoun_antecedents(doc: Document, cues: Cues) -> list[tuple[Speaker, Span | None, str]]:
    """Each pronoun speaker with its antecedent span and where that came from (``named``: the last person
    named outside quotes whose given name does not contradict the pronoun's gender; ``carried``: the current
    speaker), by the rule of ``QuoteFinder.finish``."""
    direct = [(q.start, q.end) for q in doc.quotes if q.kind == "direct"]
    persons = [e for e in doc.entities if e.label == "PER" and not any(s <= e.start < t for s, t in direct)]
    current: Span | None = None
    out: list[tuple[Speaker, Span | None, str]] = []

    def antecedent(before: int, gender: str | None = None) -> tuple[Span | None, str]:
        def fits(text: str) -> bool:
            return gender is None or gender_of(text) in (None, gender)

        for since in (current[1] if current is not None else 0, 0):
            named = [e for e in persons if e.end <= before and e.start >= since and fits(e.text)]
            if named:
                return (named[-1].start, named[-1].end, named[-1].text), "named"
            if current is None or fits(current[2]):
                break
        return current, "carried"

    for q in doc.quotes:
        sp = q.speaker
        if sp is not None and q.kind == "direct" and q.cue is None:
            current = antecedent(q.start)[0]  # a dash line or quote with no cue
        elif sp is not None and sp.text.lower() in cues.pronouns:
            ante, source = antecedent(q.cue_start if q.cue_start is not None else q.start,
                                      cues.pronoun_gender.get(sp.text.lower()))
            if ante is not None:
                current = ante
            out.append((sp, ante, source))
        elif sp is not None and q.kind != "according_to" and (sp.sector or sp.anonymous or sp.code is None):
            current = (sp.start, sp.end, sp.text)
    return out


# ---------------------------------------------------------------------- scoring
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors per kind (local only; not for docs)")
    args = ap.parse_args()

    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    errors: dict[str, list[str]] = defaultdict(list)
    pipelines = {lang: Pipeline(stages=("entities", "quotes"), lang=lang) for lang in FOLDERS}
    docs = documents(args.shared)
    for lang, path in docs:
        narc = read_ann(path)
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        LINKS.clear()
        doc = pipelines[lang].process(Article(id=path.stem, text=text, lang=lang))  # type: ignore[arg-type]
        counts[("docs", lang)]["documents"] += 1

        def ctx(s: int, e: int, text: str = text) -> str:
            return text[max(0, s - 60):s].replace("\n", " / ") + "[[" + text[s:e] + "]]" + \
                text[e:e + 30].replace("\n", " / ")

        # (a) pronoun speakers
        seen: set[tuple[int, int]] = set()
        c = counts[("pronoun", lang)]
        for sp, ante, source in pronoun_antecedents(doc, load_cues(lang)):
            start, end, name, form = sp.start, sp.end, sp.name, sp.text.lower()
            if (start, end) in seen or form not in PRONOUNS[lang]:
                continue
            seen.add((start, end))
            c["found"] += 1
            # Speaker.name is the antecedent's text, or its knowledge-base name (``Barack Obama`` for ``Obama``)
            agrees = (ante[2] if ante else None) == name or (ante is not None and name is not None and any(
                a.startswith(n) for n in re.findall(r"\w+", name.lower()) for a in re.findall(r"\w+", ante[2].lower())))
            c["name agrees with re-derived antecedent"] += agrees
            if not agrees:
                errors["mismatch"].append(f"{path.stem} name {name!r} vs re-derived {ante}")
            mark = narc.find(start, end, exact=True)
            if mark is None:
                c["pronoun is no markable"] += 1
                continue
            if mark not in narc.chain:
                c["pronoun in no chain"] += 1
                continue
            c["scored"] += 1
            c[f"scored {form}"] += 1
            c[f"scored {source}"] += 1
            if ante is None:
                c["wrong: unresolved"] += 1
                errors["pronoun"].append(f"{path.stem} unresolved: {ctx(start, end)}")
                continue
            amark = narc.find(ante[0], ante[1])
            if amark is not None and narc.same_chain(mark, amark):
                c["correct"] += 1
                c[f"correct {form}"] += 1
                c[f"correct {source}"] += 1
            else:
                why = "antecedent is no markable" if amark is None else "other chain"
                c[f"wrong: {why}"] += 1
                errors["pronoun"].append(f"{path.stem} {why} ({source}): {ctx(*ante[:2])} ... {ctx(start, end)}")

        # (b) short names
        c = counts[("short", lang)]
        link_of = {(e.start, e.end): prev for e, prev in LINKS}
        for e, prev in LINKS:
            if e.label != "PER" or len(e.text.split()) != 1:
                continue
            full = prev
            while len(full.text.split()) == 1 and (full.start, full.end) in link_of:
                full = link_of[(full.start, full.end)]
            if len(full.text.split()) < 2:
                continue
            c["found"] += 1
            mark = narc.find(e.start, e.end)
            if mark is None:
                c["short name is no markable"] += 1
                continue
            if mark not in narc.chain:
                c["short name in no chain"] += 1
                continue
            c["scored"] += 1
            fmark = narc.find(full.start, full.end)
            if fmark is not None and narc.same_chain(mark, fmark):
                c["correct"] += 1
            else:
                why = "full name is no markable" if fmark is None else "other chain"
                c[f"wrong: {why}"] += 1
                errors["short"].append(f"{path.stem} {why}: {ctx(full.start, full.end)} ... {ctx(e.start, e.end)}")

    print(f"NARC news documents: nb {counts[('docs', 'nb')]['documents']}, nn {counts[('docs', 'nn')]['documents']}")
    print("| kind | lang | found | scored | correct | accuracy |")
    print("|---|---|---|---|---|---|")
    for kind in ("pronoun", "short"):
        total: Counter[str] = Counter()
        for lang in FOLDERS:
            c = counts[(kind, lang)]
            total.update(c)
            acc = f"{c['correct'] / c['scored']:.3f}" if c["scored"] else "-"
            print(f"| {kind} | {lang} | {c['found']} | {c['scored']} | {c['correct']} | {acc} |")
        acc = f"{total['correct'] / total['scored']:.3f}" if total["scored"] else "-"
        print(f"| {kind} | all | {total['found']} | {total['scored']} | {total['correct']} | {acc} |")
    for (kind, lang), c in sorted(counts.items()):
        if kind != "docs":
            print(f"{kind} {lang}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    for kind, errs in errors.items():
        for line in errs[:args.errors]:
            print(f"ERR {kind} {line}")


if __name__ == "__main__":
    main()
