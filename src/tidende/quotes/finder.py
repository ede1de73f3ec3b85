"""Find quotes and attributions in a parsed document.

Sources, merged in document order:
- direct speech marked by layout or characters: dash-led paragraphs (in text with one
  sentence per line, a dash line runs on over the following lines up to an inverted cue,
  the next dash line, a headline or a narrative line) and «...»/"..." spans;
- inverted cues (``P, sier X``), found from the tokens and punctuation, not the parse;
- reporting clauses with a complement (``X sier at P``, ``X mener P``; en: say, deny ...);
- ``ifølge X`` / ``according to X``.
A direct span takes the cue and speaker of an inverted cue at its end. A speaker that is a
pronoun, or missing (a dash paragraph with no cue), is the current speaker carried from
earlier quotes (or, before any, the next one) until another takes over.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidende.nlp.clauses import Arg, Clause
from tidende.quotes.cues import DENY_GROUPS, Cues
from tidende.records import Quote, Speaker

QUOTE_MARKS = re.compile(r"«[^«»]{3,}?»|“[^“”]{3,}?”|\"[^\"\n]{3,}?\"")
TRIM = set("«»\"“”'‘’,;:–—-| \n\t")
HEADLINE_MARK = "|"
MIN_DIRECT_WORDS = 3
MAX_RUN_LINES = 12
MAX_PRE_SUBJECT = 8
PERSON_LABELS = frozenset({"PER", "PERSON"})
NOMINAL = frozenset({"PRON", "PROPN", "NOUN", "DET", "ADJ", "NUM"})

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
    question: bool = False


@dataclass
class Inversion:
    """An inverted cue ``, sier X`` closing a sentence: the tail starts at ``start`` (a char offset)."""

    start: int
    end: int
    cue: Span
    group: str
    speaker: Span | None
    channel: str | None


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


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _one_sentence_lines(doc: Doc) -> bool:
    """Whether the text has one sentence per line (paragraph breaks lost, as in tokenised corpora)."""
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    return len(lines) >= 5 and sum(len(ln.split(". ")) for ln in lines) <= 1.1 * len(lines)


class QuoteFinder:
    """Quote extraction for one language."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def find(self, doc: Doc, clauses: list[Clause], resolve: SpeakerResolver) -> list[Quote]:
        """All quotes of ``doc`` with speakers resolved by ``resolve``."""
        inversions = self.inversions(doc, clauses)
        found = self.from_clauses(doc, clauses, inversions) + self.according_to(doc, clauses)
        found = self.merge(self.direct(doc, clauses, inversions), found)
        found.sort(key=lambda f: (f.start, -f.end))
        return self.finish(doc, found, resolve)

    # ------------------------------------------------------------------ cues
    def _speaker_span(self, doc: Doc, lo: int, hi: int) -> tuple[Span | None, str | None]:
        """A subject span cut before a channel (``X til NTB``): (speaker, channel)."""
        for i in range(lo + 1, hi):
            if doc[i].lower_ in self.cues.channel_preps:
                rest = doc[i + 1:hi]
                return doc[lo:i], rest.text or None
        return (doc[lo:hi] if lo < hi else None), None

    def inversions(self, doc: Doc, clauses: list[Clause]) -> dict[int, Inversion]:
        """Inverted cues by sentence start token: ``P, sier X.`` / ``"P," X said.``"""
        by_pred = {c.pred: c for c in clauses}
        out: dict[int, Inversion] = {}
        for sent in doc.sents:
            for tok in sent:
                inv = self._inversion(doc, sent, tok, by_pred.get(tok.i))
                if inv is not None:
                    out[sent.start] = inv
                    break
        return out

    def _inversion(self, doc: Doc, sent: Span, tok: Token, clause: Clause | None) -> Inversion | None:
        group = self.cues.group(tok.lemma_.lower(), clause.particle if clause else None, tok.text)
        if group is None or tok.pos_ not in ("VERB", "AUX"):
            return None
        comma = next((j for j in range(tok.i - 1, max(sent.start, tok.i - MAX_PRE_SUBJECT) - 1, -1)
                      if doc[j].text in (",", "—", "–") or doc[j].text in self.cues.closing_marks), None)
        if comma is None or comma - sent.start < 2:
            return None
        between = doc[comma + 1:tok.i]
        if any(t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ") or (t.is_punct and t.text not in self.cues.closing_marks)
               for t in between):
            return None
        end = sent.end
        while end > tok.i + 1 and doc[end - 1].is_space:
            end -= 1
        after = [t for t in doc[tok.i + 1:end] if not t.is_punct]
        if after and after[0].lower_ in self.cues.complementizers:
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in after):
            return None
        tail = [t for t in between if not t.is_punct]
        channel: str | None = None
        if tail:  # "P," the minister said
            speaker, _ = self._speaker_span(doc, tail[0].i, tail[-1].i + 1)
        else:  # P, sier X (til NTB)
            subj = clause.subj if clause is not None and clause.subj is not None and clause.subj.start > tok.i \
                else None
            lo = subj.start if subj is not None else tok.i + 1
            hi = subj.end if subj is not None else lo + 1
            if doc[lo].pos_ != "PRON":
                while hi < end and not doc[hi].is_punct and doc[hi].pos_ not in ("ADV", "ADP", "VERB", "AUX"):
                    hi += 1
            speaker, channel = self._speaker_span(doc, lo, hi) if lo < end and doc[lo].pos_ in NOMINAL \
                else (None, None)
        if speaker is None:
            return None
        channel = (self._channel(doc, clause) if clause is not None else None) or channel
        return Inversion(start=doc[comma].idx, end=doc[end - 1].idx + len(doc[end - 1].text),
                         cue=doc[tok.i:tok.i + 1], group=group, speaker=speaker, channel=channel)

    def from_clauses(self, doc: Doc, clauses: list[Clause], inversions: dict[int, Inversion]) -> list[Found]:
        """Reporting clauses with a complement clause; inverted cues closing a sentence."""
        out: list[Found] = []
        inv_cues = {inv.cue.start for inv in inversions.values()}
        for i, c in enumerate(clauses):
            group = self.cues.group(c.lemma, c.particle, doc[c.pred].text)
            if group is None or c.subj is None:
                continue
            cue = doc[c.pred:c.pred + 1]
            speaker, channel = self._speaker_span(doc, c.subj.start, c.subj.end)
            channel = channel or self._channel(doc, c)
            for k in clauses:
                if k.parent != i or k.mark in self.cues.non_complements or (
                        k.rel != "comp" and k.mark not in self.cues.complementizers):
                    continue
                lo, hi = k.span(doc)
                if k.mark and doc[lo].lower_ == k.mark:
                    lo += 1
                if lo < hi and c.pred not in inv_cues:
                    out.append(Found("indirect", *_chars(doc, lo, hi), cue=cue, group=group, speaker=speaker,
                                     channel=channel))
            if c.rel == "par" and c.parent is not None and c.pred not in inv_cues:
                lo, hi = clauses[c.parent].span(doc)
                clo, _ = c.span(doc)
                lo = max(lo, doc[c.pred].sent.start)
                hi = clo if clo > lo else hi
                out.append(Found("indirect", *_chars(doc, lo, hi), cue=cue, group=group, speaker=speaker,
                                 channel=channel))
        for sent_start, inv in inversions.items():
            lo = doc[sent_start].idx
            out.append(Found("indirect", lo, inv.start, cue=inv.cue, group=inv.group, speaker=inv.speaker,
                             channel=inv.channel))
        return out

    def _channel(self, doc: Doc, c: Clause) -> str | None:
        """``til Reuters`` / ``told Reuters``: the medium a statement was made through."""
        for prep in self.cues.channel_preps:
            if c.obl.get(prep):
                return _arg_span(doc, c.obl[prep][0]).text
        if c.lemma in self.cues.channel_verbs and c.objs:
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
            sent = tok.sent
            lo, hi = clause.span(doc) if clause is not None else (sent.start, sent.end)
            lo, hi = max(lo, sent.start), min(hi, sent.end)
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

    # ---------------------------------------------------------------- direct
    def _is_narrative(self, doc: Doc, clauses: list[Clause], lo: int, hi: int) -> bool:
        """A line that reports about someone rather than continuing a quote."""
        toks = [t for t in doc if lo <= t.idx < hi]
        if any(t.lower_ in self.cues.first_person for t in toks):
            return False
        return any(t.ent_type_ in PERSON_LABELS for t in toks) or any(
            self.cues.group(c.lemma, c.particle, doc[c.pred].text) and c.subj is not None
            and lo <= doc[c.pred].idx < hi for c in clauses)

    def direct(self, doc: Doc, clauses: list[Clause], inversions: dict[int, Inversion]) -> list[Found]:
        """Dash-led runs and quote-mark spans, each with the inverted cue that closes it, if any."""
        text = doc.text
        inv_at = {doc[s].sent.start: inv for s, inv in inversions.items()}
        inv_by_line: dict[int, Inversion] = {}
        lines = _lines(text)
        for at in inv_at.values():
            for n, (a, b) in enumerate(lines):
                if a <= at.start < b:
                    inv_by_line[n] = at
        runs = self.cues.dashes and _one_sentence_lines(doc)
        spans: list[tuple[int, int, Inversion | None]] = []
        n = 0
        while n < len(lines):
            a, b = lines[n]
            stripped = text[a:b].lstrip()
            if not any(stripped.startswith(d + " ") for d in self.cues.dashes):
                n += 1
                continue
            last, inv = n, inv_by_line.get(n)
            while runs and inv is None and last + 1 < len(lines) and last - n < MAX_RUN_LINES:
                la, lb = lines[last + 1]
                nxt = text[la:lb].strip()
                if (not nxt or any(nxt.startswith(d + " ") for d in self.cues.dashes)
                        or nxt.endswith(HEADLINE_MARK) or text[a:b].rstrip().endswith("?")):
                    break
                if (last + 1) in inv_by_line:
                    last, inv = last + 1, inv_by_line[last + 1]
                    break
                if self._is_narrative(doc, clauses, la, lb):
                    break
                last += 1
            end = inv.start if inv is not None else lines[last][1]
            spans.append((a, end, inv))
            n = last + 1
        for m in QUOTE_MARKS.finditer(text):
            if any(s <= m.start() < e for s, e, _ in spans):
                continue
            tail = next((inv for inv in inversions.values() if m.start() < inv.start <= m.end() + 2), None)
            spans.append((m.start(), m.end(), tail))
        out: list[Found] = []
        for s, e, inv in spans:
            s, e = _trim(text, s, e)
            if len(text[s:e].split()) < MIN_DIRECT_WORDS and inv is None:
                continue
            f = Found("direct", s, e, question=text[s:e].rstrip().endswith("?"))
            if inv is not None:
                f.cue, f.group, f.speaker, f.channel = inv.cue, inv.group, inv.speaker, inv.channel
            out.append(f)
        return out

    def merge(self, direct: list[Found], found: list[Found]) -> list[Found]:
        """Direct spans replace the clause quotes they cover; a first-person report inside one is not split out.

        A marked span with no cue inside a reported clause is a verbatim fragment of it, not a quote of its own.
        """
        direct = [d for d in direct if d.cue is not None or not any(
            f.start <= d.start and d.end <= f.end and (f.start, f.end) != (d.start, d.end) for f in found)]
        out = list(direct)
        for f in found:
            host = next((d for d in direct if d.start <= f.start < d.end or f.start <= d.start < f.end), None)
            if host is None:
                out.append(f)
                continue
            if f.cue is None or (host.cue is not None and f.cue.start == host.cue.start):
                continue
            if host.cue is None and f.end >= host.end - 2 and f.start >= host.start - 2:
                host.cue, host.group, host.speaker, host.channel = f.cue, f.group, f.speaker, f.channel
                continue
            cue_inside = host.start <= f.cue.start_char < host.end
            if host.start <= f.start and f.end <= host.end:
                first = f.speaker is not None and f.speaker.text.lower() in self.cues.first_person
                if cue_inside and not first:
                    out.append(f)
            elif f.kind != "according_to" and not cue_inside:
                out.append(f)
        return out

    # ---------------------------------------------------------------- finish
    def _name(self, doc: Doc, span: Span) -> str | None:
        """The person name inside a mention, if any."""
        ents = [e for e in doc.ents if span.start <= e.start and e.end <= span.end and e.label_ in PERSON_LABELS]
        return ents[-1].text if ents else None

    def finish(self, doc: Doc, found: list[Found], resolve: SpeakerResolver) -> list[Quote]:
        """Assign ids, resolve speakers with carry-over, record nesting.

        A pronoun or a missing speaker takes the latest of the current speaker and the
        last person named outside quotes before the quote (or its cue).
        """
        text = doc.text
        quoted = [(f.start, f.end) for f in found if f.kind == "direct"]
        persons = [e for e in doc.ents if e.label_ in PERSON_LABELS
                   and not any(s <= e.start_char < t for s, t in quoted)]
        speakers: list[Speaker | None] = []
        current: Speaker | None = None

        def antecedent(before: int) -> Speaker | None:
            named = [e for e in persons if e.end_char <= before and (current is None or e.start_char > current.end)]
            if named:
                person = resolve(named[-1])
                return person.model_copy(update={"name": person.name or person.text})
            return current

        for f in found:
            speaker = resolve(f.speaker) if f.speaker is not None else None
            if speaker is not None and speaker.text.lower() in self.cues.pronouns:
                ante = antecedent(f.cue.start_char if f.cue is not None else f.start)
                if ante is not None:
                    speaker = speaker.model_copy(update={"code": ante.code, "sector": ante.sector,
                                                         "anonymous": ante.anonymous,
                                                         "name": ante.name or ante.text})
                    current = ante
            elif speaker is not None:
                name = self._name(doc, f.speaker) if f.speaker is not None else None
                if name and not speaker.name:
                    speaker = speaker.model_copy(update={"name": name})
                if f.kind != "according_to" and (speaker.sector or speaker.anonymous or speaker.code is None):
                    current = speaker  # a person or office can be "han" later; "ifølge USA" cannot
            elif f.kind == "direct" and not f.question:
                speaker = current = antecedent(f.start)
            speakers.append(speaker)
        for n in range(len(found) - 2, -1, -1):  # quotes before any speaker: the next one's
            if speakers[n] is None and found[n].kind == "direct" and not found[n].question and not any(
                    speakers[:n]):
                speakers[n] = speakers[n + 1]
        quotes: list[Quote] = []
        for n, (f, speaker) in enumerate(zip(found, speakers, strict=True), start=1):
            start, end = _trim(text, f.start, f.end)
            if start >= end:
                continue
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
