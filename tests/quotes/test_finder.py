"""Unit tests of the quote finder on small texts written for these tests."""

from __future__ import annotations

import pytest

from tests.quotes.helpers import by_content, quotes
from tidende.quotes.cues import load_cues


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_lexicons_load(lang: str) -> None:
    cues = load_cues(lang)
    assert cues.group("deny" if lang == "en" else "avvise", None) == "deny"


def test_forms_back_up_the_lemmatiser() -> None:
    assert load_cues("nb").group("framholder", None, "framholder") == "assert"


def test_dash_quote_with_inverted_cue_and_channel() -> None:
    text = "– Vi har ingen planer om å trekke oss ut, sier Kari Nordmann til NTB."
    q = by_content(quotes(text, "nb"), "ingen planer")
    assert q.kind == "direct"
    assert q.content == "Vi har ingen planer om å trekke oss ut"
    assert q.cue == "sier"
    assert q.speaker is not None and q.speaker.text == "Kari Nordmann"
    assert q.channel == "NTB"


def test_pronoun_and_uncued_dash_quote_carry_the_speaker() -> None:
    text = ("Statsminister Kari Nordmann sier at regjeringen vil legge fram saken i høst.\n"
            "– Dette er en viktig sak for hele landet, sa hun.\n"
            "– Vi kommer til å bruke den tiden vi trenger.")
    qs = quotes(text, "nb")
    pron = by_content(qs, "viktig sak")
    assert pron.speaker is not None and pron.speaker.text == "hun" and pron.speaker.name
    assert "Nordmann" in pron.speaker.name
    carried = by_content(qs, "tiden vi trenger")
    assert carried.speaker is not None and "Nordmann" in carried.speaker.text


def test_indirect_deny_and_according_to() -> None:
    text = "Forsvarsministeren avviser at hæren har trukket seg tilbake. Ifølge NTB er brua stengt."
    qs = quotes(text, "nb")
    deny = by_content(qs, "hæren har trukket")
    assert deny.kind == "indirect" and deny.stance == "denies"
    acc = by_content(qs, "brua er stengt") if any("brua er stengt" in q.content for q in qs) else by_content(
        qs, "brua")
    assert acc.kind == "according_to" and acc.speaker is not None and acc.speaker.text == "NTB"


def test_nynorsk_belief_verb() -> None:
    text = "Ordføraren meiner at kommunen må byggje ein ny skule."
    q = by_content(quotes(text, "nn"), "kommunen må byggje")
    assert q.kind == "indirect" and q.cue == "meiner"


def test_scare_quotes_inside_a_report_are_not_quotes() -> None:
    text = "Statsråden sa at grensa vil vere stengd «inntil vidare» i vinter."
    qs = quotes(text, "nn")
    assert not any(q.content == "inntil vidare" for q in qs)


def test_english_split_quote_with_inverted_cue() -> None:
    text = ('"The ceasefire is holding. Both sides must now pull back," the UN envoy, Maria Lind, said on '
            "Monday.")
    q = by_content(quotes(text, "en"), "ceasefire is holding")
    assert q.kind == "direct" and "pull back" in q.content
    assert q.speaker is not None and "envoy" in q.speaker.text


def test_english_told_channel() -> None:
    text = "The minister told Reuters that the talks had failed."
    q = by_content(quotes(text, "en"), "talks had failed")
    assert q.channel == "Reuters"
    assert q.speaker is not None and q.speaker.text == "The minister"


def test_inverted_cue_followed_by_a_coordinated_clause() -> None:
    text = "– Det er altfor dyrt for kommunen, sier Kari Nordmann og viser til budsjettet."
    q = by_content(quotes(text, "nb"), "altfor dyrt")
    assert q.content == "Det er altfor dyrt for kommunen" and q.cue == "sier"
    assert q.speaker is not None and q.speaker.text == "Kari Nordmann"


def test_subject_before_the_verb_is_no_inversion() -> None:
    text = "Kulturrådets leder, Vigdis Moe Skarstein, avviser påstanden om sensur."
    assert not any("Kulturrådets leder" in q.content for q in quotes(text, "nb"))


def test_generic_subjects_infinitives_and_indirect_questions_report_nothing() -> None:
    assert quotes("Man kan si at prisene vil stige. Det er vanskelig å si at dette vil skje.", "nb") == []
    assert quotes("Ministeren forklarte hvordan ordningen skal virke.", "nb") == []
    assert quotes("Nobody expected that the talks would fail.", "en") == []


