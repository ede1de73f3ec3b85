"""Clause and argument records and the adapter interface."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import catalogue
from spacy.tokens import Doc, Token

adapters = catalogue.create("tidende", "clause_adapters")

Tense = Literal["past", "present", "future"]


def subtree_span(tok: Token) -> tuple[int, int]:
    """The token span of ``tok``'s subtree. spaCy's ``left_edge``/``right_edge`` stop short of descendants
    reached over a crossing arc, which the Norwegian parser produces (``sa at det ikkje var så viktig om X
    var frå Y``: the ``om`` clause hangs on ``så``), so the span is taken from the subtree itself."""
    idx = [t.i for t in tok.subtree]
    return min(idx), max(idx) + 1


@dataclass
class Arg:
    """A nominal argument: its head token, token span and coordinated heads."""

    head: int
    start: int
    end: int
    conj: list[Arg] = field(default_factory=list)

    @property
    def members(self) -> list[Arg]:
        """This argument and every coordinated one (``Nord-Korea og Iran``)."""
        return [self, *self.conj]


@dataclass
class Clause:
    """A predicate with its arguments, independent of the parse scheme."""

    pred: int
    lemma: str
    verbs: list[int]
    sent: int
    head: int = -1
    particle: str | None = None
    aux: list[str] = field(default_factory=list)
    tense: Tense | None = None
    voice: Literal["active", "passive"] = "active"
    negated: bool = False
    negators: list[int] = field(default_factory=list)
    subj: Arg | None = None
    objs: list[Arg] = field(default_factory=list)
    iobj: Arg | None = None
    obl: dict[str, list[Arg]] = field(default_factory=dict)
    parent: int | None = None
    rel: str | None = None
    mark: str | None = None
    via: str | None = None

    def span(self, doc: Doc) -> tuple[int, int]:
        """Token span of the whole clause (its head's subtree)."""
        return subtree_span(doc[self.head])

    def args(self, role: str) -> list[Arg]:
        """Arguments for a role name: ``subj``, ``obj``, ``iobj`` or ``obl:<prep>``."""
        if role == "subj":
            return [self.subj] if self.subj else []
        if role == "obj":
            return self.objs
        if role == "iobj":
            return [self.iobj] if self.iobj else []
        if role.startswith("obl:"):
            return self.obl.get(role[4:], [])
        return []


class Adapter:
    """Turns one scheme's parse into ``Clause`` records."""

    negation = frozenset({"ikke", "ikkje", "aldri", "not", "never", "n't", "no"})

    conj_dep = "conj"

    def clauses(self, doc: Doc) -> list[Clause]:  # pragma: no cover - interface
        """All clauses of ``doc``."""
        raise NotImplementedError

    def nominal(self, tok: Token) -> dict[str, list[Arg]]:  # pragma: no cover - interface
        """Arguments of an event noun: ``poss`` (genitive) and ``nmod:<prep>``."""
        raise NotImplementedError

    def cut(self, tok: Token) -> bool:  # pragma: no cover - interface
        """Whether a dependant is outside its head's noun phrase."""
        raise NotImplementedError

    def arg(self, tok: Token) -> Arg:
        """An argument headed by ``tok``, with its coordinated arguments."""
        lo, hi = self.np_span(tok, self.cut)
        conj: list[Arg] = []
        stack = [c for c in tok.children if c.dep_ == self.conj_dep]
        while stack:
            c = stack.pop(0)
            clo, chi = self.np_span(c, self.cut)
            conj.append(Arg(head=c.i, start=clo, end=chi))
            stack.extend(g for g in c.children if g.dep_ == self.conj_dep)
        return Arg(head=tok.i, start=lo, end=hi, conj=conj)

    @staticmethod
    def sent_index(doc: Doc) -> dict[int, int]:
        """Token index → sentence number."""
        return {i: n for n, s in enumerate(doc.sents) for i in range(s.start, s.end)}

    @staticmethod
    def np_span(tok: Token, cut: Callable[[Token], bool]) -> tuple[int, int]:
        """The contiguous span of a noun phrase around ``tok``, without the dependants ``cut`` rejects."""
        lo = hi = tok.i

        def keep(child: Token) -> bool:
            return not cut(child) and not child.is_punct

        stack = [c for c in tok.children if keep(c)]
        while stack:
            c = stack.pop()
            lo, hi = min(lo, c.i), max(hi, c.i)
            stack.extend(g for g in c.children if keep(g))
        return lo, hi + 1


def link_clauses(found: list[Clause], parent_tok: dict[int, int]) -> list[Clause]:
    """Sort clauses by predicate, link each to its governing clause and fill controlled subjects.

    ``parent_tok`` maps a clause's verb token to the governing verb token. A clause
    without a subject inherits one: a coordinated clause or a participial adjunct
    (``..., urging Iran to``) the governing clause's subject; an infinitive
    complement (``å``/``to``) the governing clause's object if it has one (``urge China
    to stop``), else its subject (``hope to convince``); an infinitive of purpose the
    governing clause's subject (``continued the strike to demand``).
    """
    found.sort(key=lambda c: c.verbs[0])
    by_tok = {v: i for i, c in enumerate(found) for v in c.verbs}
    for c in found:
        tok = next((parent_tok[v] for v in c.verbs if v in parent_tok), None)
        c.parent = by_tok.get(tok) if tok is not None else None
    for c in found:
        if c.subj is not None or c.parent is None:
            continue
        p = found[c.parent]
        if c.rel == "coord":
            c.subj = p.subj
            if p.voice == "passive" and not c.aux and not c.objs:  # "ble arrestert og tiltalt"
                c.voice = "passive"
        elif c.rel == "adv" and c.mark is None:  # "..., urging Iran to"; "was attacked by X, killing 156"
            agent = p.obl.get("by") or p.obl.get("av") if p.voice == "passive" else None
            c.subj = agent[0] if agent else p.subj
        elif c.mark in ("å", "to") and c.rel == "comp":
            c.subj = p.objs[0] if p.objs else p.iobj or p.subj
        elif c.mark in ("å", "to") and c.rel == "adv":  # purpose: "continued their strike to demand ..."
            c.subj = p.subj
    return found
