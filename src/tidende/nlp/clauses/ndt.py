"""Adapter for the Norwegian Dependency Treebank scheme (nb, nn pipelines).

In NDT the finite verb heads the clause; infinite verbs hang under it as
``INFV``; a subordinate clause's finite verb carries the clause's function
(``DOBJ``, ``ADV``, ``ATR`` ...) with ``at``/``om`` attached as ``SBU``; an
infinitive hangs under ``å`` (``INFV``), which carries the function; prepositions
head their object (``PUTFYLL``); coordination is ``KOORD`` on the first conjunct;
a reporting clause after the quote (``..., sier han``) is ``PAR``.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from tidende.nlp.clauses.base import Adapter, Arg, Clause, Tense, link_clauses

AUX_PASSIVE = frozenset({"bli", "verte"})
FUTURE_AUX = frozenset({"skulle", "ville"})
FUTURE_FORMS = frozenset({"skal", "vil"})
CLAUSE_CUT = frozenset({"KOORD", "KONJ", "PAR", "IK", "IP"})
# Prepositions that introduce a verb's or adjective's clausal complement (``truet med å``, ``ba om at``,
# ``villig til å``); ``for å``, ``ved å``, ``etter å``, ``uten å`` introduce adjuncts.
COMPLEMENT_PREPS = frozenset({"med", "om", "til", "på", "mot", "av", "fra", "i"})


def pos(tok: Token) -> str:
    """NDT part of speech: the tag up to the first ``|``."""
    return _tag_pos(tok.tag_)


@functools.cache
def _tag_pos(tag: str) -> str:
    return tag.split("|", 1)[0]


def feats(tok: Token) -> set[str]:
    """NDT features: the rest of the tag."""
    return set(tok.tag_.split("|")[1:])


def is_verb(tok: Token) -> bool:
    """Whether ``tok`` is a verb (by NDT tag), or a participle the tagger read as an adjective that
    heads a clause of its own (a subject among its dependants: «ministeren besøkte Russland») or is
    coordinated with a verb («ble arrestert og tiltalt»)."""
    tag = tok.tag_
    p = _tag_pos(tag)
    return p == "verb" or (
        p == "adj" and "<perf-part>" in tag and (
            any(c.dep_ == "SUBJ" for c in tok.children) or (tok.dep_ == "KOORD" and pos(tok.head) == "verb")))


def _cut(tok: Token) -> bool:
    return is_verb(tok) or tok.dep_ in CLAUSE_CUT or pos(tok) in ("sbu", "inf-merke")


class NDTAdapter(Adapter):
    """NDT parse → clauses."""

    conj_dep = "KOORD"

    def cut(self, tok: Token) -> bool:
        """Clauses, coordination and punctuation end an NDT noun phrase."""
        return _cut(tok)

    def nominal(self, tok: Token) -> dict[str, list[Arg]]:
        """``Russlands invasjon av Ukraina``: genitive → ``poss``, ``av Ukraina`` → ``nmod:av``."""
        out: dict[str, list[Arg]] = {}
        for ch in tok.children:
            if ch.i < tok.i and ("gen" in feats(ch) or (pos(ch) == "subst" and ch.dep_ == "DET")):
                out.setdefault("poss", []).append(self.arg(ch))
            elif pos(ch) == "prep" and ch.i > tok.i:
                objs = [g for g in ch.children if g.dep_ == "PUTFYLL" and not is_verb(g)]
                if objs:
                    out.setdefault(f"nmod:{ch.lemma_.lower()}", []).append(self.arg(objs[0]))
        return out

    def chain(self, verb: Token) -> list[Token]:
        """The verb chain: finite verb, then its ``INFV`` verbs down to the lexical one."""
        chain = [verb]
        while True:
            nxt = [c for c in chain[-1].children if c.dep_ == "INFV" and is_verb(c)]
            if not nxt:
                return chain
            chain.append(nxt[0])

    def clauses(self, doc: Doc) -> list[Clause]:
        """Clauses of ``doc``."""
        sents = self.sent_index(doc)
        found: list[Clause] = []
        parent_tok: dict[int, int] = {}
        for tok in doc:
            if not is_verb(tok) or (tok.dep_ == "INFV" and is_verb(tok.head)):
                continue
            clause, parent = self.clause(tok, sents[tok.i])
            found.append(clause)
            if parent is not None:
                parent_tok[tok.i] = parent
        return link_clauses(found, parent_tok)

    def clause(self, verb: Token, sent: int) -> tuple[Clause, int | None]:
        """One clause headed by ``verb``, and the token of the verb governing it."""
        chain = self.chain(verb)
        lex = chain[-1]
        c = Clause(pred=lex.i, lemma=lex.lemma_.lower(), verbs=[v.i for v in chain], sent=sent, head=verb.i,
                   aux=[v.lemma_.lower() for v in chain[:-1]])
        for v in chain:
            for ch in v.children:
                self._child(c, ch)
        c.tense = self.tense(chain)
        if verb.dep_ == "ATR" and not is_verb(verb.head) and (
            c.subj is None or verb.doc[c.subj.head].lemma_.lower() in ("som", "der")
        ):
            c.subj = self.arg(verb.head)  # relative clause: the antecedent is the subject
        if (any(a in AUX_PASSIVE for a in c.aux) and "perf-part" in feats(lex)) or "pass" in feats(lex):
            c.voice = "passive"
        return c, self._governor(c, verb)

    def _child(self, c: Clause, ch: Token) -> None:
        dep, p = ch.dep_, pos(ch)
        if (dep == "SUBJ" and not is_verb(ch)) or (dep == "PSUBJ" and (c.subj is None or doc_lemma(c, ch) == "det")):
            c.subj = self.arg(ch)
        elif (dep == "DOBJ" and not is_verb(ch) and p not in ("inf-merke", "sbu")) or (
                dep == "SPRED" and p in ("adj", "subst")):  # a predicative: «bli enige», «være villig til»
            c.objs.append(self.arg(ch))
        elif dep == "IOBJ":
            c.iobj = self.arg(ch)
        elif p == "prep" and dep in ("ADV", "ATR", "DOBJ", "SPRED"):
            objs = [g for g in ch.children if g.dep_ == "PUTFYLL"]
            nominal = [g for g in objs if not is_verb(g) and pos(g) != "inf-merke"]
            if nominal:
                c.obl.setdefault(ch.lemma_.lower(), []).append(self.arg(nominal[0]))
            elif not objs and dep == "ADV" and c.particle is None:
                c.particle = ch.lemma_.lower()
        elif dep == "ADV" and ch.lemma_.lower() in self.negation:
            c.negated = True
            c.negators.append(ch.i)
        elif dep == "SBU" or (p == "inf-merke" and dep == "INFV"):
            c.mark = ch.lemma_.lower()

    @staticmethod
    def tense(chain: list[Token]) -> Tense | None:
        """past / present / future from the finite verb and auxiliaries."""
        fin = chain[0]
        f = feats(fin)
        if len(chain) > 1 and (fin.lower_ in FUTURE_FORMS or (fin.lemma_.lower() in FUTURE_AUX and "pres" in f)):
            return "future"
        if "pret" in f:
            return "past"
        if "pres" in f:
            if len(chain) > 1 and "perf-part" in feats(chain[1]) and chain[0].lemma_.lower() in ("ha", "være"):
                return "past"
            return "present"
        return None

    def _governor(self, c: Clause, verb: Token) -> int | None:
        """Find the governing verb token, setting ``rel``, ``mark`` and ``via`` on ``c``."""
        head, dep = verb.head, verb.dep_
        if head.i == verb.i:
            return None
        marker = [ch for ch in verb.children if pos(ch) == "sbu"]
        if marker and c.mark is None:
            c.mark = marker[0].lemma_.lower()
        if pos(head) == "inf-merke":  # å + INFV: the clause takes å's function
            c.mark = "å"
            dep, head = head.dep_, head.head
        if pos(head) == "prep":  # om å ..., til å ...
            c.via = head.lemma_.lower()
            dep, head = head.dep_, head.head
        c.rel = {"DOBJ": "comp", "SUBJ": "comp", "KOORD": "coord", "PAR": "par", "ATR": "rel",
                 "SPRED": "comp", "PUTFYLL": "comp"}.get(dep, "adv")
        if c.rel == "adv" and c.via in COMPLEMENT_PREPS and c.mark in ("å", "at", "om"):
            c.rel = "comp"  # a prepositional complement: "truet med å bryte", "villig til å trekke"
        while not is_verb(head) and head.head.i != head.i:
            head = head.head
        return head.i if is_verb(head) else None


def doc_lemma(c: Clause, tok: Token) -> str:
    """Lemma of the current subject of ``c`` (for expletive ``det``)."""
    return tok.doc[c.subj.head].lemma_.lower() if c.subj else ""