@pytest.mark.parametrize(("lang", "text", "cue"), [
    ("nb", "Han minner om at fristen går ut i morgen.", "minner"),
    ("nn", "Ho peiker på at kommunen manglar pengar.", "peiker"),
])
def test_cue_with_a_preposition_before_its_complement(lang: str, text: str, cue: str) -> None:
    q = quotes(text, lang)[0]
    assert q.kind == "indirect" and q.cue == cue and q.content.startswith(("fristen", "kommunen"))


def test_english_dispute_denies() -> None:
    q = by_content(quotes("The ministry disputes that the figures are correct.", "en"), "figures")
    assert q.stance == "denies" and q.content == "the figures are correct"


def test_titles_in_guillemets_are_not_quotes_and_guillemets_nest() -> None:
    assert quotes("Han leste fra boka «Min kamp 6» på festivalen.", "nb") == []
    q = quotes("«Jeg skrev om «Mein Kampf» i fjor, og det var vanskelig», sa forfatteren.", "nb")
    assert [(x.content, x.cue) for x in q] == [("Jeg skrev om «Mein Kampf» i fjor, og det var vanskelig", "sa")]


def test_colon_introduces_the_speaker() -> None:
    text = "Ordføreren Kari Nordmann skrev i en e-post:\n«Vi har ikke fått en eneste klage fra naboene.»"
    q = by_content(quotes(text, "nb"), "klage fra naboene")
    assert q.kind == "direct" and q.cue == "skrev"
    assert q.speaker is not None and q.speaker.name == "Kari Nordmann"


def test_pronoun_prefers_the_subject_to_a_later_name() -> None:
    text = "Per Olsen erkjenner at partiet trenger støtte fra Kari Hansen:\n– Vi kan ikke styre alene, sa han."
    q = by_content(quotes(text, "nb"), "styre alene")
    assert q.speaker is not None and q.speaker.text == "han" and q.speaker.name == "Per Olsen"


def test_name_before_an_apposition_is_the_speaker() -> None:
    text = "Einar Målsnes , ordførar i Balestrand , meiner at geografi ligg i botnen for motstanden ."
    q = by_content(quotes(text, "nn"), "geografi")
    assert q.speaker is not None and q.speaker.name == "Einar Målsnes"


def test_according_to_after_an_inverted_cue_is_a_channel() -> None:
    qs = quotes("– Vi stenger skolen i morgen, sier rektor ifølge lokalavisen.", "nb")
    assert [(q.kind, q.speaker.text if q.speaker else None) for q in qs] == [("direct", "rektor")]


def test_headline_quote_takes_the_speaker_of_the_next_quote() -> None:
    text = ("- Lagres aldri |\nAvfallet blir brent samme dag .\n"
            "- Vi lagrer aldri slikt avfall , sier informasjonssjef Rikke Dahl .")
    head = by_content(quotes(text, "nb"), "Lagres aldri")
    assert head.content == "Lagres aldri" and head.speaker is not None and head.speaker.name == "Rikke Dahl"


def test_source_inside_a_quote_does_not_take_over() -> None:
    text = ("Statsminister Kari Nordmann sier at regjeringen vil legge fram saken i høst .\n"
            "– Mange økonomer hevder at renten vil stige , men det tror jeg ikke , sa hun .\n"
            "– Vi kommer til å bruke den tiden vi trenger .")
    qs = quotes(text, "nb")
    nested = next(q for q in qs if q.content == "renten vil stige")
    assert nested.speaker is not None and nested.speaker.text == "Mange økonomer" and nested.chain
    carried = by_content(qs, "tiden vi trenger")
    assert carried.speaker is not None and carried.speaker.name == "Kari Nordmann"


def test_dash_run_reaches_its_inverted_cue_past_a_name() -> None:
    text = ("Kommunen legger ned skolen i Sand .\nForeldrene er sinte .\n"
            "- Dette er en dårlig avgjørelse for bygda .\n"
            "Ola Hansen og familien hans flyttet hit for skolens skyld .\n"
            "Nå må vi tenke oss om , sier Kari Olsen i foreldrerådet .\nVedtaket kommer i juni .")
    q = by_content(quotes(text, "nb"), "dårlig avgjørelse")
    assert q.content.endswith("Nå må vi tenke oss om") and q.cue == "sier"
    assert q.speaker is not None and q.speaker.name == "Kari Olsen"


