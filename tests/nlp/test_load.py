"""Pipeline loading, the Norwegian tokenizer on news text, and entity offsets."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from tidende.errors import TidendeError
from tidende.nlp import load, model_info


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_load_each_language_once(lang: str) -> None:
    nlp = load(lang)
    assert load(lang) is nlp  # cached per process
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names
    assert nlp.pipe_names.index("newline_sentences") < nlp.pipe_names.index("parser")


def test_load_unknown_language() -> None:
    with pytest.raises(TidendeError) as err:
        load("sv")
    assert err.value.code == "E010"


def test_model_info_has_dev_scores() -> None:
    info = model_info("nb")
    assert info["name"] == "tidende_no_news" and info["scores"]["ents_f"] > 0.5
    assert model_info("en")["version"] == "3.8.0"


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Han kom bl.a. fra Oslo.", ["Han", "kom", "bl.a.", "fra", "Oslo", "."]),
        ("F.eks. var det ca. 10 stk.", ["F.eks.", "var", "det", "ca.", "10", "stk."]),
        ("Vedtaket nr. 5 kom 12. mars 2024.", ["Vedtaket", "nr.", "5", "kom", "12.", "mars", "2024", "."]),
        ("– Vi oppfordrer USA, sier Liu.", ["–", "Vi", "oppfordrer", "USA", ",", "sier", "Liu", "."]),
        ("«Som ellers har hatt» tilbakeslag", ["«", "Som", "ellers", "har", "hatt", "»", "tilbakeslag"]),
        ("Nord-Korea og EU-kommisjonen møttes.", ["Nord-Korea", "og", "EU-kommisjonen", "møttes", "."]),
        ("Dvs. at det er avgjort.", ["Dvs.", "at", "det", "er", "avgjort", "."]),
    ],
)
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_tokenizer_news_cases(lang: str, text: str, tokens: list[str]) -> None:
    assert [t.text for t in load(lang).make_doc(text)] == tokens


def test_paragraph_marker_is_not_in_training_text() -> None:
    """NDT's paragraph marker `|` is dropped by the converter, its dependants re-attached."""
    from training.convert import clean

    rows = [["1", "Lam", "lam", "subst", "subst", "_", "0", "FRAG", "_", "name=O"],
            ["2", "|", "$|", "clb", "clb", "<overskrift>", "1", "IP", "_", "name=O"]]
    assert [r[1] for r in clean(rows)] == ["Lam"]


def test_newline_ends_a_sentence() -> None:
    doc = load("nb")("Kina avviser\n\nDen kinesiske ambassaden i USA framholder at Kina ikke har gitt våpen.")
    assert next(s.text.strip() for s in doc.sents) == "Kina avviser"


def test_components_run_on_given_words() -> None:
    nlp = load("nb")
    doc = Doc(nlp.vocab, words=["Kina", "støtter", "Russland", "."])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert doc[1].dep_ and doc[1].tag_.startswith("verb") and doc[1].pos_ in ("VERB", "AUX")


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_entity_offsets_match_text(lang: str) -> None:
    text = {"nb": "Tysklands statsminister Olaf Scholz drar til Beijing, og G7 møtes i Italia.",
            "nn": "Noreg og Sverige har sendt fly til Libya, seier Jonas Gahr Støre i Oslo.",
            "en": "German Chancellor Olaf Scholz travels to Beijing, and the G7 meets in Italy."}[lang]
    doc = load(lang)(text)
    assert doc.ents
    for ent in doc.ents:
        assert text[ent.start_char:ent.end_char] == ent.text


def test_converter_keeps_line_ends_and_spaces_between_sentences() -> None:
    """A sentence that held NDT's `|` ends a line; sentences are separated by a space."""
    from spacy.vocab import Vocab
    from training.convert import make_doc

    headline = [["1", "Lam", "lam", "subst", "subst", "_", "0", "FRAG", "_", "name=O"],
                ["2", "|", "$|", "clb", "clb", "<overskrift>", "1", "IP", "_", "name=O"]]
    body = [["1", "Det", "det", "pron", "pron", "_", "2", "SUBJ", "_", "name=O"],
            ["2", "snør", "snø", "verb", "verb", "pres", "0", "FINV", "_", "name=O"],
            ["3", ".", "$.", "clb", "clb", "<punkt>", "2", "IP", "_", "name=O"]]
    doc = make_doc(Vocab(), [headline, body])
    assert doc.text == "Lam Det snør."
    assert doc.user_data["line_ends"] == [0]
    assert [s.text for s in doc.sents] == ["Lam", "Det snør."]
