"""The JSON API over a store built by the real pipeline: every answer checked against the stored documents."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tidende.records import Document, Event
from tidende.store import open_store
from tidende.web.plover import quad, score
from tidende.web.queries import connect

Pred = Callable[[Document, Event], bool]


def mentions(docs: dict[str, Document], pred: Pred = lambda d, e: True) -> set[tuple[str, str]]:
    return {(d.id, e.id) for d in docs.values() for e in d.events if pred(d, e)}


def got(client: httpx.Client, **params: str) -> set[tuple[str, str]]:
    r = client.get("/api/events", params={**params, "per_page": "200"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["items"])
    return {(i["article_id"], i["id"]) for i in body["items"]}


def overlaps(date: str | None, since: str, until: str) -> bool:
    return date is not None and date + "~" >= since and date <= until + "~"


def codes(actors: list[Any]) -> set[str]:
    return {a.code for a in actors}


FILTERS: list[tuple[dict[str, str], Pred]] = [
    ({"actor": "CHN"}, lambda d, e: "CHN" in codes(e.actor)),
    ({"recipient": "UKR"}, lambda d, e: "UKR" in codes(e.recipient)),
    ({"actor": "NOR", "recipient": "UKR"}, lambda d, e: "NOR" in codes(e.actor) and "UKR" in codes(e.recipient)),
    ({"type": "AID"}, lambda d, e: e.event == "AID"),
    ({"quad": "4"}, lambda d, e: quad(e.event, e.mode) == 4),
    ({"quad": "1", "lang": "nb"}, lambda d, e: quad(e.event, e.mode) == 1 and d.lang == "nb"),
    ({"lang": "en"}, lambda d, e: d.lang == "en"),
    ({"negated": "true"}, lambda d, e: e.negated),
    ({"negated": "false"}, lambda d, e: not e.negated),
    ({"modality": "future"}, lambda d, e: e.modality == "future"),
    ({"since": "2024-05", "until": "2024-05-31"}, lambda d, e: overlaps(e.date, "2024-05", "2024-05-31")),
    ({"since": "2024-05-15"}, lambda d, e: overlaps(e.date, "2024-05-15", "9999")),
    ({"until": "2024-04-10"}, lambda d, e: overlaps(e.date, "0000", "2024-04-10")),
    ({"q": "Scholz"}, lambda d, e: "Scholz" in d.text),
    ({"q": "nødhjelp Tromsø"}, lambda d, e: "nødhjelp" in d.text and "Tromsø" in d.text),
]


def test_unfiltered_lists_every_stored_mention(client: httpx.Client, docs: dict[str, Document]) -> None:
    assert got(client) == mentions(docs)
    assert len(docs) == 4 and len(mentions(docs)) > 20


@pytest.mark.parametrize(("params", "pred"), FILTERS, ids=[str(p) for p, _ in FILTERS])
def test_filters_select_exactly_the_matching_mentions(client: httpx.Client, docs: dict[str, Document],
                                                      params: dict[str, str], pred: Pred) -> None:
    expected = mentions(docs, pred)
    assert expected, f"the test store has no event for {params}; the filter would not be tested"
    assert got(client, **params) == expected


def test_items_carry_article_metadata_quad_and_score(client: httpx.Client, docs: dict[str, Document]) -> None:
    items = client.get("/api/events", params={"lang": "en"}).json()["items"]
    assert items
    for item in items:
        ev = next(e for e in docs[item["article_id"]].events if e.id == item["id"])
        assert item["event"] == ev.event and item["trigger"] == ev.trigger.model_dump()
        assert item["quad"] == quad(ev.event, ev.mode) and item["score"] == score(ev.event, ev.mode)
        assert item["title"] == "Norway and China hold talks – Ukraine on the agenda"
        assert item["article_date"] == "2024-05-02" and item["lang"] == "en"


def test_pages_partition_the_results(client: httpx.Client, docs: dict[str, Document]) -> None:
    seen: list[tuple[str, str]] = []
    page = 1
    while True:
        body = client.get("/api/events", params={"per_page": "4", "page": str(page)}).json()
        if not body["items"]:
            break
        assert len(body["items"]) <= 4
        seen += [(i["article_id"], i["id"]) for i in body["items"]]
        page += 1
    assert len(seen) == len(set(seen)) and set(seen) == mentions(docs)
    assert page == -(-len(seen) // 4) + 1


def test_clusters_view_gives_one_record_per_cluster(client: httpx.Client, db: Path) -> None:
    body = client.get("/api/events", params={"view": "clusters", "per_page": "200"}).json()
    with open_store(db, readonly=True) as store:
        expected = {r["cluster_id"]: r for r in store.events(clusters=True)}
    assert body["view"] == "clusters" and body["total"] == len(expected)
    for item in body["items"]:
        ref = expected[item["cluster_id"]]
        assert (item["sources"], item["mentions"]) == (ref["sources"], ref["mentions"])
        assert item["first_reported"] == ref["first_reported"]


def test_article_has_its_text_and_exact_spans(client: httpx.Client, docs: dict[str, Document]) -> None:
    art = client.get("/api/articles/nb-xss").json()
    doc = docs["nb-xss"]
    assert art["text"] == doc.text and all(c in art["text"] for c in "æøåÅ«»–")
    assert "«Dette er uakseptabelt»" in art["text"] and "<script>alert(1)</script>" in art["text"]
    assert [e["id"] for e in art["events"]] == [e.id for e in doc.events]
    for e in art["events"]:
        for span in (e["trigger"], e["evidence"]):
            assert art["text"][span["start"]:span["end"]] == span["text"]
        assert e["quad"] in (1, 2, 3, 4) and isinstance(e["score"], float)
    assert len(art["quotes"]) == len(doc.quotes) and len(art["entities"]) == len(doc.entities)


def test_actor_summary_counts_roles_partners_and_quotes(client: httpx.Client, docs: dict[str, Document]) -> None:
    a = client.get("/api/actors/NOR").json()
    events = [e for d in docs.values() for e in d.events]
    assert a["name"] == "Norway"
    assert a["events_as_actor"] == sum("NOR" in codes(e.actor) for e in events)
    assert a["events_as_recipient"] == sum("NOR" in codes(e.recipient) for e in events)
    ukr = next(p for p in a["partners"] if p["code"] == "UKR")
    assert ukr["as_actor"] == sum("NOR" in codes(e.actor) and "UKR" in codes(e.recipient) for e in events)
    assert [p["period"] for p in a["timeline"]] == ["2024-05", "2024-06"]
    speakers = [q for d in docs.values() for q in d.quotes if q.speaker and q.speaker.code == "NOR"]
    assert len(a["quotes"]) == len(speakers) > 0


@pytest.mark.parametrize("code", ["ZZZ", "nor", "NOR'--", "a b"])
def test_unknown_actor_is_404(client: httpx.Client, code: str) -> None:
    r = client.get(f"/api/actors/{code}")
    assert r.status_code == 404 and "no actor" in r.json()["error"]


def test_unknown_article_is_404(client: httpx.Client) -> None:
    r = client.get("/api/articles/nope")
    assert r.status_code == 404 and r.json() == {"error": "no article 'nope'", "status": 404}


def edges(docs: dict[str, Document], pred: Pred = lambda d, e: True) -> dict[tuple[str, str], int]:
    out: Counter[tuple[str, str]] = Counter()
    for d in docs.values():
        for e in d.events:
            if pred(d, e):
                for a in codes(e.actor):
                    for b in codes(e.recipient) - {a}:
                        out[a, b] += 1
    return dict(out)


def test_network_edges_count_actor_recipient_pairs(client: httpx.Client, docs: dict[str, Document]) -> None:
    net = client.get("/api/network").json()
    expected = edges(docs)
    assert {(x["source"], x["target"]): x["events"] for x in net["edges"]} == expected
    assert {n["id"] for n in net["nodes"]} == {c for pair in expected for c in pair}
    events = [e for d in docs.values() for e in d.events]
    for x in net["edges"]:
        scores = [score(e.event, e.mode) for e in events if x["source"] in codes(e.actor)
                  and x["target"] in codes(e.recipient)]
        assert x["score"] == pytest.approx(sum(scores) / len(scores), abs=0.01)  # type: ignore[arg-type]
        assert x["colour"].startswith("#") and len(x["colour"]) == 7


def test_network_filters_by_type_and_date(client: httpx.Client, docs: dict[str, Document]) -> None:
    net = client.get("/api/network", params={"type": "AID", "since": "2024-05"}).json()
    expected = edges(docs, lambda d, e: e.event == "AID" and overlaps(e.date, "2024-05", "9999"))
    assert expected and {(x["source"], x["target"]): x["events"] for x in net["edges"]} == expected


def between(docs: dict[str, Document], a: str, b: str) -> list[Event]:
    return [e for d in docs.values() for e in d.events
            if (a in codes(e.actor) and b in codes(e.recipient)) or (b in codes(e.actor) and a in codes(e.recipient))]


def test_dyad_scores_per_month_and_week(client: httpx.Client, docs: dict[str, Document]) -> None:
    evs = between(docs, "NOR", "UKR")
    month = client.get("/api/dyad", params={"a": "NOR", "b": "UKR"}).json()
    months = sorted({e.date[:7] for e in evs if e.date and len(e.date) >= 7})
    assert len(months) >= 2 and [p["period"] for p in month["series"]] == months  # consecutive in the test store
    for p in month["series"]:
        scores = [score(e.event, e.mode) for e in evs if e.date and e.date.startswith(p["period"])]
        assert p["events"] == len(scores)
        assert p["score"] == pytest.approx(sum(scores) / len(scores), abs=0.01)  # type: ignore[arg-type]
    week = client.get("/api/dyad", params={"a": "NOR", "b": "UKR", "by": "week"}).json()
    weeks = sorted({"{}-W{:02d}".format(*dt.date.fromisoformat(e.date).isocalendar()[:2])
                    for e in evs if e.date and len(e.date) == 10})
    periods = [p["period"] for p in week["series"]]
    assert periods[0] == weeks[0] and periods[-1] == weeks[-1] and set(weeks) <= set(periods)
    assert all(p["events"] == 0 for p in week["series"] if p["period"] not in weeks)


def test_dyad_keeps_directions_apart(client: httpx.Client, docs: dict[str, Document]) -> None:
    d = client.get("/api/dyad", params={"a": "RUS", "b": "NOR"}).json()
    evs = between(docs, "RUS", "NOR")
    rus_to_nor = sum("RUS" in codes(e.actor) for e in evs)
    assert rus_to_nor and sum(p["a_to_b"]["events"] for p in d["series"]) == rus_to_nor
    assert sum(p["b_to_a"]["events"] for p in d["series"]) == len(evs) - rus_to_nor


BAD = [
    ("/api/events", {"quad": "5"}, "quad"),
    ("/api/events", {"type": "FLY"}, "type"),
    ("/api/events", {"since": "2024-13-01"}, "since"),
    ("/api/events", {"until": "yesterday"}, "until"),
    ("/api/events", {"since": "2024-06", "until": "2024-05"}, "since"),
    ("/api/events", {"lang": "de"}, "lang"),
    ("/api/events", {"negated": "maybe"}, "negated"),
    ("/api/events", {"modality": "certain"}, "modality"),
    ("/api/events", {"actor": "CHN;DROP"}, "actor"),
    ("/api/events", {"view": "all"}, "view"),
    ("/api/events", {"page": "0"}, "page"),
    ("/api/events", {"page": "x"}, "page"),
    ("/api/events", {"per_page": "201"}, "per_page"),
    ("/api/events", {"q": "a" * 201}, "q"),
    ("/api/events", {"q": "tab\there"}, "q"),
    ("/api/dyad", {"a": "NOR"}, "b"),
    ("/api/dyad", {}, "a"),
    ("/api/dyad", {"a": "NOR", "b": "NOR"}, "b"),
    ("/api/dyad", {"a": "NOR", "b": "UKR", "by": "day"}, "by"),
]


@pytest.mark.parametrize(("path", "params", "name"), BAD, ids=[f"{p}{q}" for p, q, _ in BAD])
def test_bad_parameters_are_400_with_a_message(client: httpx.Client, path: str, params: dict[str, str],
                                               name: str) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 400, r.text
    assert r.headers["content-type"] == "application/json"
    assert f"bad parameter {name!r}" in r.json()["error"]


def test_openapi_documents_the_json_api(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {"/api/events", "/api/articles/{article_id}", "/api/actors/{code}", "/api/network",
                                  "/api/dyad"}
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert names == {"actor", "recipient", "type", "quad", "since", "until", "lang", "negated", "modality", "q",
                     "view", "page", "per_page"}


@pytest.mark.parametrize("path", ["/events", "/api/events", "/static/tidende.css", "/nope", "/api/events?quad=9",
                                  "/openapi.json", "/articles/seed-article"])
def test_every_response_has_the_security_headers(live: httpx.Client, path: str) -> None:
    h = live.get(path).headers
    assert h["content-security-policy"].startswith("default-src 'self'; script-src 'self'; style-src 'self';")
    for part in ("frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"):
        assert part in h["content-security-policy"]
    assert h["x-content-type-options"] == "nosniff" and h["referrer-policy"] == "no-referrer"


def test_unexpected_errors_are_500_without_a_traceback(client: httpx.Client, monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr("tidende.web.queries.Reader.network", boom)
    monkeypatch.setattr("tidende.web.queries.Reader.events", boom)
    for path in ("/api/network", "/events"):
        r = client.get(path)
        assert r.status_code == 500
        assert "secret detail" not in r.text and "Traceback" not in r.text and "internal error" in r.text
        assert "content-security-policy" in r.headers


def test_readers_see_a_consistent_store_while_an_ingest_writes(live: httpx.Client, db: Path,
                                                               docs: dict[str, Document]) -> None:
    total = len(mentions(docs))
    with open_store(db) as store:
        store.conn.execute("BEGIN IMMEDIATE")
        try:
            store.conn.execute("DELETE FROM events")
            r = live.get("/api/events", params={"per_page": "1"})
            assert r.status_code == 200 and r.json()["total"] == total
        finally:
            store.conn.execute("ROLLBACK")


def test_connections_are_read_only(db: Path) -> None:
    conn = connect(db)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM events")
    conn.close()


def test_a_store_path_with_odd_characters_opens(db: Path, tmp_path: Path) -> None:
    odd = tmp_path / "nyheter æøå ?#%.db"
    shutil.copy(db, odd)
    conn = connect(odd)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    conn.close()
