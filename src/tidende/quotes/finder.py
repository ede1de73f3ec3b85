"""Find quotes and attributions in a parsed document.

Sources, merged in document order:
- direct speech marked by layout or characters: dash-led paragraphs (in text with one
  sentence per line, a dash line runs on over the following lines up to an inverted cue,
  the next dash line, a headline or a narrative line) and «...»/"..." spans (nested «»
  allowed; a short capitalised one with no cue is a title; in English '...' and ‘...’ too, told from
  apostrophes); two dash sentences with their own cues on one line are two quotes;
- inverted cues (``P, sier X``, ``P, sier X og viser til ...``), found from the tokens and
  punctuation, not the parse;
- reporting clauses with a complement (``X sier at P``, ``X mener P``, ``X minner om at P``,
  ``X er klar på at P``; en: say, deny ...), not indirect questions, infinitives or generic
  subjects (``man``, ``du``); a negated cue denies;
- ``ifølge X`` / ``according to X`` (in an inverted cue's tail, a channel; ``P , ifølge X .`` leaves the phrase out);
- a reporting verb the tagger took for a noun, known by its written form (``Kreml benekter at P``);
- a reporting verb coordinated after a complement or an inverted cue, with its first conjunct's speaker
  (``X framholder at P og legger til at Q``: P ends before ``og``);
- reporting nouns with a named source (``utspelet frå Høgre om at P``, ``Kulturrådets begrunnelse om at P``).
A complement takes in a conditional clause after it (``sier at P , hvis Q``) and leaves out a comma clause of
reason or concession (``mener P , selv om ...``).
An ``at`` clause under an adverbial preposition of the predicate (``fortalte X etter at P``) or completing a noun of
its object (``seie ja takk til at P``) is no complement; a noun tagged as a verb (``sier litteraturkritiker X``) is
no clause; spans come from whole subtrees (crossing arcs included).
A direct span takes the cue and speaker of an inverted cue at its end, or of the sentence that
introduces it with a colon. A speaker that is a pronoun, or missing (a dash paragraph with no
cue), is the latest person mentioned since the current speaker (a main-clause subject first,
then any name), else the current speaker; a headline quote takes the next quote's speaker; a
source reported inside a quote does not take over. An uncued dash-led question is the interviewer's
turn (the cue file's ``interviewer`` label); a lone definite role noun (``sier mottakslederen``) names
the person introduced with that role. ``til X`` / ``told X`` is a channel only when X is a medium. An unnamed
source (``amerikanske tjenestepersoner``, ``a senior US official``) is anonymous; a phrase joining actors of
different countries has no code. Ids are numbered after candidates are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidende.actors.names import gender_of
from tidende.nlp.clauses import Arg, Clause, subtree_span
from tidende.nlp.clauses.base import Adapter
from tidende.quotes.cues import DENY_GROUPS, Cues
from tidende.records import Quote, Speaker

MIN_MARKED_CHARS = 3
QUOTE_MARKS = re.compile(rf"“[^“”]{{{MIN_MARKED_CHARS},}}?”|\"[^\"\n]{{{MIN_MARKED_CHARS},}}?\"")
SINGLE_OPEN = "'\u2018"
SINGLE_CLOSE = "'\u2019"
OPENERS = "([{–—-\"“«"
TRIM = set("«»\"“”'‘’,;:–—-| \n\t")
HEADLINE_MARK = "|"
MIN_DIRECT_WORDS = 3
MIN_HEADLINE_WORDS = 2  # a dash-led headline quote may be terse: «- Lagres aldri |»
MIN_TITLE_WORDS = 6  # a shorter capitalised «...» with no cue and no sentence punctuation is a title
SENTENCE_END = (".", "!", "?")
MAX_RUN_LINES = 12
MAX_PRE_SUBJECT = 8
PERSON_LABELS = frozenset({"PER", "PERSON"})
NOMINAL = frozenset({"PRON", "PROPN", "NOUN", "DET", "ADJ", "NUM"})
ROLE_WINDOW = 6  # tokens either side of a name that may hold its role: "Tokke-ordførar Birger Nygård", "X , leiar i Y"
MIN_ROLE_STEM = 4
MAX_QUESTION_LINES = 2  # lines of a dash-led question turn
SUBJECT_DEPS = frozenset({"SUBJ", "nsubj"})

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
    headline: bool = False
    dashed: bool = False


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


def _mistagged_subject(tok: Token) -> bool:
    """A word tagged as a verb that the parse makes a subject with no dependants of its own: a noun the tagger
    took for a verb (``sier litteraturkritiker i X Jon Helt Haarder``), no clause."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ in SUBJECT_DEPS and not any(True for _ in tok.children)


def _arg_span(doc: Doc, arg: Arg) -> Span:
    return doc[arg.start:arg.end]


def _named_apposition(doc: Doc, start: int) -> int:
    """Where a subject starts once the name it is in apposition to is included: ``Einar Målsnes , ordførar i
    Balestrand , meiner`` (the parse may take the role phrase alone as the subject)."""
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_ in PERSON_LABELS:
        first = start - 2
        while doc[first].ent_iob_ == "I" and first > 0:
            first -= 1
        return first
    return start


def _person_entities(doc: Doc, start: int, end: int) -> list[Span]:
    """Person entities wholly inside tokens ``start:end``, read from the tokens (``doc.ents`` would build
    every entity of the document)."""
    out, i = [], start
    while i < end:
        if doc[i].ent_iob_ == "B" and doc[i].ent_type_ in PERSON_LABELS:
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if j <= end:
                out.append(doc[i:j])
            i = j
        else:
            i += 1
    return out


def _single_quoted(text: str) -> list[tuple[int, int]]:
    """Spans in single quote marks, '...' and ‘...’, told from apostrophes: an opening mark follows a space, a
    line start or an opening bracket or dash and comes before a letter (not '90s); a closing mark ends no word
    inside (don't, Russia's) and follows sentence or comma punctuation or comes before punctuation.
    """
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch not in SINGLE_OPEN or (i and not (text[i - 1].isspace() or text[i - 1] in OPENERS)) \
                or i + 1 >= len(text) or not text[i + 1].isalpha():
            i += 1
            continue
        end = None
        for j in range(i + 2, len(text)):
            c = text[j]
            if c == "\n":
                break
            if c not in SINGLE_CLOSE or text[j - 1].isspace():
                continue
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if nxt.isalnum() or c == text[i] == "\u2018":
                continue  # an apostrophe inside a word; \u2018 opens, it never closes
            if text[j - 1] in ",.!?" or (not nxt.isspace() and not nxt.isalnum()):
                end = j + 1
                break
        if end is not None and end - i - 2 >= MIN_MARKED_CHARS:
            out.append((i, end))
            i = end
        else:
            i += 1
    return out


