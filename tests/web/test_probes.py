"""XSS and SQL-injection probes over every page and API route and every parameter: all must fail.

A probe fails when the answer is 200/400/404 (never 500), an HTML answer carries no markup from the
payload (no script but the app's own, no event-handler attribute, no ``javascript:`` link, no
img/svg/iframe), a JSON answer is served as JSON, SQL in a value is taken literally, and the store
is unchanged afterwards.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from tests.web.test_pages import tags
from tidende.records import Document

XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
]
SQLI = [
    "' OR '1'='1",
    "CHN' OR 1=1 --",
    "1; DROP TABLE events; --",
    "1 UNION SELECT record FROM events --",
    '"',
]
FILTER_PARAMS = ["actor", "recipient", "type", "quad", "since", "until", "lang", "negated", "modality", "q"]
#: Every page and API route with every parameter it reads; pages get every payload, the JSON API
#: (answered as application/json, so nothing in it is markup) the SQL ones.
ROUTES: list[tuple[str, list[str], list[str]]] = [
    ("/events", [*FILTER_PARAMS, "view", "page", "per_page"], XSS + SQLI),
    ("/network", FILTER_PARAMS, XSS + SQLI),
    ("/dyad", ["a", "b", "by", *FILTER_PARAMS], XSS + SQLI),
    ("/actors/CHN", ["by"], XSS + SQLI),
    ("/api/events", [*FILTER_PARAMS, "view", "page", "per_page"], SQLI),
    ("/api/network", FILTER_PARAMS, SQLI),
    ("/api/dyad", ["a", "b", "by", *FILTER_PARAMS], SQLI),
    ("/api/actors/CHN", ["by"], SQLI),
]
#: Valid values of the other parameters, so the probed one is the only thing wrong.
BASE = {"/dyad": {"a": "NOR", "b": "UKR"}, "/api/dyad": {"a": "NOR", "b": "UKR"}}
CASES = [(path, param, payloads) for path, params, payloads in ROUTES for param in params]
PATH_ROUTES = ["/articles/", "/api/articles/", "/actors/", "/api/actors/"]


def assert_safe(r: httpx.Response) -> None:
    assert r.status_code in (200, 400, 404), (r.status_code, r.text[:300])
    if r.request.url.path.startswith("/api/"):
        assert r.headers["content-type"] == "application/json"
        return
    assert r.headers["content-type"].startswith("text/html")
    for tag, attrs in tags(r.text):
        assert tag not in ("img", "iframe", "object", "embed") and (tag != "svg" or attrs.get("class") == "chart")
        assert tag != "script" or (attrs.get("src") or "").startswith("/static/"), attrs
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for url in ("href", "src", "action", "formaction"):
            assert not (attrs.get(url) or "").strip().lower().startswith("javascript:"), (tag, attrs)


@pytest.fixture(scope="module")
def counts(db: Path) -> dict[str, int]:
    """Row counts of every table before the probes."""
    return table_counts(db)


def table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    out = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    conn.close()
    return out


@pytest.mark.usefixtures("counts")
@pytest.mark.parametrize(("path", "param", "payloads"), CASES, ids=[f"{p}-{q}" for p, q, _ in CASES])
def test_query_parameter_probes_fail(client: httpx.Client, path: str, param: str, payloads: list[str]) -> None:
    for payload in payloads:
        assert_safe(client.get(path, params={**BASE.get(path, {}), param: payload}))


@pytest.mark.parametrize("route", PATH_ROUTES)
def test_path_parameter_probes_fail(client: httpx.Client, route: str) -> None:
    for payload in XSS + SQLI:
        r = client.get(route + quote(payload, safe=""))
        assert r.status_code == 404
        assert_safe(r)


@pytest.mark.parametrize("param", ["actor", "recipient", "a", "b", "type", "lang", "modality", "quad", "since",
                                   "negated"])
def test_sql_in_a_coded_parameter_is_refused(client: httpx.Client, param: str) -> None:
    path = "/api/dyad" if param in ("a", "b") else "/api/events"
    for payload in SQLI:
        params = {"a": "NOR", "b": "UKR", param: payload} if path == "/api/dyad" else {param: payload}
        r = client.get(path, params=params)
        assert r.status_code == 400 and f"bad parameter {param!r}" in r.json()["error"]


@pytest.mark.parametrize("payload", SQLI + XSS)
def test_free_text_is_matched_literally(client: httpx.Client, docs: dict[str, Document], payload: str) -> None:
    words = [w.lower() for w in re.findall(r"\w+", payload)]
    expected = set()
    for d in docs.values():
        have = set(re.findall(r"\w+", f"{d.title or ''} {d.text}".lower()))
        if words and all(w in have for w in words):
            expected |= {(d.id, e.id) for e in d.events}
    r = client.get("/api/events", params={"q": payload, "per_page": "200"})
    assert r.status_code == 200
    got = {(i["article_id"], i["id"]) for i in r.json()["items"]}
    assert got == (expected if words else {(d.id, e.id) for d in docs.values() for e in d.events})


def test_the_store_is_unchanged_by_the_probes(client: httpx.Client, db: Path, counts: dict[str, int]) -> None:
    for payload in SQLI:
        client.get("/api/events", params={"q": payload})
        client.get(f"/api/articles/{payload}")
    assert table_counts(db) == counts


@pytest.mark.parametrize("path", [
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/articles/..%2F..%2F..%2Fetc%2Fpasswd",
    "/api/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
])
def test_path_traversal_reads_nothing(client: httpx.Client, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "root:" not in r.text


@pytest.mark.parametrize("path", ["/events", "/api/events", "/network", "/api/dyad"])
def test_oversized_parameters_are_answered_without_error(client: httpx.Client, path: str) -> None:
    big = "A" * 30_000  # httpx refuses URLs over 64 kB
    for param in ("actor", "q", "since"):
        params = {"a": "NOR", "b": big} if path == "/api/dyad" else {param: big}
        r = client.get(path, params=params)
        assert r.status_code in (200, 400), (path, param, r.status_code)
        assert big not in r.text  # neither echoed back nor run as a search for itself
