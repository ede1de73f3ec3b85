"""The rule-based PLOVER event coder: clauses + trigger lexicon → events.

For each clause whose predicate (or event noun) is in the lexicon, the actor and
recipient come from the argument roles the entry names; negation, modality,
attribution and date come from the clause, the cue lists, the quotes and the
temporal expressions. Repeated mentions of one happening in a sentence are merged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from tidende.actors.stage import NON_STATE
from tidende.datafiles import load_yaml
from tidende.events.lexicon import Entry, Lexicon
from tidende.nlp.clauses import Adapter, Arg, Clause, subtree_span
from tidende.nlp.morph import verb_lemma
from tidende.records import ActorCode, Attribution, DocDate, Event, EventActor, Modality, Quote
from tidende.records import Span as TextSpan

ActorOf = Callable[[Span], ActorCode | None]
ActorsIn = Callable[[Span], list[tuple[ActorCode, Span]]]
CountryAt = Callable[[Span], str | None]
COORDINATORS = frozenset({"and", "og", "både", "&"})
LOCATIVE = ("in", "at", "near", "i", "på", "ved")  # prepositions of place obliques


@cache
def plover_rules() -> dict:
    """Language-independent PLOVER coding rules (``plover.yaml``)."""
    return load_yaml(Path(__file__).parent / "plover.yaml")


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
    country_at: CountryAt | None = None  # the country a passage is about at a span


class EventCoder:
    """Codes events in one language."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._nouns: dict[tuple[str, str, bool], list[Entry]] = {}  # noun look-ups, kept across documents
        self.future_modals = lexicon.cue_set("future_modals")
        self.future_verbs = lexicon.cue_set("future_verbs")
        self.future_in_past = lexicon.cue_set("future_in_past")
        self.obligation = lexicon.cue_set("obligation_modals") - lexicon.cue_set("future_modals")
        self.negating = lexicon.cue_set("negating_verbs")
        self.intent = lexicon.cue_set("intent_adjectives")
        self.if_marks = lexicon.cue_set("hypothetical_subordinators")
        self.concessive = frozenset(str(e).lower() for e in lexicon.cues.get("concessive_subordinators") or [])
        self.hypothetical = lexicon.cue_set("hypothetical_modals") - self.future_modals
        self.desire = lexicon.cue_set("desire_verbs")
        self.light_verbs = lexicon.cue_set("light_verbs")
        self.occurrence = lexicon.cue_set("occurrence_verbs")
        self.pronouns = lexicon.cue_set("pronouns")
        self.plural = lexicon.cue_set("plural_pronouns")
        self.grounds_preps = lexicon.cue_set("grounds_prepositions")
        self.first_person = lexicon.cue_set("first_person")
        self.relative = lexicon.cue_set("relative_pronouns")
        self.documents = lexicon.cue_set("document_nouns")
        self.agents = lexicon.cue_set("agent_nouns")
        self.internal = lexicon.cue_set("internal_modifiers")
        self.cessation = lexicon.cue_set("cessation_verbs")
        self.stative = lexicon.cue_set("stative_passive_aux")
        self.backoff = [str(e) for e in lexicon.cues.get("lemma_backoff") or []]
        self.noun_backoff = [str(e) for e in lexicon.cues.get("noun_backoff") or []]
        self.compounds = bool(lexicon.cues.get("compound_suffixes"))

    def code(self, x: Inputs) -> list[Event]:
        """All events of the document, merged and numbered."""
        events: list[Event] = []
        self._recent: list[tuple[int, EventActor]] = []
        host = {a.head: c for c in x.clauses for role in ("obj", "subj") for a in c.args(role)}
        rules = plover_rules()
        absorbing, keeps_claims = set(rules["absorbs_complement"]), set(rules["keeps_claim_complement"])
        concessions = set(rules["concession_content"])
        grounds = set(rules["punishments"])
        owner: dict[int, int] = {}  # clause -> index of the event it is (part of)
        adjunct: dict[int, Clause] = {}  # clause -> the adjunct clause it is (or is coordinated with)
        aims: dict[int, Clause] = {}  # event index -> the adjunct clause its clause is
        conditions: set[int] = set()  # clauses absorbed as the condition of a threat or promise
        for i, c in enumerate(x.clauses):
            if c.parent is not None and c.rel == "adv" and c.mark in ("to", "å", None):
                adjunct[i] = c
            elif c.parent is not None and c.rel == "coord" and c.parent in adjunct:
                adjunct[i] = adjunct[c.parent]  # "setting fire to their mattresses and smashing furniture"
            entry = self.match(x.doc, c)
            if entry is not None and entry.particle and entry.particle != c.particle:
                host.update({a.head: c for a in c.obl.get(entry.particle, [])})  # «skreiv under ein avtale»
            governing = owner.get(c.parent) if c.parent is not None else None
            slot = None
            if governing is not None and events[governing].event in absorbing:
                gov = events[governing].event
                if c.rel == "comp" and not (gov in keeps_claims and c.mark not in ("å", "to")):
                    if gov == "AGREE" and c.negated:  # "vowed not to return the Golan Heights"
                        events[governing] = events[governing].model_copy(update={"event": "REJECT", "mode": None})
                    if not (gov == "AGREE" and entry is not None and entry.event in concessions):
                        owner[i] = governing  # "offered to negotiate" is one AGREE; "denied that China
                        continue  # supplied" keeps AID
                    slot = governing  # "agreed to re-open its borders": the promise is a concession
                elif (c.rel == "adv" and (c.mark or "") in self.if_marks) or (
                        c.rel == "coord" and c.parent in conditions):
                    owner[i] = governing  # "threatened to strike unless Baghdad yields (and ...)": the condition
                    conditions.add(i)
                    continue
            if governing is not None and events[governing].event in grounds and c.via in self.grounds_preps:
                gov_ev = events[governing]  # "arrested for collaborating with Israel": the charge
                entry = Entry(lemma=c.lemma, event="ACCUSE", mode="allege", note="grounds of a punishment")
                events.append(self.build(x, entry, gov_ev.actor, gov_ev.recipient, x.doc[c.pred], c))
                owner[i] = len(events) - 1
                continue
            ev = self.obligation_event(x, c) if c.rel == "comp" and governing is None else None
            if ev is None and entry is not None:  # a promised concession is the promiser's ("villig til å trekke")
                ev = self.clause_event(x, c, entry, events[slot].actor if slot is not None else None)
            if ev is None:
                continue
            if slot is None:
                slot = len(events)
                events.append(ev)
            else:
                events[slot] = ev
            owner[i] = slot
            if i in adjunct:
                aims[slot] = adjunct[i]
        coded = {id(x.clauses[i]) for i in owner}
        anchored = {i: events[k].event for i, k in owner.items() if k not in aims}  # clause -> its event type
        for tok in x.doc:
            if tok.pos_ == "PROPN" or not (entries := self.noun_entries(tok)):
                continue
            h = host.get(tok.i)
            if not (h is not None and id(h) in coded) and not any(
                    e.trigger.start == tok.idx for e in events):  # "lodged a protest" is one ACCUSE; not in
                ev = self.noun_event(x, tok, entries[0], h)  # names ("Free Trade Agreement")
                if ev is not None:
                    events.append(ev)
                    if h is not None:  # "continued their hunger strike to demand ..."
                        anchored.setdefault(self._index(x, h), ev.event)
        return self.merge([e for k, e in enumerate(events) if k not in aims or not self._aim(aims[k], e, anchored)])

    @staticmethod
    def _aim(c: Clause, ev: Event, anchored: dict[int, str]) -> bool:
        """Whether an adjunct clause's event is part of its governing clause's event: a purpose infinitive
        ("staged demonstrations to demand reforms", "resigned to allow elections"), a participle elaborating
        an event of its type ("was attacked ..., killing 156") or, under a protest, any participle
        ("demonstrated ..., calling for independence")."""
        gov = anchored.get(c.parent) if c.parent is not None else None
        return gov is not None and (c.mark is not None or gov == ev.event or gov in plover_rules()["absorbs_adjunct"])

    def noun_entries(self, tok: Token) -> list[Entry]:
        """Entries for an event noun, a compound first ("hunger strike" before "strike")."""
        left = tok.nbor(-1) if tok.i > 0 else None
        compound = self.lex.lookup("noun", f"{left.lemma_.lower()} {tok.lemma_.lower()}") \
            if left is not None and left.dep_ == "compound" and left.head.i == tok.i else []
        if compound:
            return compound
        key = (tok.lemma_.lower(), tok.lower_, self.compounds and tok.pos_ == "NOUN")
        if (found := self._nouns.get(key)) is None:
            found = self._nouns[key] = self._noun_lookup(*key)
        return found

    def _noun_lookup(self, lemma: str, form: str, compound: bool) -> list[Entry]:
        """Entries for a noun's lemma or form, their back-off stems and, for a ``compound``, the stems' suffixes."""
        stems = list(dict.fromkeys([*self.noun_stems(lemma), *self.noun_stems(form)[1:]]))
        forms = [*stems, *(s[k:].lstrip("-") for s in stems for k in range(3, len(s) - 3))] \
            if compound else stems  # «regjeringsoffensiv»: «offensiv»
        return next((found for f in forms if (found := self.lex.lookup("noun", f))), [])

    def noun_stems(self, lemma: str) -> list[str]:
        """A noun lemma (or form), then it less a plural ending the lemmatiser left («massedemonstrasjonar»)
        or, written ``old>new``, with a clipped ending restored («pågripels» → «pågripelse»)."""
        out = [lemma]
        for b in self.noun_backoff:
            old, _, new = b.partition(">")
            if lemma.endswith(old) and len(lemma) > len(old) + 2:
                out.append(lemma[:-len(old)] + new)
        return out

    def match(self, doc: Doc, c: Clause) -> Entry | None:
        """The most specific lexicon entry whose constraints the clause meets."""
        args = (*c.objs, *c.args("iobj"), *(a for v in c.obl.values() for a in v))
        arg_toks = [t for a in args for m in a.members for t in doc[m.start:m.end]]  # "flyfoto og etterretning"
        arg_lemmas = {s for t in arg_toks for s in self.noun_stems(t.lemma_.lower())}
        preps = set(c.obl) | {t.lemma_.lower() for t in arg_toks if t.i > 0}  # "tok opp saken med Xi"
        for lemma in self.lemma_candidates(c.lemma, doc[c.pred].text):
            for e in self.lex.lookup("verb", lemma):
                if e.particle and e.particle != c.particle and not (c.particle is None and (
                        e.particle in c.obl or self._stranded(doc, c, e.particle))):
                    continue
                if e.object and e.object.lower() not in arg_lemmas:
                    continue
                if e.prep and e.prep not in preps and e.prep != c.particle:
                    continue
                return e
        return None

    @staticmethod
    def _stranded(doc: Doc, c: Clause, particle: str) -> bool:
        """Whether a childless ``particle`` follows the predicate in its clause before any other verb: a
        particle the parser attached elsewhere («gikk i går av»: to «går»)."""
        for t in doc[c.pred + 1:c.span(doc)[1]]:
            if t.pos_ in ("VERB", "AUX"):
                return False
            if t.lower_ == particle and t.pos_ in ("ADP", "ADV", "PART") and not t.n_lefts and not t.n_rights:
                return True
        return False

    def lemma_candidates(self, lemma: str, form: str | None = None) -> list[str]:
        """The lemma, then the lemma of the form in the treebank's verb table (``pågrep`` → ``pågripe``),
        then the back-off forms of the cue file: an ending added (``fordøm`` → ``fordømme``) or, written
        ``old>new``, a past-tense ending the lemmatiser left replaced (``roste`` → ``rose``)."""
        out = [lemma]
        if form is not None and (known := verb_lemma(form, self.lex.lang)) is not None:
            out.append(known)
        for b in self.backoff:
            old, sep, new = b.partition(">")
            if not sep:
                out.append(lemma + b.replace("{last}", lemma[-1:]))
            elif lemma.endswith(old) and len(lemma) > len(old) + 1:
                out.append(lemma[: -len(old)] + new)
        return out

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
                group = self._group(x, span) if actor is None and head.lower_ in self.plural else []
                if len(group) > 1:  # "da de snakket sammen": Biden and Xi
                    out += [EventActor(code=a.code, sector=a.sector, entity_text=span.text, wikidata_id=a.wikidata_id,
                                       start=span.start_char, end=span.end_char) for a in group]
                    continue
                if actor is None and head.lower_ in self.pronouns:
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

    @staticmethod
    def named_in(x: Inputs, args: list[Arg]) -> list[EventActor]:
        """The first actor named inside argument phrases that are no actor themselves: the target of "shot down a
        helicopter carrying EC monitors", "opposed the deployment of Nigerian troops"."""
        for arg in args:
            lo, hi = subtree_span(x.doc[arg.head])  # with its relative clause ("carrying ...")
            found = x.actors_in(x.doc[lo:hi])
            if found:
                a, s = found[0]
                return [EventActor(code=a.code, sector=a.sector, entity_text=s.text, wikidata_id=a.wikidata_id,
                                   start=s.start_char, end=s.end_char)]
        return []

    @staticmethod
    def _group(x: Inputs, pronoun: Span) -> list[ActorCode]:
        """The distinct actors named before a plural pronoun in its sentence."""
        seen: dict[str, ActorCode] = {}
        for actor, _ in x.actors_in(x.doc[pronoun.sent.start:pronoun.start]):
            seen.setdefault(actor.code, actor)
        return list(seen.values())

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
                me = self._index(x, c)
                comps = [k for k in x.clauses if k.parent == me and k.rel == "comp"]
                args = [a for k in comps for a in self.roles(k, [name[5:]], x)]
            elif name.startswith("cond:") and x is not None:  # "... unless Baghdad accepted": Baghdad
                args = [a for k in self._conditions(x, c) for a in self.roles(k, [name[5:]])]
            elif c.voice == "passive" and name == "subj":
                args = c.obl.get("av", []) or c.obl.get("by", [])
            elif c.voice == "passive" and name == "obj":
                args = [c.subj] if c.subj else []
            else:
                args = c.args(name)
            if not args and name.startswith("obl:") and x is not None:  # "sanctions on the Taliban", "mobilised
                heads = (m.head for a in (*c.objs, *(a for v in c.obl.values() for a in v)) for m in a.members)
                nouns = {t.i: t for h in heads for t in x.doc[slice(*subtree_span(x.doc[h]))]  # reservists with a
                         if t.pos_ in ("NOUN", "PROPN")}  # view to a possible war against Iraq"
                args = [a for t in nouns.values() for a in x.adapter.nominal(t).get("nmod:" + name[4:], [])]
            if args:
                return [self._relative(x, c, a) for a in args] if x is not None and c.rel == "rel" else args
        return []

    def _relative(self, x: Inputs, c: Clause, arg: Arg) -> Arg:
        """A relative pronoun argument as the phrase the relative clause modifies ("members of his government,
        whom they had taken hostage": the members of his government); any other argument as it is."""
        noun = x.doc[c.head].head
        if x.doc[arg.head].lower_ not in self.relative or noun.i == c.head:
            return arg
        start, end = subtree_span(noun)
        return Arg(head=noun.i, start=start, end=min(end, c.span(x.doc)[0]) if noun.i < c.head else end)

    @staticmethod
    def _index(x: Inputs, c: Clause) -> int:
        """The position of ``c`` (or of the clause it was derived from) among the document's clauses."""
        return next(i for i, k in enumerate(x.clauses) if k.pred == c.pred)

    def _conditions(self, x: Inputs, c: Clause) -> list[Clause]:
        """The conditional (``if``/``unless``) clauses of ``c`` and of its complements."""
        me = self._index(x, c)
        scope = {me} | {i for i, k in enumerate(x.clauses) if k.parent == me and k.rel == "comp"}
        return [k for k in x.clauses if k.parent in scope and k.rel == "adv" and (k.mark or "") in self.if_marks]

    def location(self, x: Inputs, c: Clause) -> list[EventActor]:
        """States named in the clause's place obliques ("in Lebanon", "at a jail in northern Israel"), else in
        place modifiers of its other complements ("was put under investigation in Italy")."""
        places = [a for prep in LOCATIVE for a in c.obl.get(prep, [])]
        if not places:
            nested = (x.adapter.nominal(x.doc[a.head]) for a in (*c.objs, *(a for v in c.obl.values() for a in v)))
            places = [a for roles in nested for prep in LOCATIVE for a in roles.get("nmod:" + prep, [])]
        out = []
        for arg in places:
            span = x.doc[arg.start:arg.end]
            found = [a for a, s in x.actors_in(span)] or [a for a in [x.actor_of(span)] if a is not None]
            out += [EventActor(code=a.code, entity_text=span.text, start=span.start_char, end=span.end_char)
                    for a in found if a.code not in NON_STATE]
        return out

    def implicit_state(self, x: Inputs, c: Clause, entry: Entry) -> list[EventActor]:
        """The state behind an agentless passive state act, or the unidentified perpetrator of an attack
        ("killed in a bombing", "a bomb killed"): the country of a location oblique ("arrested in
        Lebanon"), else the country the passage is about."""
        rules = plover_rules()
        sector = self.state_sector(entry)
        agent = (c.obl.get("av") or c.obl.get("by") or []) if c.voice == "passive" else [c.subj] if c.subj else []
        agentless = c.voice == "passive" and not agent
        if sector is None and entry.event in rules["unidentified_agent"]:
            sector = rules["unidentified_agent"][entry.event]
            weapon = any(e.event == entry.event for a in agent for e in self.noun_entries(x.doc[a.head]))
            agentless = agentless or weapon  # "a bombing killed", "were hit by gunfire"
        if sector is None or not agentless:
            return []
        places = self.location(x, c)
        pred = x.doc[c.pred:c.pred + 1]
        code = places[0].code if places else x.country_at(pred) if x.country_at else None
        if code is None:
            return []
        return [EventActor(code=code, sector=sector, entity_text=pred.text, start=pred.start_char, end=pred.end_char)]

    @staticmethod
    def state_sector(entry: Entry) -> str | None:
        """The sector of the state agent of an act only states perform (an arrest, a conviction), else None."""
        return plover_rules()["implicit_state_agent"].get(f"{entry.event}:{entry.mode}") or next(
            (r[6:] for r in entry.actor if r.startswith("state:")), None)

    def clause_event(self, x: Inputs, c: Clause, entry: Entry, default: list[EventActor] | None = None) -> Event | None:
        """An event from a verbal trigger (``default``: the actor when the clause names none)."""
        if entry.particle and entry.particle != c.particle:  # "tok imot Japans statsminister": the
            obl = {k: v for k, v in c.obl.items() if k != entry.particle}  # particle's object is the object
            c = replace(c, particle=entry.particle, objs=[*c.objs, *c.obl.get(entry.particle, [])], obl=obl)
        if c.voice == "active" and set(c.aux) & self.stative and not c.objs and entry.recipient[:1] == ["obj"]:
            c = replace(c, voice="passive")  # «mannen er fengslet»
        actor = (self.actors(x, self.roles(c, entry.actor)) or self.actors(x, self._issuer(x, c))
                 or self.implicit_state(x, c, entry) or default or [])
        if not actor:
            return None
        recipient: list[EventActor] = []
        rules = plover_rules()
        if entry.recipient != ["none"]:
            spans = {(a.start, a.end) for a in actor}
            condition = [["cond:subj"]] if entry.event in rules["condition_recipient"] else []
            for roles in (entry.recipient, *condition, *([r] for r in rules["recipient_fallback"])):
                args = self.roles(c, roles, x)
                recipient = [r for r in self.actors(x, args) or self.named_in(x, args) if (r.start, r.end) not in spans]
                if recipient:
                    break
        recipient = recipient or self.domestic(x, c, entry, actor)
        trig = x.doc[c.pred]
        return self.build(x, entry, actor, recipient, trig, c)

    def _issuer(self, x: Inputs, c: Clause) -> list[Arg]:
        """The subject of the clause whose object a relative clause modifies, when that object is a document
        ("the party issued a declaration demanding ...", «rådet vedtok en resolusjon som fordømmer ...»)."""
        if c.rel != "rel" or c.parent is None:
            return []
        noun, parent = x.doc[c.head].head, x.clauses[c.parent]
        if noun.lemma_.lower() not in self.documents or noun.i not in {o.head for o in parent.objs}:
            return []
        return self.roles(parent, ["subj"])

    def domestic(self, x: Inputs, c: Clause | None, entry: Entry, actor: list[EventActor]) -> list[EventActor]:
        """The target of a domestic act that names none: the state of a place oblique ("rioted at a jail in
        northern Israel"), else the actor's own state ("lifted the curfew", "began a hunger strike")."""
        domestic = plover_rules()["domestic_default"].get(entry.event)
        if not actor or not domestic or (domestic != "any" and actor[0].sector not in domestic):
            return []
        return (self.location(x, c) if c is not None else [])[:1] or [
            a.model_copy(update={"sector": None}) for a in actor[:1]]

    def obligation_event(self, x: Inputs, c: Clause) -> Event | None:
        """"Russia said that Sudan must return the helicopter": a REQUEST by the reporting clause's subject
        to the obliged subject (the obligation itself is the demand)."""
        reporter = x.clauses[c.parent] if c.parent is not None else None
        if reporter is None or c.subj is None or not set(c.aux) & self.obligation or self._in_condition(x, c):
            return None
        actor = self.actors(x, self.roles(reporter, ["subj"]))
        recipient = self.actors(x, [c.subj])
        if not actor or not recipient:
            return None
        entry = Entry(lemma=c.lemma, event="REQUEST", note="obligation in reported speech")
        return self.build(x, entry, actor, recipient, x.doc[c.pred], reporter)

    def noun_event(self, x: Inputs, tok: Token, entry: Entry, host: Clause | None) -> Event | None:
        """An event from an event noun (``besøket``, ``Russlands invasjon av Ukraina``); an agent noun, the
        subject or object of an occurrence verb ("det har vært demonstrasjoner"), a punishment («pågripelsen av
        Diarra») or an internal act ("civil war", on both sides) may take the passage's country as actor."""
        roles = x.adapter.nominal(tok)
        actor = self.actors(x, next((roles[r] for r in entry.actor if r in roles), []))
        agent = entry.lemma in self.agents
        if not actor and agent:  # "Moslem fundamentalist demonstrators"
            actor = self.actors(x, [Arg(head=tok.i, start=min(t.i for t in tok.lefts) if tok.n_lefts else tok.i,
                                        end=tok.i + 1)])
        if (not actor and host is not None and host.subj is not None and host.subj.head != tok.i
                and host.lemma in self.light_verbs):  # "continued their hunger strike"
            actor = self.actors(x, [host.subj])
        rules = plover_rules()
        if not actor and host is None and entry.event in rules["setting_noun_actor"]:
            setting = self._setting(x, tok)  # "demanded the removal of the president at the talks"
            actor = self.actors(x, [setting.subj]) if setting is not None and setting.subj is not None else []
        occurs = (agent or (host is not None and host.lemma in self.occurrence)) and entry.event in rules[
            "implicit_noun_actor"]  # «det har vært demonstrasjoner»
        state = self.state_sector(entry) if entry.event in rules["punishments"] else None  # «pågripelsen av Diarra»
        punished = not actor and not occurs and state is not None  # a punishment of someone named (not «ei bot»)
        implicit = occurs or state is not None
        internal = not actor and not implicit and self._internal(tok)  # "civil war", «regjeringsoffensiv»
        if not actor and (implicit or internal) and x.country_at is not None and (
                code := x.country_at(x.doc[tok.i:tok.i + 1])) is not None:  # the passage's country
            sector = None if internal else rules["implicit_noun_actor"][entry.event] if occurs else state
            actor = [EventActor(code=code, sector=sector, entity_text=tok.text, start=tok.idx,
                                end=tok.idx + len(tok.text))]
        if not actor:
            return None
        rec_args = next((roles[r] for r in entry.recipient if r in roles), [])
        if not rec_args and host is not None:
            rec_args = next((host.obl[r[5:]] for r in entry.recipient if r.startswith("nmod:") and r[5:] in host.obl),
                            [])
        recipient = self.actors(x, rec_args) or self.domestic(x, host, entry, actor) or (actor if internal else [])
        if punished and not recipient:
            return None
        return self.build(x, entry, actor, recipient, tok, host)

    def _internal(self, tok: Token) -> bool:
        """Whether an event noun is a state's act inside itself: modified by an internal modifier ("civil war",
        "government offensive") or, in compounding languages, compounded with one («regjeringsoffensiv»)."""
        return any(t.lemma_.lower() in self.internal for t in tok.lefts) or (self.compounds and any(
            tok.lower_.startswith(p) and len(tok.lower_) > len(p) + 3 for p in self.internal))

    @staticmethod
    def _setting(x: Inputs, tok: Token) -> Clause | None:
        """The clause with an adverbial (oblique) phrase that contains ``tok``."""
        found = [(a.end - a.start, c) for c in x.clauses for args in c.obl.values() for a in args
                 if a.start <= tok.i < a.end]
        return min(found, key=lambda f: f[0])[1] if found else None

    def build(self, x: Inputs, entry: Entry, actor: list[EventActor], recipient: list[EventActor], trig: Token,
              c: Clause | None) -> Event:
        """Assemble the record: modality, negation, attribution, date, evidence."""
        sent = trig.sent
        quote = self._quote_at(x.quotes, trig.idx)
        negated = bool(c and (c.negated or self._negated_by_governor(x, c)))
        if quote is not None and quote.stance == "denies":
            negated = not negated
        date, precision = self._date(x, c, sent)
        ongoing = c is not None and trig.i != c.pred and bool(set(self.lemma_candidates(c.lemma)) & self.cessation)
        modality = "asserted" if ongoing else self.modality(x, c, date)  # "aimed at ending a civil war": it goes on
        context = list(dict.fromkeys([*entry.context, *self._contexts(x.doc, c, sent)]))
        event, mode = entry.event, entry.mode
        rules = plover_rules()
        if negated and (modality == "future" or event == "AGREE") and event in rules["refusable"]:
            event, mode, modality, negated = "REJECT", None, "asserted", False  # "will not accept refugees"
        elif modality == "future" and (event in rules["future_becomes_agree"] or (
                event in rules["announced_by_actor_becomes_agree"] and self._own_plan(x, c, actor))):
            event, mode, modality = "AGREE", None, "asserted"
        elif modality == "future" and event in rules["future_becomes_concede"]:
            event, mode, modality = "CONCEDE", None, "asserted"
        elif modality == "future" and (threat := self._threat(x, c, event, mode)):
            event, mode, modality = "THREATEN", threat, "asserted"  # "said they would blockade Paris"
        return Event(
            id="", event=event, mode=mode, context=context, actor=actor,
            recipient=recipient,
            date=date, date_precision=precision, negated=negated, modality=modality,
            attribution=self._attribution(quote, self._outermost(x.quotes, quote)),
            trigger=TextSpan(text=trig.text, start=trig.idx, end=trig.idx + len(trig.text)),
            evidence=TextSpan(text=sent.text, start=sent.start_char, end=sent.end_char),
        )

    def _threat(self, x: Inputs, c: Clause | None, event: str, mode: str | None) -> str | None:
        """The THREATEN mode an announced future act amounts to, if it is a threat."""
        rules = plover_rules()
        for table in [rules["future_becomes_threaten"], *([rules["conditional_threat"]] if c and self._conditions(
                x, c) else [])]:
            if (found := table.get(f"{event}:{mode}", table.get(event))) is not None:
                return str(found)
        return None

    def modality(self, x: Inputs, c: Clause | None, date: str | None) -> Modality:
        """desired (under a desire verb) > intended or reported future > hypothetical > future > asserted."""
        if c is None:
            return "asserted"
        aux = set(c.aux)
        governors = self._governors(x, c)
        if governors & self.desire:
            return "desired"
        conditional = self._in_condition(x, c)
        if not conditional and (self._intends(x, c) or (aux & self.future_in_past and self._reported(x, c))):
            return "future"  # "is willing to withdraw"; "said they would boycott" (sequence of tenses)
        if conditional or aux & self.hypothetical or (
                c.tense == "past" and aux & self.future_modals):  # "ville ha angrepet", "would"
            return "hypothetical"
        if c.tense == "future" or aux & self.future_modals or governors & self.future_verbs:
            return "future"
        if date and date[7:8] == "-" and x.ref and x.ref.precision == "day" and date[:10] > x.ref.value.isoformat():
            return "future"  # a day after the article's (not a week: "2024-W15" sorts after "2024-04-15")
        return "asserted"

    def _negated_by_governor(self, x: Inputs, c: Clause) -> bool:
        """Whether the clause is the infinitival complement of a negating verb ("failed to reach agreement")."""
        return (c.parent is not None and c.rel == "comp" and c.mark in ("å", "to")
                and bool(set(self.lemma_candidates(x.clauses[c.parent].lemma)) & self.negating))

    def _in_condition(self, x: Inputs, c: Clause) -> bool:
        """Whether the clause is a condition (``if``/``unless``) or inside one ("unless he agrees to resign")."""
        while True:
            if (c.mark or "") in self.if_marks and not self._concessive(x, c):
                return True
            if c.parent is None or c.rel != "comp":
                return False
            c = x.clauses[c.parent]

    def _concessive(self, x: Inputs, c: Clause) -> bool:
        """Whether the clause's subordinator is a concessive one that states a fact («sjølv om FN ber om»)."""
        if not self.concessive:
            return False
        lo, hi = c.span(x.doc)
        mark = next((t for t in x.doc[lo:hi] if t.lower_ == c.mark), None)
        return mark is not None and mark.i > 0 and f"{x.doc[mark.i - 1].lower_} {mark.lower_}" in self.concessive

    def _intends(self, x: Inputs, c: Clause) -> bool:
        """Whether the clause is the complement of an intent adjective (``willing to``, ``villig til å``)."""
        if c.parent is None or c.rel != "comp":
            return False
        stop, tok = x.clauses[c.parent].head, x.doc[c.head]
        while tok.head.i != tok.i and tok.head.i != stop:
            tok = tok.head
            if tok.lemma_.lower() in self.intent:
                return True
        return False

    @staticmethod
    def _reported(x: Inputs, c: Clause) -> bool:
        """Whether the clause is the complement of a past-tense clause (reported speech)."""
        return c.parent is not None and c.rel == "comp" and x.clauses[c.parent].tense == "past"

    def _own_plan(self, x: Inputs, c: Clause | None, actor: list[EventActor]) -> bool:
        """Whether the clause reports the actor's own announcement ("the rebels said they would meet")."""
        if c is None or c.parent is None or c.rel != "comp":
            return False
        reporter = x.clauses[c.parent]
        speakers = [x.actor_of(x.doc[a.start:a.end]) for a in self.roles(reporter, ["subj"])]
        codes = {s.code for s in speakers if s is not None}
        return bool(codes) and {a.code for a in actor} <= codes

    def _governors(self, x: Inputs, c: Clause) -> set[str]:
        """Lemmas (with back-off forms) of the clauses governing ``c`` through complements and infinitival
        adjuncts ("hoped that China would stop helping"), not through temporal or causal clauses
        ("announced sanctions a day after the jet shot down a helicopter")."""
        out: set[str] = set()
        while c.parent is not None and (c.rel == "comp" or (c.rel == "adv" and c.mark in (None, "to", "å"))):
            c = x.clauses[c.parent]
            out.update(self.lemma_candidates(c.lemma))
        return out

    @staticmethod
    def _quote_at(quotes: list[Quote], offset: int) -> Quote | None:
        inside = [q for q in quotes if q.start <= offset < q.end]
        return min(inside, key=lambda q: q.end - q.start) if inside else None

    @staticmethod
    def _outermost(quotes: list[Quote], quote: Quote | None) -> Quote | None:
        """The outermost quote of ``quote``'s chain ("A says that B said ...": A's)."""
        by_id = {q.id: q for q in quotes}
        outer = [by_id[i] for i in (quote.chain if quote else []) if i in by_id and by_id[i].speaker is not None]
        return max(outer, key=lambda q: q.end - q.start) if outer else quote

    @staticmethod
    def _attribution(inner: Quote | None, outer: Quote | None) -> Attribution | None:
        """The source of an event inside ``inner``: the outermost source claims it ("A says that B said P"
        is A's claim; its stance is A's), and ``quote_id`` names the innermost quote, whose ``chain`` leads
        out to it."""
        if inner is None or outer is None or outer.speaker is None:
            return None
        s = outer.speaker
        return Attribution(text=s.text, code=s.code, sector=s.sector, anonymous=s.anonymous, stance=outer.stance,
                           quote_id=inner.id)

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
        lo, hi = c.span(doc) if c else (sent.start, sent.end)
        toks = doc[lo:hi]
        return [c for c in (self.lex.context_of(t.lemma_) for t in toks) if c]

    @staticmethod
    def merge(events: list[Event]) -> list[Event]:
        """One event per happening in a sentence (like the gold, which codes each sentence's mentions; the
        same codes in two sentences are often two acts: two arrests): same type, actors, negation and modality,
        modes equal or one unknown ("opened fire ..., killing one"), and recipients that are equal or one a
        subset of the other (the mention with more recipients, then the one with a mode, is kept)."""
        kept: list[Event] = []
        for e in events:
            key = (e.event, frozenset(a.code for a in e.actor), e.negated, e.modality)
            rec = {r.code for r in e.recipient}
            for i, k in enumerate(kept):
                krec = {r.code for r in k.recipient}
                if (k.event, frozenset(a.code for a in k.actor), k.negated, k.modality) == key and (
                        rec <= krec or krec <= rec) and e.evidence.start == k.evidence.start and (
                        e.mode == k.mode or None in (e.mode, k.mode)):
                    if len(rec) > len(krec) or (len(rec) == len(krec) and k.mode is None and e.mode is not None):
                        kept[i] = e
                    break
            else:
                kept.append(e)
        merged = sorted(kept, key=lambda e: e.trigger.start)
        return [e.model_copy(update={"id": f"e{n}"}) for n, e in enumerate(merged, start=1)]
