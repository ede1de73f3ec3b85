"""RSS and Atom feeds: one article per entry, bad entries reported by index, feed URLs and fetched links."""

from __future__ import annotations

import socket

from tests.ingest.conftest import DATA
from tidende.ingest import read_inputs
from tidende.ingest.feeds import read_feed
from tidende.ingest.readers import ReadResult, text_id
from tidende.records import DocDate


def _by_index(results: list[ReadResult]) -> dict[str, ReadResult]:
    return {r.where.rsplit("#", 1)[1]: r for r in results}


def test_rss_entries_become_articles() -> None:
    where = str(DATA / "nyheter.rss")
    got = _by_index(list(read_inputs([where])))
    assert sorted(got) == ["1", "2", "3", "4"]
    first = got["1"].article
    assert first is not None and first.source == f"{where}#1"
    assert first.text == ("Norge gir mer luftvern til Ukraina\n"
                          "Statsministeren sa tirsdag at Norge vil gi Ukraina mer militær støtte i år.")
    assert first.id == text_id("dagsavisa-1001")  # the guid
    assert first.lang == "nb" and first.date == DocDate.parse("2024-03-12")
    assert first.url == "http://example.invalid/nyheter/luftvern"
    assert first.title == "Norge gir mer luftvern til Ukraina"
    second = got["2"].article
    assert second is not None and second.id == text_id("http://example.invalid/nyheter/flom")  # no guid: the link
    assert "Elevene får undervisning på rådhuset." in second.text  # content:encoded beats the short description
    assert "Kort ingress" not in second.text
    bad = got["3"]
    assert bad.article is None and bad.error is not None and bad.error.code == "E004"
    assert str(bad.error).startswith(f"{where}#3: ")


def test_atom_entries_and_stable_ids() -> None:
    where = str(DATA / "world.atom")
    once, again = list(read_inputs([where])), list(read_inputs([where]))
    assert [r.article for r in once] == [r.article for r in again]
    arts = [r.article for r in once]
    assert all(a is not None and a.lang == "en" for a in arts)
    assert [a.date.iso() for a in arts if a and a.date] == ["2024-05-02", "2024-05-03"]  # published, else updated
    assert len({a.id for a in arts if a}) == 2
    assert arts[0] is not None and arts[0].text.endswith("Fishing organisations criticised the deal.")


def test_xml_that_is_no_feed_is_reported() -> None:
    (res,) = read_inputs([str(DATA / "innstillinger.xml")])
    assert res.error is not None and res.error.code == "E028" and "innstillinger.xml" in str(res.error)
    (res,) = read_feed(b"<html><body><p>Ikke en feed.</p></body></html>", "side.rss")
    assert res.error is not None and res.error.code == "E028" and res.where == "side.rss"


def test_an_impossible_date_is_dropped_not_fatal() -> None:
    feed = (b'<rss version="2.0"><channel><item><title>Gammel nyhet</title><description>Tekst.</description>'
            b"<pubDate>Sat, 01 Jan 0000 00:00:00 GMT</pubDate></item></channel></rss>")
    (res,) = read_feed(feed, "gammel.rss")
    assert res.article is not None and res.article.date is None and res.article.text == "Gammel nyhet\nTekst."


def test_feed_url_gives_the_same_articles_as_the_file(server: str) -> None:
    from_file = [r.article.id for r in read_inputs([str(DATA / "world.atom")]) if r.article]
    results = list(read_inputs([f"{server}/world.atom"]))
    assert [r.where for r in results] == [f"{server}/world.atom#1", f"{server}/world.atom#2"]
    assert [r.article.id for r in results if r.article] == from_file
    assert all(r.article and r.article.url and r.article.url.startswith(server) for r in results)


def test_fetch_links_reads_the_linked_pages(server: str) -> None:
    url = f"{server}/nyheter.rss"
    plain = _by_index(list(read_inputs([url])))
    fetched = _by_index(list(read_inputs([url], fetch_links=True)))
    page = fetched["1"].article
    assert page is not None and plain["1"].article is not None
    assert page.id == plain["1"].article.id  # the same article, so re-ingest replaces it
    assert "Forsvarsministeren møter sine nordiske kolleger" in page.text
    assert page.url == f"{server}/nyheter/luftvern" and page.date == DocDate.parse("2024-03-12")
    assert fetched["2"].error is not None and fetched["2"].error.code == "E029"  # link not served: 404
    assert str(fetched["2"].error).startswith(f"{url}#2: ") and f"{server}/nyheter/flom" in str(fetched["2"].error)
    assert fetched["3"].error is not None and fetched["3"].error.code == "E029"
    assert fetched["4"].error is not None and fetched["4"].error.code == "E029"


def test_fetch_links_reports_a_page_without_text(server: str) -> None:
    results = _by_index(list(read_inputs([f"{server}/world.atom"], fetch_links=True)))
    assert results["1"].article is not None and "Brussels" in results["1"].article.text
    assert results["2"].error is not None and results["2"].error.code == "E027"  # linked to the empty front page


def test_unreachable_url_is_reported() -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/feed.rss"
    (res,) = read_inputs([url])
    assert res.error is not None and res.error.code == "E029" and res.where == url
