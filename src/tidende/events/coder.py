"""The rule-based PLOVER event coder: clauses + trigger lexicon → events.

For each clause whose predicate (or event noun) is in the lexicon, the actor and
recipient come from the argument roles the entry names; negation, modality,
attribution and date come from the clause, the cue lists, the quotes and the
temporal expressions. Repeated mentions of one happening are merged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from tidende.events.lexicon import Entry, Lexicon
from tidende.nlp.clauses import Adapter, Arg, Clause
from tidende.records import ActorCode, Attribution, DocDate, Event, EventActor, Modality, Quote
from tidende.records import Span as TextSpan

ActorOf = Callable[[Span], ActorCode | None]
ActorsIn = Callable[[Span], list[tuple[ActorCode, Span]]]
COORDINATORS = frozenset({"and", "og", "både", "&"})


@cache
def plover_rules() -> dict:
    """Language-independent PLOVER coding rules (``plover.yaml``)."""
    return yaml.safe_load((Path(__file__).parent / "plover.yaml").read_text(encoding="utf-8"))
PRONOUNS = frozenset({"han", "hun", "ho", "de", "dei", "he", "she", "they", "den", "it", "landet", "the country"})


@dataclass
class Inputs:
    """What the coder reads besides the lexicon."""

    doc: Doc
    clauses: list[Clause]
    adapter: Adapter
    actor_of: ActorOf
    actors_in: ActorsIn
    quotes: list[Quote]
    timexes: list  # list[tidende.timex.Timex]
    ref: DocDate | None


class EventCoder:
    """Codes events in one language."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.future_modals = lexicon.cue_set("future_modals")
        self.future_verbs = lexicon.cue_set("future_verbs")
        self.if_marks = lexicon.cue_set("hypothetical_subordinators")
        self.hypothetical = lexicon.cue_set("hypothetical_modals") - self.future_modals
        self.desire = lexicon.cue_set("desire_verbs")
        self.light_verbs = lexicon.cue_set("light_verbs")
        self.first_person = lexicon.cue_set("first_person")
        self.backoff = [str(e) for e in lexicon.cues.get("lemma_backoff") or []]

    def code(self, x: Inputs) -> list[Event]:
        """All events of the document, merged and numbered."""
        events: list[Event] = []
        self._recent: list[tuple[int, EventActor]] = []
        host = {a.head: c for c in x.clauses for role in ("obj", "subj") for a in c.args(role)}
        absorbing = set(plover_rules()["absorbs_complement"])
        keeps_claims = set(plover_rules()["keeps_claim_complement"])
        coded: dict[int, str] = {}
        for i, c in enumerate(x.clauses):
            if c.parent is not None and coded.get(c.parent) in absorbing and c.rel == "comp" and not (
                    coded[c.parent] in keeps_claims and c.mark not in ("å", "to")):
                continue  # "offered to negotiate" is one AGREE; "denied that China supplied" keeps AID
            entry = self.match(x.doc, c)
            if entry is not None:
                ev = self.clause_event(x, c, entry)
                if ev is not None:
                    events.append(ev)
                    coded[i] = ev.event
        for tok in x.doc:
            entries = self.lex.lookup("noun", tok.lemma_.lower())
            if entries and not any(e.trigger.start == tok.idx for e in events):
                ev = self.noun_event(x, tok, entries[0], host.get(tok.i))
                if ev is not None:
                    events.append(ev)
        return self.merge(events)

    def match(self, doc: Doc, c: Clause) -> Entry | None:
        """The most specific lexicon entry whose constraints the clause meets."""
        arg_toks = [t for a in (*c.objs, *(a for v in c.obl.values() for a in v)) for t in doc[a.start:a.end]]
        arg_lemmas = {t.lemma_.lower() for t in arg_toks}
        preps = set(c.obl) | {t.lemma_.lower() for t in arg_toks if t.i > 0}  # "tok opp saken med Xi"
        for lemma in self.lemma_candidates(c.lemma):
            for e in self.lex.lookup("verb", lemma):
                if e.particle and e.particle != c.particle:
                    continue
                if e.object and e.object.lower() not in arg_lemmas:
                    continue
                if e.prep and e.prep not in preps and e.prep != c.particle:
                    continue
                return e
        return None

    def lemma_candidates(self, lemma: str) -> list[str]:
        """The lemma, then the back-off forms of the cue file (``fordøm`` → ``fordømme``)."""
        return [lemma, *(lemma + b.replace("{last}", lemma[-1:]) for b in self.backoff)]

    def actors(self, x: Inputs, args: list[Arg]) -> list[EventActor]:
        """Coded actors for arguments (coordination gives compound actors)."""
        out: list[EventActor] = []
        for arg in args:
            for member in arg.members:
                span = x.doc[member.start:member.end]
                actor = x.actor_of(span)
                head = x.doc[member.head]
                quote = self._quote_at(x.quotes, head.idx) if head.lower_ in self.first_person else None
                if actor is None and quote is not None and quote.speaker is not None and quote.speaker.code:
                    speaker = quote.speaker  # "– Vi oppfordrer ...", sier Liu: "vi" is the speaker's side
                    out.append(EventActor(code=speaker.code, sector=speaker.sector, entity_text=span.text,
                                          start=span.start_char, end=span.end_char))
                    continue
                if actor is None and head.lower_ in PRONOUNS:
                    antecedent = self._antecedent(x, span)
                    if antecedent is not None:
                        out.append(EventActor(code=antecedent.code, sector=antecedent.sector, entity_text=span.text,
                                              wikidata_id=antecedent.wikidata_id, start=span.start_char,
                                              end=span.end_char))
                    continue
                if actor is None:
                    continue
                found = [(actor, span)]
                if any(t.lower_ in COORDINATORS for t in span):  # "Hungarian and Romanian officials"
                    inner = [(a, s) for a, s in x.actors_in(span) if a.code != actor.code]
                    found += [(a.model_copy(update={"sector": a.sector or actor.sector}), s) for a, s in inner]
                for a, s in found:
                    rec = EventActor(code=a.code, sector=a.sector, entity_text=s.text, wikidata_id=a.wikidata_id,
                                     start=s.start_char, end=s.end_char)
                    self._recent.append((s.start_char, rec))
                    out.append(rec)
        return out

    def _antecedent(self, x: Inputs, pronoun: Span) -> ActorCode | None:
        """The actor a pronoun refers to: the last event actor before it, else the last resolved
        mention in its sentence or the one before."""
        before = [r for o, r in self._recent if o < pronoun.start_char]
        sent = pronoun.sent
        start = x.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        mentions = x.actors_in(x.doc[start:pronoun.start])
        if mentions and (not before or mentions[-1][1].start_char > before[-1].start):
            return mentions[-1][0]
        if before:
            b = before[-1]
            return ActorCode(code=b.code, sector=b.sector, wikidata_id=b.wikidata_id)
        return None

    def roles(self, c: Clause, names: list[str], x: Inputs | None = None) -> list[Arg]:
        """Arguments of the first role in ``names`` that the clause fills (passive turns ``subj`` to
        ``obl:av/by``; ``comp:<role>`` is a role of a complement clause: ``comp:subj`` in "demanded that
        Hamas ...", ``comp:obl:to`` in "threatened to deliver blows to the United States")."""
        for name in names:
            if name.startswith("comp:") and x is not None:  # "demanded that Hamas ...", "threatened to hit the US"
                me = x.clauses.index(c)
                comps = [k for k in x.clauses if k.parent == me and k.rel == "comp"]
                args = [a for k in comps for a in self.roles(k, [name[5:]])]
            elif c.voice == "passive" and name == "subj":
                args = c.obl.get("av", []) or c.obl.get("by", [])
            elif c.voice == "passive" and name == "obj":
                args = [c.subj] if c.subj else []
            else:
                args = c.args(name)
            if not args and name.startswith("obl:") and x is not None:  # "sanctions on the Taliban"
                nested = (x.adapter.nominal(x.doc[o.head]) for o in c.objs)
                args = [a for roles in nested for a in roles.get("nmod:" + name[4:], [])]
            if args:
                return args
        return []

    def clause_event(self, x: Inputs, c: Clause, entry: Entry) -> Event | None:
        """An event from a verbal trigger."""
        actor = self.actors(x, self.roles(c, entry.actor))
        if not actor:
            return None
        recipient: list[EventActor] = []
        if entry.recipient != ["none"]:
            spans = {(a.start, a.end) for a in actor}
            for roles in (entry.recipient, *([r] for r in plover_rules()["recipient_fallback"])):
                recipient = [r for r in self.actors(x, self.roles(c, roles, x)) if (r.start, r.end) not in spans]
                if recipient:
                    break
            domestic = plover_rules()["domestic_default"].get(entry.event)
            if not recipient and domestic and (domestic == "any" or actor[0].sector in domestic):
                recipient = [a.model_copy(update={"sector": None}) for a in actor[:1]]
        trig = x.doc[c.pred]
        return self.build(x, entry, actor, recipient, trig, c)

    def noun_event(self, x: Inputs, tok: Token, entry: Entry, host: Clause | None) -> Event | None:
        """An event from an event noun (``besøket``, ``Russlands invasjon av Ukraina``)."""
        roles = x.adapter.nominal(tok)
        actor_args = next((roles[r] for r in entry.actor if r in roles), [])
        if (not actor_args and host is not None and host.subj is not None and host.subj.head != tok.i
                and host.lemma in self.light_verbs):
            actor_args = [host.subj]
        actor = self.actors(x, actor_args)
        if not actor:
            return None
        rec_args = next((roles[r] for r in entry.recipient if r in roles), [])
        if not rec_args and host is not None:
            rec_args = next((host.obl[r[5:]] for r in entry.recipient if r.startswith("nmod:") and r[5:] in host.obl),
                            [])
        return self.build(x, entry, actor, self.actors(x, rec_args), tok, host)

    def build(self, x: Inputs, entry: Entry, actor: list[EventActor], recipient: list[EventActor], trig: Token,
              c: Clause | None) -> Event:
        """Assemble the record: modality, negation, attribution, date, evidence."""
        sent = trig.sent
        quote = self._quote_at(x.quotes, trig.idx)
        negated = bool(c and c.negated)
        if quote is not None and quote.stance == "denies":
            negated = not negated
        date, precision = self._date(x, c, sent)
        modality = self.modality(x, c, date)
        context = list(dict.fromkeys([*entry.context, *self._contexts(x.doc, c, sent)]))
        event, mode = entry.event, entry.mode
        if modality == "future" and event in plover_rules()["future_becomes_agree"]:
            event, mode, modality = "AGREE", None, "asserted"
        return Event(
            id="", event=event, mode=mode, context=context, actor=actor,
            recipient=recipient,
            date=date, date_precision=precision, negated=negated, modality=modality,
            attribution=self._attribution(quote),
            trigger=TextSpan(text=trig.text, start=trig.idx, end=trig.idx + len(trig.text)),
            evidence=TextSpan(text=sent.text, start=sent.start_char, end=sent.end_char),
        )

    def modality(self, x: Inputs, c: Clause | None, date: str | None) -> Modality:
        """desired (under a desire verb) > hypothetical > future > asserted."""
        if c is None:
            return "asserted"
        aux = set(c.aux)
        governors = self._governors(x, c)
        if governors & self.desire:
            return "desired"
        if (c.mark or "") in self.if_marks or aux & self.hypothetical or (
                c.tense == "past" and aux & self.future_modals):  # "ville ha angrepet", "would"
            return "hypothetical"
        if c.tense == "future" or aux & self.future_modals or governors & self.future_verbs:
            return "future"
        if date and x.ref and x.ref.precision == "day" and date[:10] > x.ref.value.isoformat():
            return "future"
        return "asserted"

    def _governors(self, x: Inputs, c: Clause) -> set[str]:
        """Lemmas (with back-off forms) of the clauses governing ``c`` through complements
        ("hoped that China would stop helping")."""
        out: set[str] = set()
        while c.parent is not None and c.rel in ("comp", "adv"):
            c = x.clauses[c.parent]
            out.update(self.lemma_candidates(c.lemma))
        return out

    @staticmethod
    def _quote_at(quotes: list[Quote], offset: int) -> Quote | None:
        inside = [q for q in quotes if q.start <= offset < q.end]
        return min(inside, key=lambda q: q.end - q.start) if inside else None

    @staticmethod
    def _attribution(quote: Quote | None) -> Attribution | None:
        if quote is None or quote.speaker is None:
            return None
        s = quote.speaker
        return Attribution(text=s.text, code=s.code, sector=s.sector, anonymous=s.anonymous, stance=quote.stance,
                           quote_id=quote.id)

    @staticmethod
    def _date(x: Inputs, c: Clause | None, sent: Span) -> tuple[str | None, str | None]:
        lo, hi = (x.doc[c.span(x.doc)[0]].idx, x.doc[c.span(x.doc)[1] - 1].idx) if c else (sent.start_char,
                                                                                            sent.end_char)
        near = [t for t in x.timexes if lo <= t.start <= hi and t.value]
        if near:
            t = near[0]
            precision = "day" if t.precision == "interval" else t.precision
            return t.value, precision
        if x.ref is None:
            return None, None
        return x.ref.iso(), x.ref.precision

    def _contexts(self, doc: Doc, c: Clause | None, sent: Span) -> list[str]:
        toks = doc[c.span(doc)[0]:c.span(doc)[1]] if c else sent
        return [c for c in (self.lex.context_of(t.lemma_) for t in toks) if c]

    @staticmethod
    def merge(events: list[Event]) -> list[Event]:
        """One event per happening: same type, mode, actors, negation and modality, and recipients that are
        equal or one a subset of the other (the mention with more recipients is kept)."""
        kept: list[Event] = []
        for e in events:
            key = (e.event, e.mode, frozenset(a.code for a in e.actor), e.negated, e.modality)
            rec = {r.code for r in e.recipient}
            for i, k in enumerate(kept):
                krec = {r.code for r in k.recipient}
                if (k.event, k.mode, frozenset(a.code for a in k.actor), k.negated, k.modality) == key and (
                        rec <= krec or krec <= rec):
                    if len(rec) > len(krec):
                        kept[i] = e
                    break
            else:
                kept.append(e)
        merged = sorted(kept, key=lambda e: e.trigger.start)
        return [e.model_copy(update={"id": f"e{n}"}) for n, e in enumerate(merged, start=1)]
