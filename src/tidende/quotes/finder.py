"""Find quotes and attributions in a parsed document.

Three sources, merged in document order:
- reporting clauses (``X sier at P``, ``P, sier X``, ``X mener P``; en: say, deny ...),
- ``ifølge X`` / ``according to X``,
- direct speech marked by characters: dash-led paragraphs and «...»/"..." spans.
A speaker that is a pronoun, or missing (a dash paragraph with no cue), is the
current speaker carried from earlier quotes until another takes over.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from tidende.nlp.clauses import Arg, Clause
from tidende.quotes.cues import DENY_GROUPS, Cues
from tidende.records import Quote, Speaker

QUOTE_MARKS = re.compile(r"«[^«»]{3,}?»|“[^“”]{3,}?”|\"[^\"\n]{3,}?\"")
TRIM = set("«»\"“”'‘’,;:–—- \n\t")
MIN_DIRECT_WORDS = 3

SpeakerResolver = Callable[[Span], Speaker]


@dataclass
class Found:
    """A quote candidate before ids and speaker carry-over."""

    kind: str
    start: int
    end: int
    cue: Span | None = None
    group: str = "assert"
    speaker: Span | None = None
    channel: str | None = None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _chars(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def _arg_span(doc: Doc, arg: Arg) -> Span:
    return doc[arg.start:arg.end]


class QuoteFinder:
    """Quote extraction for one language."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def find(self, doc: Doc, clauses: list[Clause], resolve: SpeakerResolver) -> list[Quote]:
        """All quotes of ``doc`` with speakers resolved by ``resolve``."""
        found = self.from_clauses(doc, clauses) + self.according_to(doc, clauses)
        found += self.marked(doc, found)
        found.sort(key=lambda f: (f.start, -f.end))
        return self.finish(doc, found, resolve)

    def from_clauses(self, doc: Doc, clauses: list[Clause]) -> list[Found]:
        """Reporting clauses with a complement clause, or inverted after the reported clause."""
        out: list[Found] = []
        for i, c in enumerate(clauses):
            group = self.cues.group(c.lemma, c.particle)
            if group is None or (c.subj is None and c.rel != "par"):
                continue
            cue = doc[c.pred:c.pred + 1]
            speaker = _arg_span(doc, c.subj) if c.subj else None
            channel = self._channel(doc, c)
            comps = [k for k in clauses if k.parent == i and k.rel == "comp" and k.mark not in ("om", "å", "to", "if",
                                                                                              "whether")]
            for k in comps:
                lo, hi = k.span(doc)
                if k.mark and doc[lo].lower_ == k.mark:
                    lo += 1
                if lo < hi:
                    out.append(Found("indirect", *_chars(doc, lo, hi), cue=cue, group=group, speaker=speaker,
                                     channel=channel))
            if not comps and c.rel == "par" and c.parent is not None:
                out.append(self._inverted(doc, clauses[c.parent], c, cue, group, speaker, channel))
        return out

    def _inverted(self, doc: Doc, main: Clause, cue_clause: Clause, cue: Span, group: str, speaker: Span | None,
                  channel: str | None) -> Found:
        """``P, sier X``: the reported part is the main clause without the reporting clause."""
        lo, hi = main.span(doc)
        clo, _ = cue_clause.span(doc)
        sent = doc[cue_clause.pred].sent
        lo = max(lo, sent.start)
        hi = clo if clo > lo else hi
        return Found("indirect", *_chars(doc, lo, hi), cue=cue, group=group, speaker=speaker, channel=channel)

    def _channel(self, doc: Doc, c: Clause) -> str | None:
        for prep in self.cues.channel_preps:
            if c.obl.get(prep):
                return _arg_span(doc, c.obl[prep][0]).text
        if c.lemma == "tell" and c.objs:
            return _arg_span(doc, c.objs[0]).text
        return None

    def according_to(self, doc: Doc, clauses: list[Clause]) -> list[Found]:
        """``ifølge X, P`` / ``according to X``."""
        out: list[Found] = []
        heads = {c.head: c for c in clauses}
        for tok in doc:
            if tok.lower_ not in self.cues.according_to:
                continue
            objs = [g for g in tok.subtree if g.dep_ in ("PUTFYLL", "pobj") and g.head.i in (tok.i, *(
                h.i for h in tok.children))]
            if not objs:
                continue
            head = tok.head
            while head.i not in heads and head.head.i != head.i:
                head = head.head
            clause = heads.get(head.i)
            if clause is None:
                continue
            lo, hi = clause.span(doc)
            pp_lo, pp_hi = tok.left_edge.i, tok.right_edge.i + 1
            if pp_lo <= lo:
                lo = pp_hi
            elif pp_hi >= hi:
                hi = pp_lo
            if lo >= hi:
                continue
            sp = objs[0]
            speaker = doc[sp.left_edge.i:sp.right_edge.i + 1]
            out.append(Found("according_to", *_chars(doc, lo, hi), cue=doc[tok.i:tok.i + 1], speaker=speaker))
        return out

    def marked(self, doc: Doc, found: list[Found]) -> list[Found]:
        """Direct speech marked by characters; turns overlapping clause quotes into direct ones."""
        text = doc.text
        spans = [(m.start(), m.end()) for m in QUOTE_MARKS.finditer(text)]
        pos = 0
        for para in text.split("\n"):
            stripped = para.lstrip()
            lead = len(para) - len(stripped)
            if any(stripped.startswith(d + " ") for d in self.cues.dashes):
                spans.append((pos + lead, pos + len(para)))
            pos += len(para) + 1
        out: list[Found] = []
        for s, e in spans:
            s, e = _trim(text, s, e)
            if len(text[s:e].split()) < MIN_DIRECT_WORDS:
                continue
            overlapping = [f for f in found if f.start < e and s < f.end]
            for f in overlapping:
                f.kind = "direct" if f.kind == "indirect" else f.kind
            if not overlapping:
                out.append(Found("direct", s, e))
        return out

    def finish(self, doc: Doc, found: list[Found], resolve: SpeakerResolver) -> list[Quote]:
        """Assign ids, resolve speakers with carry-over, record nesting."""
        quotes: list[Quote] = []
        current: Speaker | None = None
        text = doc.text
        for n, f in enumerate(found, start=1):
            start, end = _trim(text, f.start, f.end)
            if start >= end:
                continue
            speaker = resolve(f.speaker) if f.speaker is not None else None
            if speaker is not None and speaker.text.lower() in self.cues.pronouns and current is not None:
                speaker = current.model_copy(update={"start": speaker.start, "end": speaker.end,
                                                     "text": speaker.text, "name": current.name or current.text})
            if speaker is None:
                speaker = current
            elif speaker.code or speaker.text.lower() not in self.cues.pronouns:
                current = speaker
            chain = [q.id for q in quotes if q.start <= start and end <= q.end and (q.start, q.end) != (start, end)]
            quotes.append(Quote(
                id=f"q{n}", kind=f.kind,  # type: ignore[arg-type]
                content=text[start:end], start=start, end=end,
                cue=f.cue.text if f.cue is not None else None,
                cue_start=f.cue.start_char if f.cue is not None else None,
                cue_end=f.cue.end_char if f.cue is not None else None,
                stance="denies" if f.group in DENY_GROUPS else "asserts",
                speaker=speaker, channel=f.channel, chain=chain,
            ))
        return quotes