def test_sentence_initial_according_to_takes_the_rest_of_the_sentence() -> None:
    q = quotes("Ifølge Prognosesenteret har 40 000 husholdninger planer om å kjøpe bolig i utlandet .", "nb")[0]
    assert q.kind == "according_to" and q.content == "har 40 000 husholdninger planer om å kjøpe bolig i utlandet"
    assert q.speaker is not None and q.speaker.text == "Prognosesenteret"


def test_predicative_cues_and_negated_belief() -> None:
    qs = quotes("Ordføraren er klar på at skulen skal bli liggjande . Heikki Holmås har ikkje tru på at UNE kan "
                "betrast .", "nn")
    assert [(q.cue, q.stance, q.content) for q in qs] == [
        ("klar", "asserts", "skulen skal bli liggjande"), ("tru", "denies", "UNE kan betrast")]
    assert by_content(quotes("Ministeren tror ikke at avtalen holder.", "nb"), "avtalen").stance == "denies"


def test_impersonal_cue_names_its_document_or_carries_the_source() -> None:
    text = ("Kari Olsen sier at skolen må stenge .\n- Et kinobesøk som ble til tortur , heter det i reportasjen .\n"
            "- Vi er sinte , heter det videre .")
    qs = quotes(text, "nb")
    first, second = by_content(qs, "kinobesøk"), by_content(qs, "sinte")
    assert first.content == "Et kinobesøk som ble til tortur" and first.cue == "heter"
    assert first.speaker is not None and first.speaker.text == "reportasjen"
    assert second.speaker is not None and second.speaker.text == "reportasjen"


def test_generic_report_inside_a_dash_run_does_not_end_it() -> None:
    text = ("Barneombodet svarar på spørsmål .\n- Eg meiner at born skal bestemme sjølve .\n"
            "Det finst nokre som hevdar at inngrepet er trygt .\nOm det er det strid , seier Reidar Hjermann .\n"
            "Saka kjem opp i haust .")
    q = by_content(quotes(text, "nn"), "bestemme sjølve")
    assert q.content.endswith("Om det er det strid") and q.speaker is not None and q.speaker.text == "Reidar Hjermann"


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_cue_verb_as_the_last_word_of_the_text(lang: str) -> None:
    # an inverted cue with nothing after it ("…, sier") ends the document: no speaker, no crash
    text = "Vi skal vinne valget, sier" if lang == "nb" else "Vi skal vinne valet, seier"
    assert all(q.speaker is None for q in quotes(text, lang))


def test_uncued_dash_question_is_the_interviewers_turn() -> None:
    text = ("Kari Holmvik leder boligforeningen i byen.\n"
            "- Vi må bygge mange flere boliger i byen, sier Holmvik.\n"
            "- Hvorfor har det tatt så lang tid?\n"
            "- Det har vært vanskelig å få tomter til prosjektene.\n")
    qs = quotes(text, "nb")
    question = by_content(qs, "så lang tid")
    assert question.speaker is not None and question.speaker.name == "journalist"
    assert question.speaker.text == "" and question.speaker.anonymous
    answer = by_content(qs, "vanskelig å få tomter")
    assert answer.speaker is not None and "Holmvik" in (answer.speaker.name or answer.speaker.text)


def test_long_dash_turn_ending_in_a_question_is_an_answer() -> None:
    text = ("Kari Holmvik leder boligforeningen i byen.\n"
            "- Vi må bygge mange flere boliger i byen, sier Holmvik.\n"
            "- Hvorfor har det tatt så lang tid?\n"
            "- Det har vært vanskelig å få tomter til prosjektene.\n"
            "Kommunen har ikke prioritert dette arbeidet på mange år.\n"
            "Hvem skal da ta ansvaret for de unge?\n")
    answer = by_content(quotes(text, "nb"), "vanskelig å få tomter")
    assert "Hvem skal da" in answer.content
    assert answer.speaker is not None and "Holmvik" in (answer.speaker.name or answer.speaker.text)


def test_report_inside_an_interview_question_is_nested() -> None:
    text = ("Kari Holmvik leder boligforeningen i byen.\n"
            "- Vi må bygge mange flere boliger i byen, sier Holmvik.\n"
            "- Men Per Hansen påpeker at kommunen allerede har bygget nok boliger?\n"
            "- Det er jeg helt uenig i, for køene blir bare lengre.\n")
    qs = quotes(text, "nb")
    question = next(q for q in qs if q.kind == "direct" and "påpeker" in q.content)
    assert question.speaker is not None and question.speaker.name == "journalist"
    reported = next(q for q in qs if q.kind == "indirect" and "allerede har bygget" in q.content)
    assert reported.speaker is not None and reported.speaker.text == "Per Hansen"
    answer = by_content(qs, "helt uenig")
    assert answer.speaker is not None and "Holmvik" in (answer.speaker.name or answer.speaker.text)


