"""The clause layer on hand-built NDT parses and on the English pipeline."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from tests.ndt import ndt_doc
from tidende.nlp.clauses import Clause, clauses, scheme_of


def text(doc: Doc, arg) -> str | None:  # type: ignore[no-untyped-def]
    return doc[arg.start:arg.end].text if arg else None


# "Ambassaden framholder at Kina ikke har gitt våpen til Russland ."
EMBASSY = [
    ("Ambassaden", "ambassade", "subst|appell|mask|be|ent", 2, "SUBJ"),
    ("framholder", "framholde", "verb|pres", 0, "FINV"),
    ("at", "at", "sbu", 6, "SBU"),
    ("Kina", "Kina", "subst|prop", 6, "SUBJ"),
    ("ikke", "ikke", "adv", 6, "ADV"),
    ("har", "ha", "verb|pres", 2, "DOBJ"),
    ("gitt", "gi", "verb|perf-part", 6, "INFV"),
    ("våpen", "våpen", "subst|appell|nøyt|ub|fl", 7, "DOBJ"),
    ("til", "til", "prep", 7, "ADV"),
    ("Russland", "Russland", "subst|prop", 9, "PUTFYLL"),
    (".", "$.", "clb|<punkt>", 2, "IP"),
]


def test_clauses_ndt_complement_negation_tense() -> None:
    doc = ndt_doc(EMBASSY)
    main, comp = clauses(doc)
    assert (main.lemma, text(doc, main.subj), main.tense) == ("framholde", "Ambassaden", "present")
    assert comp.lemma == "gi" and comp.aux == ["ha"] and comp.tense == "past"
    assert comp.negated and comp.mark == "at" and comp.rel == "comp" and comp.parent == 0
    assert text(doc, comp.subj) == "Kina" and [text(doc, o) for o in comp.objs] == ["våpen"]
    assert [text(doc, a) for a in comp.obl["til"]] == ["Russland"]


# "USA håper å overbevise Kina om å stoppe ."
CONTROL = [
    ("USA", "USA", "subst|prop", 2, "SUBJ"),
    ("håper", "håpe", "verb|pres", 0, "FINV"),
    ("å", "å", "inf-merke", 2, "DOBJ"),
    ("overbevise", "overbevise", "verb|inf", 3, "INFV"),
    ("Kina", "Kina", "subst|prop", 4, "DOBJ"),
    ("om", "om", "prep", 4, "ADV"),
    ("å", "å", "inf-merke", 6, "PUTFYLL"),
    ("stoppe", "stoppe", "verb|inf", 7, "INFV"),
    (".", "$.", "clb|<punkt>", 2, "IP"),
]


def test_clauses_ndt_subject_and_object_control() -> None:
    doc = ndt_doc(CONTROL)
    _hope, convince, stop = clauses(doc)
    assert convince.mark == "å" and text(doc, convince.subj) == "USA"  # subject control
    assert stop.via == "om" and text(doc, stop.subj) == "Kina"  # object control
    assert convince.parent == 0 and stop.parent == 1


# "Russland har måttet ty til Nord-Korea og Iran ."
COORD = [
    ("Russland", "Russland", "subst|prop", 2, "SUBJ"),
    ("har", "ha", "verb|pres", 0, "FINV"),
    ("måttet", "måtte", "verb|perf-part", 2, "INFV"),
    ("ty", "ty", "verb|inf", 3, "INFV"),
    ("til", "til", "prep", 4, "ADV"),
    ("Nord-Korea", "Nord-Korea", "subst|prop", 5, "PUTFYLL"),
    ("og", "og", "konj", 7, "KONJ"),
    ("Iran", "Iran", "subst|prop", 6, "KOORD"),
    (".", "$.", "clb|<punkt>", 2, "IP"),
]


def test_clauses_ndt_verb_chain_and_coordination() -> None:
    doc = ndt_doc(COORD)
    (c,) = clauses(doc)
    assert c.lemma == "ty" and c.aux == ["ha", "måtte"] and c.verbs == [1, 2, 3]
    (arg,) = c.obl["til"]
    assert [doc[m.head].text for m in arg.members] == ["Nord-Korea", "Iran"]


# "– Vi oppfordrer USA , sier Liu ."
PARENTHETICAL = [
    ("–", "$-", "<strek>", 3, "IK"),
    ("Vi", "vi", "pron|pers", 3, "SUBJ"),
    ("oppfordrer", "oppfordre", "verb|pres", 0, "FINV"),
    ("USA", "USA", "subst|prop", 3, "DOBJ"),
    (",", "$,", "<komma>", 3, "IK"),
    ("sier", "si", "verb|pres", 3, "PAR"),
    ("Liu", "Liu", "subst|prop", 6, "SUBJ"),
    (".", "$.", "clb|<punkt>", 3, "IP"),
]


def test_clauses_ndt_parenthetical_reporting_clause() -> None:
    doc = ndt_doc(PARENTHETICAL)
    _main, say = clauses(doc)
    assert say.rel == "par" and say.parent == 0 and text(doc, say.subj) == "Liu"


def test_clauses_scheme_detection() -> None:
    assert scheme_of({"FINV", "SUBJ", "PUTFYLL"}) == "ndt"
    assert scheme_of({"nsubj", "dobj", "prep"}) == "clearnlp"


@pytest.fixture(scope="module")
def en_clauses() -> tuple[Doc, list[Clause]]:
    from tidende.nlp import load

    nlp = load("en")
    doc = nlp("The embassy said China has not supplied weapons to Russia and will not send troops. "
              "The US urged China to stop helping Russia. Ukraine was attacked by Russia.")
    return doc, clauses(doc, nlp)


def test_clauses_clearnlp_complement_negation_future(en_clauses: tuple[Doc, list[Clause]]) -> None:
    doc, cs = en_clauses
    by = {c.lemma: c for c in cs}
    supply, send = by["supply"], by["send"]
    assert supply.negated and supply.tense == "past" and text(doc, supply.subj) == "China"
    assert [text(doc, a) for a in supply.obl["to"]] == ["Russia"]
    assert send.negated and send.tense == "future" and text(doc, send.subj) == "China"  # shared subject


def test_clauses_clearnlp_control_and_passive(en_clauses: tuple[Doc, list[Clause]]) -> None:
    doc, cs = en_clauses
    by = {c.lemma: c for c in cs}
    assert text(doc, by["stop"].subj) == "China"
    attack = by["attack"]
    assert attack.voice == "passive" and text(doc, attack.subj) == "Ukraine"
    assert [text(doc, a) for a in attack.obl["by"]] == ["Russia"]


# "Israel truet med å forby valget for å stanse Hamas ."
PREP_COMPLEMENT = [
    ("Israel", "Israel", "subst|prop", 2, "SUBJ"),
    ("truet", "true", "verb|pret", 0, "FINV"),
    ("med", "med", "prep", 2, "ADV"),
    ("å", "å", "inf-merke", 3, "PUTFYLL"),
    ("forby", "forby", "verb|inf", 4, "INFV"),
    ("valget", "valg", "subst|appell|nøyt|be|ent", 5, "DOBJ"),
    ("for", "for", "prep", 5, "ADV"),
    ("å", "å", "inf-merke", 7, "PUTFYLL"),
    ("stanse", "stanse", "verb|inf", 8, "INFV"),
    ("Hamas", "Hamas", "subst|prop", 9, "DOBJ"),
    (".", "$.", "clb|<punkt>", 2, "IP"),
]


def test_clauses_ndt_prepositional_complement_and_purpose_adjunct() -> None:
    doc = ndt_doc(PREP_COMPLEMENT)
    _threaten, ban, stop = clauses(doc)
    assert (ban.via, ban.rel, ban.parent, text(doc, ban.subj)) == ("med", "comp", 0, "Israel")
    assert (stop.via, stop.rel, stop.parent) == ("for", "adv", 1)  # «for å»: purpose, not a complement


def test_clauses_clearnlp_participial_adjunct_subject() -> None:
    from tidende.nlp import load

    nlp = load("en")
    doc = nlp("Bangladesh rejected the plan, urging India to sign. "
              "The camp was attacked by militiamen, killing 156 people.")
    by = {c.lemma: c for c in clauses(doc, nlp)}
    assert by["urge"].rel == "adv" and text(doc, by["urge"].subj) == "Bangladesh"
    assert text(doc, by["kill"].subj) == "militiamen"  # the passive's agent, not its subject


def test_clauses_ndt_participles_read_as_adjectives_head_clauses() -> None:
    """A participle tagged as an adjective heads a clause when it has a subject («Ministeren besøkte
    Russland») or is coordinated with a verb, sharing its subject and passive («ble arrestert og tiltalt»)."""
    visit = ndt_doc([("Ministeren", "minister", "subst|appell|mask|be|ent", 2, "SUBJ"),
                     ("besøkte", "besøke", "adj|<perf-part>|fl", 0, "FINV"),
                     ("Russland", "Russland", "subst|prop", 2, "DOBJ"), (".", "$.", "clb|<punkt>", 2, "IP")])
    (c,) = clauses(visit)
    assert (c.lemma, text(visit, c.subj), [text(visit, o) for o in c.objs]) == ("besøke", "Ministeren", ["Russland"])
    arrest = ndt_doc([("De", "de", "pron|pers", 2, "SUBJ"), ("ble", "bli", "verb|pret", 0, "FINV"),
                      ("arrestert", "arrestere", "verb|perf-part", 2, "INFV"), ("og", "og", "konj", 5, "KONJ"),
                      ("tiltalt", "tiltale", "adj|<perf-part>|ub|ent", 3, "KOORD"),
                      (".", "$.", "clb|<punkt>", 2, "IP")])
    first, second = clauses(arrest)
    assert (second.lemma, second.voice, text(arrest, second.subj)) == ("tiltale", "passive", "De")
    assert first.voice == "passive"
