"""RSS and Atom feeds (``feedparser``): one article per entry, from its text or, on request, its linked page.

An entry's id is a hash of its ``guid``/``id`` (else its link, else its text), so reading a
feed again, with or without ``fetch_links``, yields the same ids and re-ingest replaces
rather than duplicates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from tidende.errors import TidendeError
from tidende.ingest.html import fetch, html_to_text, lang_code, read_page, with_title
from tidende.ingest.readers import ReadResult, _check_text, text_id
from tidende.records import Article, DocDate, Lang


def _entry_date(entry: Any) -> DocDate | None:
    # dict.get: the entry's own keys, without feedparser's deprecated updated -> published fallback
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    try:
        return DocDate(value=dt.date(*parsed[:3])) if parsed else None
    except ValueError:  # parsed, but not a calendar day (year 0)
        return None


def _entry_body(entry: Any) -> str:
    """The longest of the entry's content and summary, as text."""
    values = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
    return html_to_text(max(values, key=len))


def _entry_article(entry: Any, at: str, lang: Lang | None, fetch_links: bool) -> Article:
    link = entry.get("link") or None
    title = html_to_text(entry.get("title", "")) or None
    date = _entry_date(entry)
    key = entry.get("id") or link
    if fetch_links and link:
        body, _ = fetch(link, at)
        page = read_page(body, at, text_id(key or link), url=link)
        return page.model_copy(update={"title": page.title or title, "date": date or page.date,
                                       "lang": page.lang or lang})
    text = _check_text(with_title(title, _entry_body(entry)), at)
    return Article(id=text_id(key or text), text=text, lang=lang, date=date, title=title, url=link, source=at)


def read_feed(data: bytes, where: str, fetch_links: bool = False) -> Iterator[ReadResult]:
    """The entries of an RSS/Atom feed as articles (``where#n`` names entry ``n``); E028 if it is no feed."""
    import feedparser

    yield from _entries(feedparser.parse(data), where, fetch_links)


def _entries(parsed: Any, where: str, fetch_links: bool) -> Iterator[ReadResult]:
    if not parsed.get("version"):
        reason = str(parsed.get("bozo_exception") or "") or "no <rss>, <feed> or <rdf:RDF> root element"
        yield ReadResult(where, error=TidendeError("E028", where, reason=reason))
        return
    lang = lang_code(parsed.feed.get("language"))
    for n, entry in enumerate(parsed.entries, start=1):
        at = f"{where}#{n}"
        try:
            yield ReadResult(at, article=_entry_article(entry, at, lang, fetch_links))
        except TidendeError as err:
            yield ReadResult(at, error=err)


def read_url(url: str, fetch_links: bool = False) -> Iterator[ReadResult]:
    """A feed URL (its entries) or an HTML page URL (one article, its id a hash of the URL)."""
    import feedparser

    try:
        body, ctype = fetch(url, url)
    except TidendeError as err:
        yield ReadResult(url, error=err)
        return
    parsed = feedparser.parse(body)
    if parsed.get("version") or not ("html" in ctype.lower() or b"<html" in body[:2048].lower()):
        yield from _entries(parsed, url, fetch_links)
        return
    try:
        yield ReadResult(url, article=read_page(body, url, text_id(url), url=url))
    except TidendeError as err:
        yield ReadResult(url, error=err)