def test_definite_role_noun_names_the_person_introduced_with_that_role() -> None:
    text = ("Mottaksleder Kari Holmvik la fram tallene for året i går.\n"
            "- Vi har ingen grunn til bekymring for beboerne, sier mottakslederen.\n")
    q = by_content(quotes(text, "nb"), "ingen grunn")
    assert q.speaker is not None and q.speaker.text == "mottakslederen"
    assert q.speaker.name is not None and "Holmvik" in q.speaker.name


def test_definite_role_noun_nynorsk_apposition() -> None:
    text = ("Per Hansen , ordførar i Luster , la fram saka i kommunestyret .\n"
            "- Dette er ei viktig sak for heile bygda , seier ordføraren .\n")
    q = by_content(quotes(text, "nn"), "viktig sak")
    assert q.speaker is not None and q.speaker.name is not None and "Hansen" in q.speaker.name


def test_role_noun_with_no_holder_keeps_its_own_text() -> None:
    text = "- Vi har ingen grunn til bekymring for beboerne, sier mottakslederen.\n"
    q = by_content(quotes(text, "nb"), "ingen grunn")
    assert q.speaker is not None and q.speaker.text == "mottakslederen"
    assert not q.speaker.name or "mottaksleder" in q.speaker.name.lower()


def test_source_reported_inside_a_report_does_not_take_over() -> None:
    text = ("Kari Holmvik synes det er rart at statsministeren mener skolen er god nok.\n"
            "- Vi har jobbet lenge med å bedre inneklimaet, sier hun.\n")
    q = by_content(quotes(text, "nb"), "inneklimaet")
    assert q.speaker is not None and q.speaker.name is not None and "Holmvik" in q.speaker.name


def test_name_before_the_verb_is_an_antecedent_though_unparsed_as_subject() -> None:
    text = ("Kari Holmvik er leder for elevene.\n"
            "- Vi reagerer sterkt på dette, sier hun.\n"
            "Produsent i firmaet , Dag Hansen , meiner det vart for mange i gruppa .\n"
            "- Det er snakk om svært tunge løft, seier han.\n")
    q = by_content(quotes(text, "nn"), "tunge løft")
    assert q.speaker is not None and q.speaker.name is not None and "Hansen" in q.speaker.name


def test_title_in_quote_marks_is_no_first_person_continuing_a_dash_run() -> None:
    text = ("Bøkene er omstridte | \n"
            "Kari Holmvik har lest alle bøkene .\n"
            "- Det som overrasker meg er at folk glemmer faren i bøkene .\n"
            "Han er tålmodig og omsorgsfull gjennom hele verket .\n"
            "Holmvik mener imidlertid at mye av innholdet i « Min kamp » kan diskuteres .\n"
            "- Det er viktig å lese bøkene med et åpent sinn , sier hun .\n")
    qs = quotes(text, "nb")
    dash = by_content(qs, "overrasker meg")
    assert "Min kamp" not in dash.content
    q = by_content(qs, "kan diskuteres")
    assert q.kind == "indirect" and q.cue == "mener"


def test_cue_governing_a_complement_after_an_apposition_is_no_inversion() -> None:
    text = "Selv om tilbudet er stort , tror ikke eksperten , Kari Nordmann , at prisene vil falle ."
    qs = quotes(text, "nb")
    assert not any("tilbudet er stort" in q.content for q in qs)
    q = by_content(qs, "prisene vil falle")
    assert q.cue == "tror" and q.stance == "denies"


def test_complement_without_at_parsed_as_a_coordinated_clause() -> None:
    q = by_content(quotes("Han mener spesielt språkklimaet på nettet har tvunget fram en ny debatt .", "nb"),
                   "tvunget fram")
    assert q.cue == "mener" and q.content.startswith("språkklimaet")


def test_complement_subject_parsed_as_the_cue_object() -> None:
    q = by_content(quotes("Kari Nordmann synes sammenkoplingen mellom de to bøkene er dristig .", "nb"),
                   "dristig")
    assert q.content == "sammenkoplingen mellom de to bøkene er dristig"