def _marked(text: str, single: bool = False) -> list[tuple[int, int]]:
    """Spans in quote marks: outermost «...» (they nest: «Om eg skildrar «Mein Kampf» ...»), “...” and "...";
    with ``single``, '...' and ‘...’ too (outside the others)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "«":
            start = i if depth == 0 else start
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth == 0 and i - start - 1 >= MIN_MARKED_CHARS:
                out.append((start, i + 1))
    out += [m.span() for m in QUOTE_MARKS.finditer(text)]
    if single:
        out += [(a, b) for a, b in _single_quoted(text) if not any(s <= a < e or a <= s < b for s, e in out)]
    return sorted(out)


def _negated(group: str) -> str:
    """The stance group of a negated cue: ``tror ikke at P`` denies P, ``avviser ikke at P`` does not."""
    return "assert" if group in DENY_GROUPS else "deny"


def _sentence(doc: Doc, sent: Span) -> tuple[int, int]:
    """The token span of a parser sentence, rejoined with its neighbours up to a line break or sentence-final
    punctuation: the parser may cut ``- Meiningslaust , | seier ...`` or ``Ifølge X | har ...`` in two."""
    lo, hi = sent.start, sent.end
    while lo > 0 and "\n" not in doc[lo - 1].text and doc[lo - 1].text not in SENTENCE_END:
        lo -= 1
    while hi < len(doc) and "\n" not in doc[hi - 1].text and doc[hi - 1].text not in SENTENCE_END:
        hi += 1
    return lo, hi


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _dash_lines(text: str, lines: list[tuple[int, int]], dashes: tuple[str, ...]) -> list[tuple[int, int]]:
    """Lines split where a dash opens a new sentence of direct speech on the same line (``– P , sier X . – Q ,
    sier han .``): each dash sentence is a line of its own."""
    if not dashes:
        return lines
    alternatives = "|".join(re.escape(d) for d in dashes)
    opener = re.compile(rf"(?<=[.!?»”\"] )(?:{alternatives}) ")
    out = []
    for a, b in lines:
        starts = [a] + [a + m.start() for m in opener.finditer(text[a:b]) if text[a:b].lstrip()[:1] in dashes]
        out += [(lo, hi - 1 if hi < b else hi) for lo, hi in zip(starts, [*starts[1:], b], strict=True)]
    return out


def _text(doc: Doc) -> str:
    """``doc.text``, built once per document (spaCy joins the tokens again on every access)."""
    if "tidende.text" not in doc.user_data:
        doc.user_data["tidende.text"] = doc.text
    return str(doc.user_data["tidende.text"])


def _one_sentence_lines(doc: Doc) -> bool:
    """Whether the text has one sentence per line (paragraph breaks lost, as in tokenised corpora)."""
    lines = [ln for ln in _text(doc).split("\n") if ln.strip()]
    return len(lines) >= 5 and sum(len(ln.split(". ")) for ln in lines) <= 1.1 * len(lines)


class QuoteFinder:
    """Quote extraction for one language."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        self._resolve: SpeakerResolver | None = None

    def find(self, doc: Doc, clauses: list[Clause], resolve: SpeakerResolver) -> list[Quote]:
        """All quotes of ``doc`` with speakers resolved by ``resolve``."""
        self._resolve = resolve

        def speaker_of(span: Span) -> Speaker:
            return self._unnamed(span, self._coordinated(span, resolve(span), resolve))

        resolve_speaker: SpeakerResolver = speaker_of
        inversions = self.inversions(doc, clauses)
        found = self.from_clauses(doc, clauses, inversions) + self.according_to(doc, clauses, inversions) \
            + self.from_nouns(doc, clauses) + self.from_mistagged(doc, clauses)
        found = self.merge(self.direct(doc, clauses, inversions), found)
        found.sort(key=lambda f: (f.start, -f.end))
        return self.finish(doc, found, resolve_speaker, self.persons(doc, clauses, found))

    # ------------------------------------------------------------------ cues
    def _speaker_span(self, doc: Doc, lo: int, hi: int) -> tuple[Span | None, str | None]:
        """A subject span cut before a channel (``X til NTB``): (speaker, channel)."""
        for i in range(lo + 1, hi):
            if doc[i].lower_ in self.cues.channel_preps:
                rest = doc[i + 1:hi]
                return doc[lo:i], rest.text if len(rest) and self._medium(rest) else None
        return (doc[lo:hi] if lo < hi else None), None

    def _names_source(self, span: Span | None) -> bool:
        """Whether a subject can name a source: not ``man``, ``du``, ``å`` (``Det hvite hus`` can)."""
        if span is None or not len(span):
            return False
        first = span[0]
        return first.lower_ not in self.cues.non_speakers or (len(span) > 1 and first.pos_ not in ("PRON", "PART"))

    def inversions(self, doc: Doc, clauses: list[Clause]) -> dict[int, Inversion]:
        """Inverted cues by sentence start token: ``P, sier X.`` / ``"P," X said.``"""
        by_pred = {c.pred: c for c in clauses}
        inherited = {c.pred for c in clauses if c.subj is not None and c.parent is not None
                     and clauses[c.parent].subj is c.subj}  # a coordinated clause shares its governor's subject
        out: dict[int, Inversion] = {}
        for sent in doc.sents:
            lo = _sentence(doc, sent)[0]
            span = doc[lo:sent.end]
            for tok in sent:
                inv = self._inversion(doc, span, tok, by_pred.get(tok.i), tok.i in inherited)
                if inv is not None:
                    out[lo] = inv
                    break
        return out

    def _inversion(self, doc: Doc, sent: Span, tok: Token, clause: Clause | None,
                   inherited: bool = False) -> Inversion | None:
        """An inverted cue at ``tok``; ``inherited``: the clause's subject is its governor's (``X arresterte
        ..., opplyste militære kilder`` parsed as two coordinated clauses), so it does not come first."""
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        impersonal = tok.lower_ in self.cues.impersonal  # "P , heter det i rapporten": no subject names the source
        group = "assert" if impersonal else self.cues.group(tok.lemma_.lower(), clause.particle if clause else None,
                                                             tok.text)
        if group is None:
            return None
        comma = next((j for j in range(tok.i - 1, max(sent.start, tok.i - MAX_PRE_SUBJECT) - 1, -1)
                      if doc[j].text in (",", "—", "–") or doc[j].text in self.cues.closing_marks), None)
        if comma is None or comma - sent.start < 2:
            return None
        if not impersonal and not inherited and comma + 1 == tok.i and clause is not None \
                and clause.subj is not None and clause.subj.start < comma:
            return None  # "X , leiar i Y , avviser ...": the subject comes first, no inversion
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
        if any(t.lower_ in self.cues.complementizers and t.pos_ == "SCONJ" and t.head.head.i == tok.i for t in after):
            return None  # "P , tror ikke X , Y , at Q": the cue governs a complement clause, no inversion
        brk = self._clause_break(after)  # the cue's own clause ends here; a complementizer there is its object
        if any(t.pos_ in ("VERB", "AUX") and not _mistagged_subject(t) for t in after[:brk]) or any(
                t.lower_ in self.cues.complementizers and t.pos_ == "SCONJ" for t in after[:brk + 1]):
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
            if lo < end and doc[lo].pos_ != "PRON":
                while hi < end and not doc[hi].is_punct and doc[hi].pos_ not in ("ADV", "ADP", "VERB", "AUX") \
                        and not self._opens_clause(doc[hi]):
                    hi += 1
            speaker, channel = self._speaker_span(doc, lo, hi) if lo < end and doc[lo].pos_ in NOMINAL \
                else (None, None)
        if impersonal:  # the document named in "i X" is the source, else the current speaker goes on
            speaker = next((doc[t.i + 1:subtree_span(t)[1]] for t in after
                            if t.lower_ == self.cues.impersonal_source and subtree_span(t)[1] > t.i + 1), None)
        elif not self._names_source(speaker):
            return None
        channel = (self._channel(doc, clause) if clause is not None else None) or channel
        return Inversion(start=doc[comma].idx, end=doc[end - 1].idx + len(doc[end - 1].text),
                         cue=doc[tok.i:tok.i + 1], group=group, speaker=speaker, channel=channel)

    @staticmethod
    def _opens_clause(tok: Token) -> bool:
        """A conjunction or subordinator that starts a new clause (``sier X og viser til``, ``sa X da ...``)."""
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return tok.pos_ == "SCONJ" or (tok.pos_ == "CCONJ" and nxt is not None and nxt.pos_ in ("VERB", "AUX"))

    def _clause_break(self, after: list[Token]) -> int:
        """How many tokens after an inverted cue belong to its own clause: up to a comma, ``(`` or a new clause."""
        for n, t in enumerate(after[1:], start=1):
            if self._opens_clause(t) or t.nbor(-1).text in (",", "("):
                return n
        return len(after)

    def _indirect_question(self, doc: Doc, k: Clause) -> bool:
        """A complement opened by a question word (``viser hvordan ...``, ``sa kva ...``) reports no claim."""
        lo, _ = k.span(doc)
        return doc[lo].lower_ in self.cues.question_words

    def _adverbial(self, doc: Doc, c: Clause, k: Clause) -> bool:
        """An ``at`` clause under a preposition of the predicate's own that makes it an adverbial clause
        (``fortalte X etter at P``, ``uten at``): no complement. (``gitt uttrykk for at P`` hangs on the noun.)"""
        return k.via in self.cues.adverbial_preps and doc[k.head].head.head.i == c.pred

    def _bridged(self, doc: Doc, c: Clause, k: Clause) -> tuple[str, int] | None:
        """(stance group, cue token) when a preposition stands between a predicate and its complement clause:
        the verb's own (``minner om at``, ``peiker på at``) or a predicative's (``er klar på at``, ``har tru på at``).
        """
        prep = doc[k.head].head
        if prep.i in (c.pred, k.head):
            return None
        if prep.head.pos_ == "ADP" and prep.head.head.i == c.pred:  # a particle between: "kom fram til at"
            group = self.cues.group(c.lemma, f"{prep.head.lower_} {prep.lower_}")
            return (group, c.pred) if group is not None else None
        word = doc[c.pred] if prep.head.i == c.pred else prep.head
        if word.i != c.pred and (word.head.i != c.pred or word.pos_ not in ("ADJ", "NOUN")):
            return None
        lemma = c.lemma if word.i == c.pred else word.lemma_.lower()
        group = self.cues.group(lemma, prep.lower_)
        if group is None and word.i == c.pred and c.particle:  # "kom fram til at", "går inn for at"
            group = self.cues.group(lemma, f"{c.particle} {prep.lower_}")
        return (group, word.i) if group is not None else None

    def _topic_subject(self, doc: Doc, clauses: list[Clause], c: Clause) -> tuple[int, int] | None:
        """The subject of a reporting clause as a token span: the parse's, or for a main clause with none, a
        noun phrase before the verb that the parser left unlabelled (``Produsent i X , Dag Hvaring , meiner``);
        a coordinated clause shares its first conjunct's."""
        if c.subj is not None:
            lo = c.subj.start
            if lo > 0 and doc[lo - 1].lower_ in self.cues.correlatives:
                lo -= 1  # "både X og Y sier": the parser leaves "både" out of the subject
            return lo, c.subj.end
        if c.rel == "coord" and c.parent is not None:
            return self._topic_subject(doc, clauses, clauses[c.parent])
        verb = doc[c.head]
        if c.rel is not None or "\n" in doc[verb.sent.start:verb.i].text:
            return None
        topic = next((t for t in verb.children if t.i < verb.i and t.dep_ == "dep" and t.pos_ in ("NOUN", "PROPN")
                      and subtree_span(t)[1] <= verb.i), None)
        if topic is None:
            return None
        lo, hi = subtree_span(topic)
        while hi > lo and doc[hi - 1].is_punct:
            hi -= 1
        return lo, hi

    def _reporting(self, doc: Doc, c: Clause) -> bool:
        return self.cues.group(c.lemma, c.particle, doc[c.pred].text) is not None

    def _shared_reporter(self, doc: Doc, clauses: list[Clause], c: Clause) -> int | None:
        """The reporting clause whose subject a coordinated reporting clause shares when the parser attached it to
        the reported clause: ``X framholder at P og legger til at Q``, ``- P , sier X , og legger til at Q`` (the
        second cue has no subject of its own; the parse gives it P's)."""
        if c.rel != "coord" or c.parent is None or c.subj is None:
            return None
        comps = [k for k in clauses if k.parent is not None and clauses[k.parent] is c
                 and (k.rel == "comp" or k.mark in self.cues.complementizers)]
        if not comps or (not self._reporting(doc, c) and not any(k.via for k in comps)):
            return None  # the second cue reports a complement of its own ("og legger til at Q")
        p = clauses[c.parent]
        if p.subj is None or p.subj.start != c.subj.start or c.subj.start >= c.span(doc)[0]:
            return None
        if p.rel == "comp" and p.parent is not None and self._reporting(doc, clauses[p.parent]) \
                and clauses[p.parent].pred < c.pred:
            return p.parent
        return next((n for n, k in enumerate(clauses) if k.parent == c.parent and k.rel == "par"
                     and k.pred < c.pred and self._reporting(doc, k)), None)

    def _run_on_complement(self, doc: Doc, c: Clause, k: Clause) -> bool:
        """A complement without ``at`` that the parser coordinated with its cue: ``mener spesielt X har tvunget``
        (no conjunction or comma between them, and a subject of its own)."""
        if k.rel != "coord" or k.mark is not None or k.subj is None or k.subj is c.subj or k.subj.start < c.pred:
            return False
        if any(ch.pos_ == "CCONJ" for ch in doc[k.head].children):
            return False
        between = doc[c.pred + 1:k.subj.start]
        return all(t.pos_ in ("ADV", "ADJ") and t.dep_ == "ADV" for t in between)

    def _complement_end(self, doc: Doc, clauses: list[Clause], i: int, lo: int, hi: int) -> int:
        """Where a complement ends: a conditional clause right after it belongs to it, whatever the parse
        attached it to (``sier at P , hvis Q``); a comma clause giving a reason or a concession does not
        (``mener P , selv om han ...``: the writer's comment)."""
        for j in range(lo + 2, hi - 1):
            if doc[j - 1].text == "," and any(
                    [t.lower_ for t in doc[j:j + len(words)]] == words for words in self.cues.detached):
                return j - 1
        for k in clauses:
            if k.parent != i or k.rel != "adv" or k.mark not in self.cues.conditionals:
                continue
            alo, ahi = k.span(doc)
            if alo >= hi and all(t.is_punct and t.text not in SENTENCE_END for t in doc[hi:alo]):
                return ahi
        return hi

    def from_clauses(self, doc: Doc, clauses: list[Clause], inversions: dict[int, Inversion]) -> list[Found]:
        """Reporting clauses with a complement clause; inverted cues closing a sentence."""
        out: list[Found] = []
        inv_cues = {inv.cue.start for inv in inversions.values()}
        shared = {i: r for i, c in enumerate(clauses) if (r := self._shared_reporter(doc, clauses, c)) is not None}
        # a complement ends where a coordinated reporting clause sharing its reporter's subject begins
        cut = {p: clauses[i].span(doc)[0] for i, r in shared.items()
               if (p := clauses[i].parent) is not None and clauses[p].parent == r}
        for i, c in enumerate(clauses):
            if c.pred > 0 and doc[c.pred - 1].lower_ == self.cues.infinitive:
                continue  # "vanskeleg å seie at", "vil ikkje ønske å anta at": nobody is reported
            comps = [k for k in clauses if k.parent == i and k.mark not in self.cues.non_complements and (
                k.rel == "comp" or k.mark in self.cues.complementizers or self._run_on_complement(doc, c, k))
                and not self._indirect_question(doc, k) and self._noun_cue(doc, k) is None
                and not _mistagged_subject(doc[k.head]) and not self._adverbial(doc, c, k)]
            group = self.cues.group(c.lemma, c.particle, doc[c.pred].text)
            bridged = {id(k): b for k in comps if (b := self._bridged(doc, c, k))}
            subj = self._topic_subject(doc, clauses, clauses[shared[i]] if i in shared else c)
            if (group is None and not bridged) or subj is None:
                continue
            cue = doc[c.pred:c.pred + 1]
            speaker, channel = self._speaker_span(doc, _named_apposition(doc, subj[0]), subj[1])
            if not self._names_source(speaker):
                continue
            channel = channel or self._channel(doc, c)
            for k in comps:
                if k.rel == "rel" and k.via is not None and id(k) not in bridged:
                    continue  # "vil ikkje seie ja takk til at P": the clause completes a noun of the object
                k_group, k_cue = bridged.get(id(k), (group, c.pred))
                if k_group is None:
                    continue
                lo, hi = k.span(doc)
                if k.mark and doc[lo].lower_ == k.mark:
                    lo += 1
                obj = next((o for o in c.objs if c.pred < o.start < lo), None)
                if k.mark is None and k.subj is None and obj is not None:
                    lo = obj.start  # "synes X er dristig": the parser took the complement's subject as the object
                elif k.mark is None and k.subj is None and k.rel == "comp" and c.pred + 1 < lo:
                    # "mener tiden for å kjøpe nærmer seg": the subject hung on the cue as an adverbial
                    first = next((t for t in doc[c.pred + 1:lo] if t.pos_ not in ("ADV", "PART")), None)
                    if first is not None and first.pos_ in ("NOUN", "PROPN", "DET") and first.head.i == c.pred:
                        lo = subtree_span(first)[0]
                while k.mark is None and lo < hi - 1 and doc[lo].lower_ in self.cues.focus_adverbs:
                    lo += 1  # "mener spesielt X har ...": the focus adverb goes with the cue, whatever its tag
                hi = self._complement_end(doc, clauses, i, lo, hi)
                k_at = next((n for n, x in enumerate(clauses) if x is k), -1)
                if k_at in cut and lo < cut[k_at] < hi:
                    hi = cut[k_at]
                    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].pos_ == "CCONJ"):
                        hi -= 1
                if lo < hi and c.pred not in inv_cues:
                    out.append(Found("indirect", *_chars(doc, lo, hi), cue=doc[k_cue:k_cue + 1],
                                     group=_negated(k_group) if c.negated else k_group, speaker=speaker,
                                     channel=channel))
            if group is not None and c.rel == "par" and c.parent is not None and c.pred not in inv_cues:
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

    def from_mistagged(self, doc: Doc, clauses: list[Clause]) -> list[Found]:
        """A reporting verb the tagger took for another word class (``Kreml benekter at P``: ``benekter`` as a
        noun), known by its written form (the cue file's ``forms``), right before a complement clause, with a
        noun phrase from the sentence start as its subject."""
        out: list[Found] = []
        preds = {c.pred for c in clauses} | {v for c in clauses for v in c.verbs}
        for k in clauses:
            if k.mark not in self.cues.complementizers or k.mark in self.cues.non_complements:
                continue
            lo, hi = k.span(doc)
            if doc[lo].lower_ != k.mark or lo < 2:
                continue
            j, negated = lo - 1, False
            if doc[j].lower_ in Adapter.negation:
                j, negated = j - 1, True
            cue = doc[j]
            if cue.pos_ in ("VERB", "AUX") or cue.i in preds or cue.lower_ not in self.cues.forms:
                continue
            group = self.cues.group(cue.lemma_.lower(), None, cue.text)
            s_lo = _sentence(doc, cue.sent)[0]
            while s_lo < cue.i and (doc[s_lo].is_punct or doc[s_lo].is_space):
                s_lo += 1
            subject = doc[s_lo:cue.i]
            if group is None or not len(subject) or len(subject) > MAX_PRE_SUBJECT \
                    or any(t.pos_ not in NOMINAL for t in subject) or not self._names_source(subject):
                continue
            while hi > lo + 1 and doc[hi - 1].is_punct:
                hi -= 1
            out.append(Found("indirect", *_chars(doc, lo + 1, hi), cue=doc[cue.i:cue.i + 1],
                             group=_negated(group) if negated else group, speaker=subject))
        return out

    def _noun_source(self, noun: Token) -> Span | None:
        """Whose statement a reporting noun is: a genitive (``Kulturrådets begrunnelse``), ``X sin påstand``
        or ``utspelet frå X``; None for a pronoun or no source."""
        doc = noun.doc
        for ch in noun.children:
            if ch.i < noun.i and ch.lower_ in self.cues.possessives and ch.i > 0:
                owner = doc[ch.i - 1]
                ent = next((e for e in doc.ents if e.start <= owner.i < e.end), None)
                if ent is not None:
                    return doc[ent.start:ent.end]
                if owner.pos_ in ("PROPN", "NOUN"):
                    return doc[subtree_span(owner)[0]:owner.i + 1]
            elif ch.i < noun.i and ch.dep_ == "DET" and ch.pos_ in ("PROPN", "NOUN"):
                return doc[subtree_span(ch)[0]:ch.i + 1]
            elif ch.i > noun.i and ch.lower_ in self.cues.source_preps:
                obj = next((g for g in ch.children if g.dep_ == "PUTFYLL" and g.pos_ in ("PROPN", "NOUN")), None)
                if obj is not None:
                    return doc[slice(*subtree_span(obj))]
        return None

    def _noun_cue(self, doc: Doc, k: Clause) -> tuple[Token, str, Span] | None:
        """(noun, stance group, source) when ``k`` is the complement of a reporting noun with a named source."""
        if k.mark not in self.cues.complementizers or k.mark in self.cues.non_complements or k.via is None:
            return None
        prep = doc[k.head].head
        noun = prep.head
        group = self.cues.nouns.get(f"{noun.lemma_.lower()} {prep.lower_}")
        if prep.pos_ not in ("ADP", "SCONJ") or noun.pos_ != "NOUN" or group is None:
            return None
        speaker = self._noun_source(noun)
        return (noun, group, speaker) if speaker is not None else None

    def from_nouns(self, doc: Doc, clauses: list[Clause]) -> list[Found]:
        """Reporting nouns with a complement clause and a named source: ``utspelet frå Høgre om at P``,
        ``Kulturrådets begrunnelse om at P``, ``X sin påstand om at P``."""
        out: list[Found] = []
        for k in clauses:
            if k.mark not in self.cues.complementizers or k.mark in self.cues.non_complements or k.via is None:
                continue
            cue = self._noun_cue(doc, k)
            if cue is None:
                continue
            noun, group, speaker = cue
            lo, hi = k.span(doc)
            if doc[lo].lower_ == k.mark:
                lo += 1
            if lo < hi:
                out.append(Found("indirect", *_chars(doc, lo, hi), cue=doc[noun.i:noun.i + 1], group=group,
                                 speaker=speaker))
        return out

    def _medium(self, span: Span) -> bool:
        """Whether a phrase names a medium (a named JRN organisation, ``avisen``, ``the newspaper``), not an
        addressee (``statsministeren``, ``meg``, ``reporters``: journalists are people, not a medium)."""
        named = any(t.pos_ == "PROPN" or t.ent_type_ for t in span)
        if named and self._resolve is not None and self._resolve(span).sector == "JRN":
            return True
        return any(t.pos_ in ("NOUN", "PROPN") and self.cues.medium(t.lower_) for t in span)

    def _channel(self, doc: Doc, c: Clause) -> str | None:
        """``til Reuters`` / ``overfor NRK`` / ``told Reuters``: the medium a statement was made through; an
        addressee (``sa til statsministeren``, ``told reporters``) is none."""
        args = [a for prep in self.cues.channel_preps for a in c.obl.get(prep, [])[:1]]
        if c.lemma in self.cues.channel_verbs:
            args += c.objs[:1]
        return next((span.text for a in args if self._medium(span := _arg_span(doc, a))), None)

    def according_to(self, doc: Doc, clauses: list[Clause], inversions: dict[int, Inversion]) -> list[Found]:
        """``ifølge X, P`` / ``according to X``; in an inverted cue's tail (``, seier ho ifølgje avisa``) it is
        the channel, not a source."""
        out: list[Found] = []
        heads = {c.head: c for c in clauses}
        inv_starts = {inv.start for inv in inversions.values()}
        for tok in doc:
            if tok.lower_ not in self.cues.according_to or any(
                    inv.start <= tok.idx < inv.end for inv in inversions.values()):
                continue
            objs = [g for g in tok.subtree if g.dep_ in ("PUTFYLL", "pobj") and g.head.i in (tok.i, *(
                h.i for h in tok.children))]
            if not objs:
                continue
            head = tok.head
            while head.i not in heads and head.head.i != head.i:
                head = head.head
            clause = heads.get(head.i)
            s_lo, s_hi = _sentence(doc, tok.sent)
            lo, hi = clause.span(doc) if clause is not None else (s_lo, s_hi)
            lo, hi = max(lo, s_lo), min(hi, s_hi)
            while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
                hi -= 1  # "P , ifølge X ." ends at the phrase, not at the full stop
            pp_lo, pp_hi = subtree_span(tok)
            if all(t.is_punct or t.pos_ in ("CCONJ", "SCONJ") for t in doc[s_lo:pp_lo]):
                lo, hi = pp_hi, s_hi  # "(For) ifølge X har ...": the rest of the sentence, however it parsed
                while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
                    hi -= 1
            elif pp_lo <= lo:
                lo = pp_hi
            elif pp_hi >= hi:
                hi = pp_lo
            # "ifølge X burde P , sier Y": the statement ends where an inverted cue's tail begins
            hi = min([hi, *(t.i for t in doc[lo:hi] if t.idx in inv_starts and t.i > pp_hi)])
            if lo >= hi:
                continue
            sp = objs[0]
            speaker = doc[slice(*subtree_span(sp))]
            out.append(Found("according_to", *_chars(doc, lo, hi), cue=doc[tok.i:tok.i + 1], speaker=speaker))
        return out

    # ---------------------------------------------------------------- direct
    def _is_narrative(self, doc: Doc, text: str, clauses: list[Clause], lo: int, hi: int, names: bool = True) -> bool:
        """A line that reports about someone rather than continuing a quote: it has a reporting clause whose
        subject is named (an entity, a proper noun or ``han``/``ho``; ``nokre hevdar at`` may be quoted speech)
        or (with ``names``) a person name, and no first or second person. ``text`` is ``doc.text``."""
        line = doc.char_span(lo, hi, alignment_mode="expand")
        toks = [t for t in line if lo <= t.idx < hi] if line is not None else []
        # a title in quote marks («Min kamp») is no first person
        marked = _marked(text[lo:hi], self.cues.single_quotes)
        if any(t.lower_ in self.cues.first_person and not any(a < t.idx - lo < b for a, b in marked) for t in toks):
            return False

        def personal(subj: Arg) -> bool:
            span = _arg_span(doc, subj)
            return span.text.lower() in self.cues.pronouns or any(
                t.ent_type_ or t.pos_ == "PROPN" for t in span)

        return (names and any(t.ent_type_ in PERSON_LABELS for t in toks)) or any(
            self.cues.group(c.lemma, c.particle, doc[c.pred].text) and c.subj is not None and personal(c.subj)
            and lo <= doc[c.pred].idx < hi for c in clauses)

    def _stops_run(self, line: str) -> bool:
        """A line that cannot continue a dash quote: empty, dash-led or a headline."""
        return not line or any(line.startswith(d + " ") for d in self.cues.dashes) or line.endswith(HEADLINE_MARK)

    def _closing_line(self, text: str, lines: list[tuple[int, int]], n: int,
                      inv_by_line: dict[int, Inversion]) -> int | None:
        """The line after dash line ``n`` whose inverted cue closes its run, if one comes before the run must stop."""
        for m in range(n + 1, min(len(lines), n + 1 + MAX_RUN_LINES)):
            if m in inv_by_line:
                return m
            if self._stops_run(text[lines[m][0]:lines[m][1]].strip()):
                return None
        return None

    def direct(self, doc: Doc, clauses: list[Clause], inversions: dict[int, Inversion]) -> list[Found]:
        """Dash-led runs and quote-mark spans, each with the inverted cue that closes it, if any."""
        text = _text(doc)
        inv_by_line: dict[int, Inversion] = {}
        lines = _dash_lines(text, _lines(text), self.cues.dashes)
        for at in inversions.values():
            for n, (a, b) in enumerate(lines):
                if a <= at.start < b:
                    inv_by_line[n] = at
        runs = self.cues.dashes and _one_sentence_lines(doc)
        spans: list[tuple[int, int, Inversion | None]] = []
        dashed: set[int] = set()
        n = 0
        while n < len(lines):
            a, b = lines[n]
            stripped = text[a:b].lstrip()
            if not any(stripped.startswith(d + " ") for d in self.cues.dashes):
                n += 1
                continue
            last, inv = n, inv_by_line.get(n)
            closing = self._closing_line(text, lines, n, inv_by_line) if runs else None
            while runs and inv is None and last + 1 < len(lines) and last - n < MAX_RUN_LINES:
                la, lb = lines[last + 1]
                nxt = text[la:lb].strip()
                first = text[a:b].rstrip()  # a question opens an exchange, unless an inverted cue closes the run
                if self._stops_run(nxt) or first.endswith(HEADLINE_MARK) or (first.endswith("?") and closing is None):
                    break
                if (last + 1) in inv_by_line:
                    last, inv = last + 1, inv_by_line[last + 1]
                    break
                # a name does not end the run when an inverted cue closes it further on
                if self._is_narrative(doc, text, clauses, la, lb, names=closing is None):
                    break
                last += 1
            end = inv.start if inv is not None else lines[last][1]
            spans.append((a, end, inv))
            dashed.add(a)
            n = last + 1
        for start, end in _marked(text, self.cues.single_quotes):
            if any(s <= start < e for s, e, _ in spans):
                continue
            tail = next((inv for inv in inversions.values() if start < inv.start <= end + 2), None)
            inner = text[start + 1:end - 1].strip()
            if tail is None and inner[:1].isupper() and len(inner.split()) < MIN_TITLE_WORDS \
                    and not inner.endswith(SENTENCE_END):
                continue
            spans.append((start, end, tail))
        out: list[Found] = []
        for s0, e, inv in spans:
            headline = text[s0:e].rstrip().endswith(HEADLINE_MARK)
            s = s0
            s, e = _trim(text, s, e)
            if len(text[s:e].split()) < (MIN_HEADLINE_WORDS if headline else MIN_DIRECT_WORDS) and inv is None:
                continue
            # a long dash turn ending in "?" is an answer closing on a rhetorical question, not a question
            question = text[s:e].rstrip().endswith("?") and (
                s0 not in dashed or text.count("\n", s, e) < MAX_QUESTION_LINES)
            f = Found("direct", s, e, question=question, headline=headline, dashed=s0 in dashed)
            if inv is not None:
                f.cue, f.group, f.speaker, f.channel = inv.cue, inv.group, inv.speaker, inv.channel
            else:
                self._introduce(doc, clauses, f, inversions)
            out.append(f)
        return out

    def _introduce(self, doc: Doc, clauses: list[Clause], f: Found, inversions: dict[int, Inversion]) -> None:
        """Give a quote introduced by a colon (``Atabajev har serveringen klar :``, ``skrev Eli H.S. :``) the
        subject of the introducing sentence: a reporting verb's subject, or a pronoun, name or entity. A cue
        coordinated after an inverted cue (``P , sier X , og tilføyer :``) has the inverted cue's speaker, whatever
        subject the parse gave it."""
        text = _text(doc)
        i = f.start - 1
        while i > 0 and (text[i].isspace() or text[i] in TRIM - {":"}):
            i -= 1
        span = doc.char_span(i, i + 1, alignment_mode="expand")
        colon = span[0] if span is not None and len(span) and span[0].idx == i else None
        if colon is None or colon.text != ":":
            return
        sent = colon.sent
        for c in reversed([c for c in clauses if c.subj is not None and sent.start <= c.pred < colon.i]):
            group = self.cues.group(c.lemma, c.particle, doc[c.pred].text)
            assert c.subj is not None
            speaker, channel = self._speaker_span(doc, c.subj.start, c.subj.end)
            if speaker is None or not self._names_source(speaker):
                continue
            inv = next((v for v in inversions.values()
                        if c.rel == "coord" and speaker.start < v.cue.start < c.pred and v.speaker is not None), None)
            if inv is not None and inv.speaker is not None and group is not None:
                speaker, channel = inv.speaker, inv.channel
            main = c.parent is None or doc[clauses[c.parent].pred].sent.start != sent.start
            if group is None and not (main and (speaker.text.lower() in self.cues.pronouns
                                                or speaker.root.pos_ == "PROPN" or any(t.ent_type_ for t in speaker))):
                continue
            f.speaker, f.channel = speaker, channel
            if group is not None:
                f.cue, f.group = doc[c.pred:c.pred + 1], group
            return

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
            # a report that fills a cueless span gives it its cue, unless the span is an interview question
            # ("- Men X påpeker at P?": the interviewer asks, X is reported inside the question)
            if host.cue is None and f.end >= host.end - 2 and f.start >= host.start - 2 and not (
                    host.dashed and host.question and self.cues.interviewer):
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
    def _coordinated(self, span: Span, speaker: Speaker, resolve: SpeakerResolver) -> Speaker:
        """A speaker phrase coordinating actors of different countries (``både amerikanske og kinesiske
        tjenestepersoner``) has no single code; its sector stays when the conjuncts share it."""
        words = [t for t in span if t.lower_ not in self.cues.correlatives]
        cuts = [n for n, t in enumerate(words) if t.pos_ == "CCONJ" or (t.text == "," and 0 < n < len(words) - 1)]
        if not cuts or not words:
            return speaker
        parts, lo = [], 0
        for n in [*cuts, len(words)]:
            if n > lo:
                parts.append(span.doc[words[lo].i:words[n - 1].i + 1])
            lo = n + 1
        actors = [resolve(p) for p in parts]
        codes = {a.code for a in actors if a.code}
        if len(codes) < 2:
            return speaker
        sectors = {a.sector for a in actors if a.sector}
        return speaker.model_copy(update={"code": None, "name": None,
                                          "sector": sectors.pop() if len(sectors) == 1 else None})

    def _unnamed(self, span: Span, speaker: Speaker) -> Speaker:
        """An unnamed source is anonymous: a phrase with no person name headed by a noun that names a source by
        its kind (``amerikanske tjenestepersoner``, ``a senior US official``), or marked so in or right after it
        (``anonym``, ``, speaking on condition of anonymity ,``)."""
        if speaker.anonymous or speaker.name or any(t.ent_type_ in PERSON_LABELS for t in span):
            return speaker
        after = span.doc[span.end:span.end + 40].text_with_ws  # Doc.text would join the whole document
        aside = after.split(",", 2)[1] if after.lstrip().startswith(",") and after.count(",") >= 2 else ""
        if any(t.pos_ in ("NOUN", "PROPN") and self.cues.unnamed_source(t.lower_) for t in span) \
                or self.cues.anonymity(span.text) or (aside and self.cues.anonymity(aside)):
            return speaker.model_copy(update={"anonymous": True})
        return speaker

    def _name(self, doc: Doc, span: Span) -> str | None:
        """The person name inside a mention, if any."""
        ents = _person_entities(doc, span.start, span.end)
        return ents[-1].text if ents else None

    def _role_holder(self, doc: Doc, span: Span, names: list[Span]) -> Span | None:
        """The person last introduced with the role a lone definite noun names: ``sier mottaksleiaren`` after
        ``Mottaksleiar Kari Nordmann`` or ``Kari Nordmann , mottaksleiar i Y``."""
        words = [t for t in span if not t.is_punct]
        if len(words) != 1 or words[0].ent_type_ or words[0].pos_ not in ("NOUN", "PROPN"):
            return None
        word = words[0].lower_
        stems = {word[:-len(x)] for x in self.cues.definite_suffixes
                 if word.endswith(x) and len(word) - len(x) >= MIN_ROLE_STEM}
        for e in reversed([e for e in names if e.end <= span.start]):
            lo, hi = _sentence(doc, e.sent)
            near = [t for t in doc[max(lo, e.start - ROLE_WINDOW):min(hi, e.end + ROLE_WINDOW)]
                    if not e.start <= t.i < e.end]
            if any(t.lower_.endswith(stem) or t.lemma_.lower().endswith(stem) for t in near for stem in stems):
                return e
        return None

    @staticmethod
    def persons(doc: Doc, clauses: list[Clause], found: list[Found]) -> tuple[list[Span], list[Span]]:
        """Antecedent candidates outside direct quotes: (main-clause subjects naming a person, all person names).

        A subject counts when it holds a person name or its head is a proper noun of no other entity type
        (``Perisat ( 24 )``, missed by the tagger).
        """
        quoted = [(f.start, f.end) for f in found if f.kind == "direct"]

        def outside(span: Span) -> bool:
            return not any(s <= span.start_char < t for s, t in quoted)

        names = [e for e in doc.ents if e.label_ in PERSON_LABELS and outside(e)]
        subjects = [doc[_named_apposition(doc, c.subj.start):c.subj.end] for c in clauses
                    if c.subj is not None and c.rel != "comp" and c.mark is None]
        subjects = [s for s in subjects if outside(s) and (
            any(s.start <= e.start and e.end <= s.end for e in names)
            or (s.root.pos_ == "PROPN" and s.root.ent_type_ in ("", *PERSON_LABELS)))]
        # a name before the verb of its sentence is its topic, mostly its subject, whatever the parse made of it
        # (``Produsent i X , Dag Hvaring , meiner ...``); a name after the verb is more often an object
        topics = [e for e in names if not any(t.pos_ in ("VERB", "AUX") for t in doc[_sentence(doc, e.sent)[0]:e.start])
                  and not any(s.start <= e.start < s.end for s in subjects)]
        return sorted([*subjects, *topics], key=lambda s: s.start), names

    def finish(self, doc: Doc, found: list[Found], resolve: SpeakerResolver,
               persons: tuple[list[Span], list[Span]]) -> list[Quote]:
        """Assign ids, resolve speakers with carry-over, record nesting.

        A pronoun or a missing speaker takes the person mentioned latest, from the current speaker's mention
        on and before the quote (or its cue), as a subject, else as any name; with none, the current speaker.
        An impersonal cue with no source keeps the current speaker; a headline takes the next quote's speaker.
        """
        text = _text(doc)
        speakers: list[Speaker | None] = []
        current: Speaker | None = None
        latest: Speaker | None = None  # the latest source of any kind, "ifølge X" included

        def antecedent(before: int, gender: str | None = None) -> Speaker | None:
            """The person named latest before ``before``, from the current speaker's mention on, else the current
            speaker; a pronoun's ``gender`` skips people whose given name says otherwise, and when it rules out
            the current speaker the search goes back to the start of the text."""
            def fits(text: str) -> bool:
                return gender is None or gender_of(text) in (None, gender)

            for since in (current.start if current is not None else 0, 0):
                for group in persons:
                    named = [e for e in group if since <= e.start_char and e.end_char <= before and fits(e.text)]
                    if named:
                        person = resolve(named[-1])
                        return person.model_copy(
                            update={"name": person.name or self._name(doc, named[-1]) or person.text})
                if current is None or fits(current.name or current.text):
                    break
            return current

        for f in found:
            speaker = resolve(f.speaker) if f.speaker is not None else None
            # a source reported inside someone's quote does not take over as the current speaker
            # (a direct one, or a report whose content holds the cue: "X synes det er rart at Y mener ...")
            nested = any(d is not f and d.start <= f.start and f.end <= d.end and (
                d.kind == "direct" or (f.cue is not None and d.start <= f.cue.start_char < d.end)) for d in found)
            if speaker is not None and speaker.text.lower() in self.cues.pronouns:
                ante = antecedent(f.cue.start_char if f.cue is not None else f.start,
                                  self.cues.pronoun_gender.get(speaker.text.lower()))
                if ante is not None:
                    speaker = speaker.model_copy(update={"code": ante.code, "sector": ante.sector,
                                                         "anonymous": ante.anonymous,
                                                         "name": ante.name or (
                                                             None if ante.text.lower() in self.cues.pronouns
                                                             else ante.text)})
                    current = current if nested else ante
                elif not nested:  # "he said" with no antecedent: "he" goes on speaking
                    current = speaker
                latest = latest if nested else (ante or speaker)
            elif speaker is not None:
                name = self._name(doc, f.speaker) if f.speaker is not None else None
                holder = self._role_holder(doc, f.speaker, persons[1]) if f.speaker is not None and not name \
                    else None
                if holder is not None:  # "sier mottaksleiaren": the person introduced with that role
                    person = resolve(holder)
                    speaker = speaker.model_copy(update={
                        "code": speaker.code or person.code, "sector": speaker.sector or person.sector,
                        "anonymous": person.anonymous,
                        "name": speaker.name or person.name or self._name(doc, holder) or holder.text})
                elif name and not speaker.name:
                    speaker = speaker.model_copy(update={"name": name})
                if not nested and f.kind != "according_to" and (
                        speaker.sector or speaker.anonymous or speaker.code is None):
                    current = speaker  # a person or office can be "han" later; "ifølge USA" cannot
                latest = latest if nested else speaker
            elif f.kind == "direct" and not f.question and not f.headline:
                speaker = current = antecedent(f.start)
                latest = speaker or latest
            elif f.kind == "direct" and f.question and f.dashed and not f.headline and self.cues.interviewer:
                # an uncued dash-led question is the interviewer's turn; the interviewee stays current
                speaker = Speaker(text="", start=f.start, end=f.start, anonymous=True, name=self.cues.interviewer)
            elif f.cue is not None:  # "P , heter det videre": the latest source goes on, "ifølge X" included
                speaker = latest
            speakers.append(speaker)
        for n in range(len(found) - 2, -1, -1):  # headlines, and quotes before any speaker: the next one's
            if speakers[n] is None and found[n].kind == "direct" and not found[n].question and (
                    found[n].headline or not any(speakers[:n])):
                speakers[n] = speakers[n + 1]
        quotes: list[Quote] = []
        for f, speaker in zip(found, speakers, strict=True):
            start, end = _trim(text, f.start, f.end)
            if start >= end:
                continue
            n = len(quotes) + 1  # numbered after filtering: no gaps
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
