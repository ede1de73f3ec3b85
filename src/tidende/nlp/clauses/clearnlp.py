"""Adapter for the ClearNLP labels of spaCy's English pipelines.

The lexical verb heads the clause with ``aux``/``auxpass``/``neg`` children;
``nsubj``/``nsubjpass``, ``dobj``, ``dative``, ``prep``→``pobj``, ``agent``→``pobj``,
``prt``; complements ``ccomp``/``xcomp``; ``conj`` for coordination.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidende.nlp.clauses.base import Adapter, Arg, Clause, Tense, link_clauses

CLAUSAL = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "parataxis", "csubj", "pcomp"})
REL = {"ccomp": "comp", "xcomp": "comp", "csubj": "comp", "pcomp": "comp", "conj": "coord", "relcl": "rel",
       "acl": "rel", "parataxis": "par", "advcl": "adv"}
CUT = frozenset({"relcl", "acl", "conj", "cc", "appos", "punct", "advcl", "ccomp"})


def _cut(tok: Token) -> bool:
    return tok.dep_ in CUT


class ClearNLPAdapter(Adapter):
    """ClearNLP parse → clauses."""

    def cut(self, tok: Token) -> bool:
        """Clauses, coordination and punctuation end a noun phrase."""
        return _cut(tok)

    def nominal(self, tok: Token) -> dict[str, list[Arg]]:
        """``Russia's invasion of Ukraine``: ``poss`` and ``nmod:of``."""
        out: dict[str, list[Arg]] = {}
        for ch in tok.children:
            if (ch.dep_ == "poss"
                    or (ch.dep_ == "compound" and ch.ent_type_ in ("GPE", "NORP", "ORG"))
                    or (ch.dep_ == "amod" and ch.ent_type_ in ("NORP", "GPE"))):
                out.setdefault("poss", []).append(self.arg(ch))
            elif ch.dep_ == "prep":
                pobj = [g for g in ch.children if g.dep_ == "pobj"]
                if pobj:
                    out.setdefault(f"nmod:{ch.lemma_.lower()}", []).append(self.arg(pobj[0]))
        return out

    def clauses(self, doc: Doc) -> list[Clause]:
        """Clauses of ``doc``."""
        sents = self.sent_index(doc)
        found: list[Clause] = []
        parent_tok: dict[int, int] = {}
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in CLAUSAL:
                continue
            c = self.clause(tok, sents[tok.i])
            found.append(c)
            if tok.dep_ != "ROOT":
                head = tok.head
                while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                    head = head.head
                parent_tok[tok.i] = head.i
        return link_clauses(found, parent_tok)

    def clause(self, verb: Token, sent: int) -> Clause:
        """One clause headed by the lexical verb ``verb``."""
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        c = Clause(pred=verb.i, lemma=verb.lemma_.lower(), verbs=sorted([a.i for a in auxes] + [verb.i]), sent=sent,
                   head=verb.i,
                   aux=[a.lemma_.lower() for a in auxes], rel=REL.get(verb.dep_))
        for ch in verb.children:
            dep = ch.dep_
            if dep in ("nsubj", "nsubjpass", "expl") and c.subj is None and dep != "expl":
                c.subj = self.arg(ch)
                if dep == "nsubjpass":
                    c.voice = "passive"
            elif dep in ("dobj", "attr", "oprd"):
                c.objs.append(self.arg(ch))
            elif dep == "dative":
                c.iobj = self.arg(ch)
            elif dep in ("prep", "agent"):
                pobj = [g for g in ch.children if g.dep_ == "pobj"]
                if pobj:
                    c.obl.setdefault(ch.lemma_.lower(), []).append(self.arg(pobj[0]))
            elif dep == "prt":
                c.particle = ch.lemma_.lower()
            elif dep == "neg":
                c.negated = True
                c.negators.append(ch.i)
            elif dep == "mark" or (dep == "aux" and ch.tag_ == "TO"):
                c.mark = ch.lemma_.lower()
            elif dep == "auxpass":
                c.voice = "passive"
        if c.mark is None and verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "pcomp"):
            c.mark = "to"  # gerund complement: controlled like an infinitive
        if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP":
            c.via = verb.head.lemma_.lower()  # "arrested for collaborating": the clause hangs from "for"
        if verb.dep_ == "relcl" and (c.subj is None or verb.doc[c.subj.head].lower_ in ("who", "which", "that")):
            c.subj = self.arg(verb.head)
        c.tense = self.tense(verb, auxes)
        return c

    @staticmethod
    def tense(verb: Token, auxes: list[Token]) -> Tense | None:
        """past / present / future from the tag and auxiliaries."""
        lemmas = {a.lemma_.lower() for a in auxes}
        if lemmas & {"will", "shall"} or any(a.lower_ == "'ll" for a in auxes):
            return "future"
        tags = [a.tag_ for a in auxes if a.dep_ != "auxpass" or a.tag_ in ("VBD", "VBZ", "VBP")] + [verb.tag_]
        first = next((t for t in tags if t in ("VBD", "VBZ", "VBP", "MD")), None)
        if first == "VBD":
            return "past"
        if first in ("VBZ", "VBP"):
            return "past" if "have" in lemmas and verb.tag_ == "VBN" else "present"
        return None