def test_conditional_clause_after_a_complement_belongs_to_it() -> None:
    text = "Hun sier at man må ta hensyn til studentene , hvis det blir bestemt at barna blir flyttet ."
    q = by_content(quotes(text, "nb"), "ta hensyn")
    assert q.content.endswith("barna blir flyttet")


def test_concession_after_a_complement_is_the_writers() -> None:
    text = "Ola Hansen mener tiden for å kjøpe nærmer seg , selv om han ikke har det travelt ."
    q = by_content(quotes(text, "nb"), "nærmer seg")
    assert q.content == "tiden for å kjøpe nærmer seg"


@pytest.mark.parametrize(("text", "cue", "stance"), [
    ("Ramberg utelukka ikkje at dei kan investere pengar i fabrikken .", "utelukka", "asserts"),
    ("Ramberg utelukkar at fabrikken blir seld .", "utelukkar", "denies"),
    ("Partiet har evaluert mottaket og kome fram til at avvikling er den beste løysinga .", "kome", "asserts"),
    ("Han registrerer at sjukefråværet aukar .", "registrerer", "asserts"),
])
def test_nynorsk_cues_added_from_news_usage(text: str, cue: str, stance: str) -> None:
    q = quotes(text, "nn")[0]
    assert q.kind == "indirect" and q.cue == cue and q.stance == stance


@pytest.mark.parametrize(("lang", "text", "cue", "speaker"), [
    ("nn", "Dei tilsette reagerer sterkt på utspelet frå Høgre om at mottaket bør avviklast .", "utspelet", "Høgre"),
    ("nn", "Det understrekar Ragnvald Skrede sin påstand om at Vaa var den same .", "påstand", "Ragnvald Skrede"),
    ("nb", "Jeg aksepterer ikke Kulturrådets begrunnelse om at de vil prioritere nye prosjekter .", "begrunnelse",
     "Kulturrådets"),
])
def test_reporting_noun_with_a_named_source(lang: str, text: str, cue: str, speaker: str) -> None:
    qs = quotes(text, lang)
    assert len(qs) == 1
    assert qs[0].cue == cue and qs[0].speaker is not None and qs[0].speaker.text == speaker


def test_reporting_noun_without_a_source_reports_nothing() -> None:
    assert quotes("Styret reagerer på kravet om at skolen må legges ned .", "nb") == []


def test_unlabelled_noun_phrase_before_the_verb_is_the_subject() -> None:
    """The parser may leave a fronted subject with an apposition unlabelled (``dep``)."""
    import spacy
    from spacy.tokens import Doc

    from tidende.nlp.clauses import clauses
    from tidende.quotes.finder import QuoteFinder

    words = ["Sjef", "i", "Bygg", ",", "Per", ",", "meiner", "det", "vart", "for", "mange", "jenter", ",", "og",
             "understrekar", "at", "det", "er", "tungt", "."]
    heads = [6, 0, 1, 0, 0, 4, 6, 8, 6, 10, 11, 8, 6, 14, 6, 17, 17, 14, 17, 6]
    deps = ["dep", "ATR", "PUTFYLL", "IK", "KOORD", "IK", "ROOT", "FSUBJ", "DOBJ", "ADV", "ATR", "PSUBJ", "IK",
            "KONJ", "KOORD", "SBU", "FSUBJ", "DOBJ", "SPRED", "IP"]
    pos = ["NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "PRON", "VERB", "ADV", "ADJ", "NOUN",
           "PUNCT", "CCONJ", "VERB", "SCONJ", "PRON", "AUX", "ADJ", "PUNCT"]
    tags = ["subst", "prep", "subst|prop", "<komma>", "subst|prop", "<komma>", "verb|pres", "pron", "verb|pret",
            "adv", "adj", "subst", "<komma>", "konj", "verb|pres", "sbu", "pron", "verb|pres", "adj", "<punkt>"]
    lemmas = ["sjef", "i", "Bygg", ",", "Per", ",", "meine", "det", "verte", "for", "mange", "jente", ",", "og",
              "understreke", "at", "det", "vere", "tung", "."]
    doc = Doc(spacy.blank("nb").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1))
    cl = clauses(doc, scheme="ndt")
    found = QuoteFinder(load_cues("nn")).from_clauses(doc, cl, {})
    texts = {(doc.text[f.start:f.end], f.speaker.text if f.speaker is not None else None) for f in found}
    assert texts == {("det vart for mange jenter", "Sjef i Bygg , Per"), ("det er tungt", "Sjef i Bygg , Per")}
