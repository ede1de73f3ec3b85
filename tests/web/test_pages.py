"""The server-rendered pages: content, escaping, highlights, links, errors."""

from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser

import httpx
import pytest

from tests.web.conftest import IMG, SCRIPT
from tidende.records import Document


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def article_text(page: str) -> str:
    """The text of the page's article element, as the browser shows it."""
    body = page.split('<article id="text" class="text">', 1)[1].split("</article>", 1)[0]
    return htmllib.unescape(re.sub(r"<[^>]+>", "", body))


PAGES = ["/events", "/events?view=clusters", "/articles/nb-xss", "/articles/seed-article", "/actors/CHN",
         "/network", "/dyad", "/dyad?a=CHN&b=RUS"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script_style_or_handlers(client: httpx.Client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    for tag, attrs in tags(r.text):
        assert tag != "style" and "style" not in attrs, (tag, attrs)
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
        if tag == "script":
            assert (attrs.get("src") or "").startswith("/static/"), attrs
        assert tag not in ("img", "iframe", "object", "embed"), tag


def test_root_redirects_to_events(client: httpx.Client) -> None:
    r = client.get("/", follow_redirects=False)
    assert r.status_code == 302 and r.headers["location"] == "/events"


def test_events_page_lists_and_links_every_mention(client: httpx.Client, docs: dict[str, Document]) -> None:
    html = client.get("/events", params={"per_page": "200"}).text
    n = sum(len(d.events) for d in docs.values())
    assert f"{n} mentions; page 1 of 1" in html
    links = set(re.findall(r'href="/articles/([^"#]+)#ev-([^"]+)"', html))
    assert links == {(d.id, e.id) for d in docs.values() for e in d.events}


def test_events_page_filters_and_paginates(client: httpx.Client, docs: dict[str, Document]) -> None:
    n = sum(e.event == "AID" and "NOR" in {a.code for a in e.actor} for d in docs.values() for e in d.events)
    assert n >= 2
    html = client.get("/events", params={"actor": "NOR", "type": "AID", "per_page": "1"}).text
    assert f"{n} mentions; page 1 of {n}" in html
    assert 'rel="next" href="?actor=NOR&amp;type=AID&amp;per_page=1&amp;page=2"' in html
    assert '<option selected>AID</option>' in html and 'name="actor" list="codes" value="NOR"' in html
    page2 = client.get("/events", params={"actor": "NOR", "type": "AID", "per_page": "1", "page": "2"}).text
    assert 'rel="prev"' in page2 and 'rel="next"' not in page2


def test_events_page_clusters_view(client: httpx.Client) -> None:
    html = client.get("/events", params={"view": "clusters", "actor": "NOR", "type": "AID"}).text
    assert "<th>Sources</th>" in html and re.search(r"\d+ clusters?;", html)


def test_article_page_escapes_the_text_and_keeps_norwegian_typography(client: httpx.Client) -> None:
    html = client.get("/articles/nb-xss").text
    for payload in (SCRIPT, IMG, "<script>alert", "<img"):
        assert payload not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "onerror=alert(1)&gt;" in html  # shown as text, never as an attribute
    text = article_text(html)
    for s in ("«Dette er uakseptabelt»", "Tromsø", "Ålesund", "nærmiljøet", "Ukraina – «", SCRIPT, IMG):
        assert s in text


def test_article_page_highlights_spans_by_quad_class(client: httpx.Client, docs: dict[str, Document]) -> None:
    html = client.get("/articles/nb-xss").text
    doc = docs["nb-xss"]
    found = tags(html)
    for ev in doc.events:
        trig = [a for t, a in found if t == "span" and ev.id in (a.get("data-trig") or "").split()]
        assert trig, f"no trigger span for {ev.id}"
        assert any(c in (trig[0].get("class") or "").split() for c in ("q1", "q2", "q3", "q4"))
        assert any(ev.id in (a.get("data-evid") or "").split() for t, a in found if t == "span")
        assert (("li", f"ev-{ev.id}") in {(t, a.get("id")) for t, a in found})
    classes = {c for t, a in found if t == "span" for c in (a.get("class") or "").split()}
    assert {"ent", "quote", "speaker", "cue", "trig", "evid"} <= classes
    attributed = [e.attribution for d in docs.values() for e in d.events if e.attribution]
    assert attributed
    for d in docs.values():
        page = html if d.id == "nb-xss" else client.get(f"/articles/{d.id}").text
        for e in d.events:
            if e.attribution:
                assert htmllib.escape(f"according to {e.attribution.text}", quote=False) in page


def test_article_text_reassembles_exactly(client: httpx.Client, docs: dict[str, Document]) -> None:
    for doc_id in ("seed-article", "nb-xss"):
        assert article_text(client.get(f"/articles/{doc_id}").text) == docs[doc_id].text


def test_actor_page_shows_timeline_partners_and_quotes(client: httpx.Client, docs: dict[str, Document]) -> None:
    html = client.get("/actors/CHN").text
    assert "<h1>CHN <span class=\"dim\">China</span></h1>" in html
    assert 'href="/dyad?a=CHN&amp;b=RUS"' in html and 'href="/actors/RUS"' in html
    assert "<svg class=\"chart\"" in html and "as_actor" in html
    quotes = [q for d in docs.values() for q in d.quotes if q.speaker and q.speaker.code == "CHN"]
    assert quotes and all(htmllib.escape(q.content) in html for q in quotes)
    week = client.get("/actors/CHN", params={"by": "week"})
    assert week.status_code == 200 and "<th>Week</th>" in week.text


def test_network_page_points_its_script_at_the_filtered_api(client: httpx.Client) -> None:
    html = client.get("/network", params={"type": "AID", "since": "2024-05"}).text
    assert 'data-api="/api/network?type=AID&amp;since=2024-05"' in html
    assert '<script src="/static/vendor/cytoscape.min.js"></script>' in html
    assert 'id="__________cytoscape_stylesheet"' in html


def test_dyad_page_charts_the_score(client: httpx.Client) -> None:
    for a, b in (("NOR", "UKR"), ("RUS", "UKR")):
        data = client.get("/api/dyad", params={"a": a, "b": b}).json()
        html = client.get("/dyad", params={"a": a, "b": b}).text
        assert 'id="dyad-chart"' in html and data["series"]
        for p in (p for p in data["series"] if p["events"]):
            assert f"<tr><td>{p['period']}</td><td>{p['events']}</td><td>{p['score']:+.2f}</td>" in html
            assert f'<rect class="{"pos" if p["score"] > 0 else "neg"}"' in html


@pytest.mark.parametrize(("path", "status", "message"), [
    ("/articles/nope", 404, "no article &#39;nope&#39;"),
    ("/actors/ZZZ", 404, "no actor &#39;ZZZ&#39;"),
    ("/nope", 404, "no page &#39;/nope&#39;"),
    ("/events?quad=7", 400, "bad parameter &#39;quad&#39;"),
    ("/events?page=-1", 400, "bad parameter &#39;page&#39;"),
    ("/dyad?a=CHN", 400, "bad parameter &#39;b&#39;"),
    ("/actors/CHN?by=year", 400, "bad parameter &#39;by&#39;"),
])
def test_errors_are_html_pages_with_a_message(client: httpx.Client, path: str, status: int, message: str) -> None:
    r = client.get(path)
    assert r.status_code == status and r.headers["content-type"].startswith("text/html")
    assert message in r.text and f"Error {status}" in r.text


def test_static_files_have_the_right_types(client: httpx.Client) -> None:
    assert client.get("/static/article.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/tidende.css").headers["content-type"].startswith("text/css")
    lic = client.get("/static/vendor/cytoscape.LICENSE")
    assert lic.status_code == 200 and "The Cytoscape Consortium" in lic.text
