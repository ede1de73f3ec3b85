"""Units of the explorer without a server: PLOVER scales, filters' SQL, text segments, chart geometry."""

from __future__ import annotations

from typing import Any

import pytest

from tidende.web.plover import actor_names, event_types, quad, score, score_colour
from tidende.web.queries import BadParam, Filters, _periods, period_of
from tidende.web.render import count_bars, score_bars, segments, snippet


@pytest.mark.parametrize(("event", "mode", "expected"), [
    ("AID", None, 10.0), ("COOPERATE", None, 9.5), ("CONSULT", "visit", 4.0), ("CONSULT", "phone", 1.5),
    ("CONSULT", "unheard-of", 2.5), ("ASSAULT", "unconventional", -10.0), ("COERCE", None, -7.0),
    ("REQUEST", None, 0.0), ("ACCUSE", "disapprove", -2.0), ("ACCUSE", None, -3.0), ("MOBILIZE", "troops", -6.5),
    ("FLY", None, None),
])
def test_plover_scores_follow_the_manual(event: str, mode: str | None, expected: float | None) -> None:
    assert score(event, mode) == expected


def test_every_type_has_a_score_and_a_quad() -> None:
    assert len(event_types()) == 16
    for t in event_types():
        assert score(t, None) is not None and quad(t, None) in (1, 2, 3, 4)
    assert [quad(t, None) for t in ("AGREE", "AID", "THREATEN", "ASSAULT")] == [1, 2, 3, 4]


def test_score_colours_run_from_red_through_grey_to_green() -> None:
    assert score_colour(None) == score_colour(0) == "#969696"
    assert score_colour(-10) == "#c81e1e" and score_colour(10) == "#1e963c"
    r, g = int(score_colour(-5)[1:3], 16), int(score_colour(-5)[3:5], 16)
    assert r > g


def test_actor_names_cover_countries_and_organisations() -> None:
    assert actor_names()["NOR"] == "Norway" and actor_names()["UNO"] == "United Nations"


def test_filters_bind_every_value() -> None:
    f = Filters.parse(actor="CHN", type="AID", quad="2", since="2024-5", until="2024", lang="nb", negated="no",
                      modality="future", q="Kina' OR 1=1")
    where, params = f.sql()
    assert "CHN" not in where and "Kina" not in where and "2024" not in where
    assert params == ["CHN", "actor", "AID", "nb", "future", 2, "2024-05", "2024~", 0, '"Kina\'" "OR" "1=1"']
    assert f.query() == {"actor": "CHN", "type": "AID", "quad": "2", "since": "2024-05", "until": "2024",
                         "lang": "nb", "negated": "false", "modality": "future", "q": "Kina' OR 1=1"}


@pytest.mark.parametrize("raw", [{"quad": "0"}, {"since": "2024-02-30"}, {"actor": "C HN"}, {"negated": "2"},
                                 {"q": "x\x00y"}, {"since": "2025", "until": "2024-12-31"}])
def test_filters_refuse_bad_values(raw: dict[str, str]) -> None:
    with pytest.raises(BadParam):
        Filters.parse(**raw)


def test_punctuation_only_text_is_no_filter() -> None:
    assert Filters.parse(q=' "* ').q is None


@pytest.mark.parametrize(("date", "by", "expected"), [
    ("2024-04-15", "month", "2024-04"), ("2024-04", "month", "2024-04"), ("2024", "month", None),
    ("2024-04-15", "week", "2024-W16"), ("2024-04", "week", None), (None, "month", None),
    ("2024-12-30", "week", "2025-W01"),
])
def test_periods_of_dates(date: str | None, by: str, expected: str | None) -> None:
    assert period_of(date, by) == expected


def test_periods_fill_the_gaps_across_years() -> None:
    assert _periods("2023-11", "2024-02", "month") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert _periods("2024-W52", "2025-W02", "week") == ["2024-W52", "2025-W01", "2025-W02"]


def article() -> dict[str, Any]:
    text = "Kina <b>hjelper</b> Russland, sa «han»."
    trig = {"text": "hjelper", "start": 8, "end": 15}
    return {"text": text,
            "entities": [{"text": "Kina", "start": 0, "end": 4, "label": "GPE", "code": "CHN"},
                         {"text": "bad", "start": 90, "end": 95, "label": "GPE", "code": None}],
            "quotes": [{"kind": "indirect", "start": 0, "end": 28, "cue_start": 30, "cue_end": 32,
                        "speaker": {"text": "han", "start": 34, "end": 37, "code": "USA"}}],
            "events": [{"id": "e1", "event": "AID", "quad": 2, "trigger": trig,
                        "evidence": {"text": text[:28], "start": 0, "end": 28}},
                       {"id": "e2", "event": "ASSAULT", "quad": 4, "trigger": trig,
                        "evidence": {"text": text[5:28], "start": 5, "end": 28}}]}


def test_segments_cover_the_text_once_and_carry_every_span() -> None:
    art = article()
    segs = segments(art)
    assert "".join(s.text for s in segs) == art["text"]
    trig = next(s for s in segs if s.text == "hjelper")
    assert trig.trig == ["e1", "e2"] and trig.evid == ["e1", "e2"]
    assert "q2" in trig.classes and "q4" not in trig.classes  # the first event's colour
    assert {"quote", "evid", "trig"} <= set(trig.classes)
    kina = segs[0]
    assert kina.text == "Kina" and {"ent", "quote", "evid"} <= set(kina.classes) and "GPE CHN" in kina.notes
    assert next(s for s in segs if s.text == "han").classes == ["speaker"]
    assert next(s for s in segs if s.text == "sa").classes == ["cue"]


def test_snippet_splits_evidence_around_the_trigger() -> None:
    ev = article()["events"][1]
    assert snippet(ev) == ("<b>", "hjelper", "</b> Russland")
    assert snippet({**ev, "trigger": {"text": "x", "start": 40, "end": 41}}) == (ev["evidence"]["text"], "", "")


def test_score_bars_go_up_for_cooperation_and_down_for_conflict() -> None:
    bars = score_bars([{"period": "2024-01", "score": 10.0, "events": 1}, {"period": "2024-02", "score": None,
                                                                           "events": 0},
                       {"period": "2024-03", "score": -5.0, "events": 2}])
    assert [b.css for b in bars] == ["pos", "neg"]
    assert bars[0].y == 0 and bars[0].height == 100 and bars[1].y == 100 and bars[1].height == 50
    assert bars[1].x == pytest.approx(2 * 240 + 1)


def test_count_bars_scale_to_the_largest_count() -> None:
    bars = count_bars([{"period": "2024-01", "as_actor": 4, "as_recipient": 0},
                       {"period": "2024-02", "as_actor": 2, "as_recipient": 1}], ("as_actor", "as_recipient"))
    assert [(b.css, round(b.height)) for b in bars] == [("as_actor", 190), ("as_actor", 95), ("as_recipient", 48)]
