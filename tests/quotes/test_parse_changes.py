"""Quote rules that hold up on parses of the upgraded Norwegian model, on hand-built NDT parses of invented
sentences (the parser may parse the same words differently from one model to the next)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from tests.ndt import ndt_doc
from tests.quotes.helpers import by_content, quotes
from tidende.nlp.clauses import clauses
from tidende.quotes.cues import load_cues
from tidende.quotes.finder import QuoteFinder
from tidende.records import Quote, Speaker


def find(doc: Doc, lang: str = "nb") -> list[Quote]:
    def resolve(span: Span) -> Speaker:
        return Speaker(text=span.text, start=span.start_char, end=span.end_char)

    qs = QuoteFinder(load_cues(lang)).find(doc, clauses(doc, scheme="ndt"), resolve)
    for q in qs:
        assert doc.text[q.start:q.end] == q.content
    return qs


# "Han sa at det ikkje var så viktig om Kari var frå Bergen ." The parser hangs the "om" clause on "så" over a
# crossing arc; spaCy's right_edge of the complement then stops at "viktig".
CROSSING = [
    ("Han", "han", "pron|pers|3|mask|eint|nom", 2, "SUBJ"),
    ("sa", "seie", "verb|pret", 0, "ROOT"),
    ("at", "at", "sbu", 6, "SBU"),
    ("det", "det", "pron|nøyt|eint|pers|3", 6, "FSUBJ"),
    ("ikkje", "ikkje", "adv", 6, "ADV"),
    ("var", "vere", "verb|pret", 2, "DOBJ"),
    ("så", "så", "adv", 8, "ADV"),
    ("viktig", "viktig", "adj|pos|m/f|ub|eint", 6, "SPRED"),
    ("om", "om", "sbu", 12, "SBU"),
    ("Kari", "Kari", "subst|prop", 12, "SUBJ"),
    ("Nordmann", "Nordmann", "subst|prop", 10, "FLAT"),
    ("var", "vere", "verb|pret", 7, "ADV"),
    ("frå", "frå", "prep", 12, "ADV"),
    ("Bergen", "Bergen", "subst|prop", 13, "PUTFYLL"),
    (".", "$.", "clb|<punkt>", 2, "IP"),
]


def test_complement_takes_in_a_clause_hung_over_a_crossing_arc() -> None:
    (q,) = find(ndt_doc(CROSSING, persons=((9, 11),)), "nn")
    assert q.cue == "sa" and q.content == "det ikkje var så viktig om Kari Nordmann var frå Bergen"


# "– Vi må lese boka nå , sier litteraturkritiker Kari Nordmann ." with the role noun tagged as a verb (a
# subject with no dependants): still an inverted cue, and the role noun reports nothing.
MISTAGGED = [
    ("–", "$–", "clb|<strek>", 4, "IK"),
    ("Vi", "vi", "pron|fl|pers|1|nom", 3, "SUBJ"),
    ("må", "måtte", "verb|pres", 0, "ROOT"),
    ("lese", "lese", "verb|inf", 3, "INFV"),
    ("boka", "bok", "subst|appell|fem|be|ent", 4, "DOBJ"),
    ("nå", "nå", "adv", 4, "ADV"),
    (",", "$,", "clb|<komma>", 3, "IK"),
    ("sier", "si", "verb|pres", 3, "PAR"),
    ("litteraturkritiker", "litteraturkritike", "verb|pres", 8, "SUBJ"),
    ("Kari", "Kari", "subst|prop", 8, "SUBJ"),
    ("Nordmann", "Nordmann", "subst|prop", 10, "FLAT"),
    (".", "$.", "clb|<punkt>", 3, "IP"),
]


def test_role_noun_tagged_as_a_verb_does_not_block_the_inverted_cue() -> None:
    (q,) = find(ndt_doc(MISTAGGED, persons=((9, 11),)))
    assert q.kind == "direct" and q.content == "Vi må lese boka nå" and q.cue == "sier"
    assert q.speaker is not None and q.speaker.text == "Kari Nordmann"


# "Dommen burde ha ført til hat , sier Kari Nordmann , og tilføyer :\n– Vi må lese boka ." The parse coordinates
# "tilføyer" with the quoted clause, so it inherits "Dommen" as its subject.
ADDS = [
    ("Dommen", "dom", "subst|appell|mask|be|ent", 2, "SUBJ"),
    ("burde", "burde", "verb|pret", 0, "ROOT"),
    ("ha", "ha", "verb|inf", 2, "INFV"),
    ("ført", "føre", "verb|perf-part", 3, "INFV"),
    ("til", "til", "prep", 4, "ADV"),
    ("hat", "hat", "subst|appell|nøyt|ub|ent", 5, "PUTFYLL"),
    (",", "$,", "clb|<komma>", 2, "IK"),
    ("sier", "si", "verb|pres", 2, "PAR"),
    ("Kari", "Kari", "subst|prop", 8, "SUBJ"),
    ("Nordmann", "Nordmann", "subst|prop", 9, "FLAT"),
    (",", "$,", "clb|<komma>", 8, "IK"),
    ("og", "og", "konj", 13, "KONJ"),
    ("tilføyer", "tilføye", "verb|pres", 2, "KOORD"),
    (":", "$:", "clb|<kolon>", 2, "IP"),
    ("\n", "\n", "clb", 0, "ROOT"),
    ("–", "$–", "clb|<strek>", 18, "IK"),
    ("Vi", "vi", "pron|fl|pers|1|nom", 18, "SUBJ"),
    ("må", "måtte", "verb|pres", 0, "ROOT"),
    ("lese", "lese", "verb|inf", 18, "INFV"),
    ("boka", "bok", "subst|appell|fem|be|ent", 19, "DOBJ"),
    (".", "$.", "clb|<punkt>", 18, "IP"),
]


def test_cue_coordinated_after_an_inverted_cue_introduces_with_its_speaker() -> None:
    qs = find(ndt_doc(ADDS, persons=((8, 10),), lines=(14, 15)))
    added = next(q for q in qs if q.content.startswith("Vi må lese boka"))
    assert added.cue == "tilføyer" and added.speaker is not None and added.speaker.text == "Kari Nordmann"


# "Ifølge Kari burde dommen ha ført til hat , sier Ola Nordmann ."
ACCORDING = [
    ("Ifølge", "ifølge", "prep", 4, "ADV"),
    ("Kari", "Kari", "subst|prop", 1, "PUTFYLL"),
    ("burde", "burde", "verb|pret", 0, "ROOT"),
    ("dommen", "dom", "subst|appell|mask|be|ent", 3, "SUBJ"),
    ("ha", "ha", "verb|inf", 3, "INFV"),
    ("ført", "føre", "verb|perf-part", 5, "INFV"),
    ("til", "til", "prep", 6, "ADV"),
    ("hat", "hat", "subst|appell|nøyt|ub|ent", 7, "PUTFYLL"),
    (",", "$,", "clb|<komma>", 3, "IK"),
    ("sier", "si", "verb|pres", 3, "PAR"),
    ("Ola", "Ola", "subst|prop", 10, "SUBJ"),
    ("Nordmann", "Nordmann", "subst|prop", 11, "FLAT"),
    (".", "$.", "clb|<punkt>", 3, "IP"),
]


def test_according_to_ends_where_an_inverted_cue_begins() -> None:
    qs = find(ndt_doc(ACCORDING, persons=((1, 2), (10, 12))))
    (acc,) = [q for q in qs if q.kind == "according_to"]
    assert acc.content == "burde dommen ha ført til hat" and acc.speaker is not None and acc.speaker.text == "Kari"


# "Det fortalte Kari til advokaten etter at hun ble ført ut ." ("etter at": an adverbial clause)
AFTER = [
    ("Det", "det", "pron|nøyt|ent|pers|3", 2, "SUBJ"),
    ("fortalte", "fortelle", "verb|pret", 0, "ROOT"),
    ("Kari", "Kari", "subst|prop", 2, "SUBJ"),
    ("til", "til", "prep", 2, "ADV"),
    ("advokaten", "advokat", "subst|appell|mask|be|ent", 4, "PUTFYLL"),
    ("etter", "etter", "prep", 2, "ADV"),
    ("at", "at", "sbu", 9, "SBU"),
    ("hun", "hun", "pron|fem|ent|pers|3|nom", 9, "SUBJ"),
    ("ble", "bli", "verb|pret", 6, "PUTFYLL"),
    ("ført", "føre", "verb|perf-part", 9, "INFV"),
    ("ut", "ut", "prep", 10, "ADV"),
    (".", "$.", "clb|<punkt>", 2, "IP"),
]


def test_at_clause_after_a_preposition_of_time_is_no_complement() -> None:
    assert find(ndt_doc(AFTER, persons=((2, 3),), pos={5: "SCONJ"})) == []


# "Kari vil ikkje seie ja takk til at kommunen mister sjukehuset ."
YES_THANKS = [
    ("Kari", "Kari", "subst|prop", 2, "SUBJ"),
    ("vil", "ville", "verb|pres", 0, "ROOT"),
    ("ikkje", "ikkje", "adv", 4, "ADV"),
    ("seie", "seie", "verb|inf", 2, "INFV"),
    ("ja", "ja", "subst|nøyt|appell|ub|eint", 4, "DOBJ"),
    ("takk", "takk", "subst|fem|appell|ub|eint", 5, "ATR"),
    ("til", "til", "prep", 6, "ATR"),
    ("at", "at", "sbu", 10, "SBU"),
    ("kommunen", "kommune", "subst|appell|mask|be|eint", 10, "SUBJ"),
    ("mister", "miste", "verb|pres", 7, "PUTFYLL"),
    ("sjukehuset", "sjukehus", "subst|appell|nøyt|be|eint", 10, "DOBJ"),
    (".", "$.", "clb|<punkt>", 2, "IP"),
]


def test_at_clause_completing_a_noun_of_the_object_is_no_complement() -> None:
    assert find(ndt_doc(YES_THANKS, persons=((0, 1),)), "nn") == []


def test_inverted_cue_parsed_as_coordinated_clause_is_still_a_cue() -> None:
    """The parser reads «opplyste» as coordinated with «arresterte», which lends it that clause's
    subject; an inherited subject does not come first, so «P, opplyste militære kilder» is a quote."""
    text = ("Israelske soldater arresterte lørdag over 100 palestinere under en sikkerhetsaksjon i "
            "Hebron-området på det okkuperte Vestbredden, opplyste militære kilder.")
    q = by_content(quotes(text, "nb"), "Israelske soldater arresterte")
    assert q.kind == "indirect" and q.speaker is not None and q.speaker.text == "militære kilder"
