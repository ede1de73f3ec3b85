"""HTML article pages: main text without boilerplate, metadata, bad pages, and page URLs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.conftest import DATA
from tidende.ingest import html, read_inputs
from tidende.ingest.readers import text_id
from tidende.records import DocDate


def test_page_main_text_title_date_lang_and_url() -> None:
    (res,) = read_inputs([str(DATA / "nb-artikkel.html")])
    art = res.article
    assert res.error is None and art is not None
    assert art.id == "nb-artikkel" and art.source == str(DATA / "nb-artikkel.html")
    assert art.title == "Norge gir mer luftvern til Ukraina"
    assert art.text.splitlines()[0] == art.title
    assert "Forsvarsministeren møter sine nordiske kolleger" in art.text
    assert not any(junk in art.text for junk in ("Forsiden", "Personvern", "Dagsavisa"))
    assert art.date == DocDate.parse("2024-03-12") and art.lang == "nb"
    assert art.url == "http://example.invalid/nyheter/luftvern"  # the canonical link


def test_title_is_prepended_when_the_body_lacks_it() -> None:
    (res,) = read_inputs([str(DATA / "en-report.htm")])
    art = res.article
    assert art is not None and art.lang == "en" and art.date == DocDate.parse("2024-05-02")
    assert art.text.startswith("Ministers agree on new fishing quotas\nNorway and the European Union agreed")
    assert "Subscribe" not in art.text and "Copyright" not in art.text and art.url is None


def test_page_without_article_text_is_reported() -> None:
    (res,) = read_inputs([str(DATA / "forside.html")])
    assert res.article is None and res.error is not None
    assert res.error.code == "E027" and str(DATA / "forside.html") in str(res.error)


def test_folder_reads_pages_and_feeds_in_order() -> None:
    wheres = [r.where.removeprefix(str(DATA) + "/") for r in read_inputs([str(DATA)])]
    assert wheres[:4] == ["en-report.htm", "forside.html", "innstillinger.xml", "nb-artikkel.html"]
    assert wheres[4:] == [*(f"nyheter.rss#{n}" for n in range(1, 5)), "world.atom#1", "world.atom#2"]


@pytest.mark.parametrize(("tag", "lang"), [("nb-NO", "nb"), ("nn", "nn"), ("NNO", "nn"), ("en_US", "en"),
                                           ("no", None), ("sv", None), (None, None)])
def test_lang_code(tag: str | None, lang: str | None) -> None:
    assert html.lang_code(tag) == lang


def test_html_to_text_keeps_blocks_and_drops_markup() -> None:
    got = html.html_to_text("<p>Hei <b>der</b>,&nbsp;du.</p><script>x()</script><ul><li>En</li><li>To</li></ul>")
    assert got == "Hei der, du.\nEn\nTo"


def test_page_url(server: str) -> None:
    url = f"{server}/en-report.htm"
    (res,) = read_inputs([url])
    art = res.article
    assert art is not None and res.where == url
    assert art.id == text_id(url) and art.url == url and art.source == url
    assert art.title == "Ministers agree on new fishing quotas"


def test_fetch_failures_are_reported(server: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    missing = f"{server}/no-such-page.html"
    (res,) = read_inputs([missing])
    assert res.error is not None and res.error.code == "E029"
    assert missing in str(res.error) and "HTTP 404" in str(res.error)
    monkeypatch.setattr(html, "MAX_FETCH_BYTES", 100)
    (res,) = read_inputs([f"{server}/nb-artikkel.html"])
    assert res.error is not None and res.error.code == "E029" and "larger than 100 bytes" in str(res.error)
