"""HTML article pages: main text, title, date and language (``trafilatura``), and fetching pages by URL."""

from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser

from tidende import __version__
from tidende.errors import TidendeError
from tidende.ingest.readers import _check_text
from tidende.records import Article, DocDate, Lang

#: Most bytes read from one URL; a larger response is refused (E029).
MAX_FETCH_BYTES = 5_000_000
FETCH_TIMEOUT_S = 20.0
USER_AGENT = f"tidende/{__version__} (+https://github.com/tidende/tidende)"
_LANGS: dict[str, Lang] = {"nb": "nb", "nob": "nb", "nn": "nn", "nno": "nn", "en": "en", "eng": "en"}
_BLOCKS = {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}


def fetch(url: str, where: str) -> tuple[bytes, str]:
    """GET ``url`` (timeout, User-Agent, size cap): the body and its Content-Type; E029 (at ``where``) on failure."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=FETCH_TIMEOUT_S) as resp:
            body: bytes = resp.read(MAX_FETCH_BYTES + 1)
            ctype = resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        raise TidendeError("E029", where, url=url, reason=f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise TidendeError("E029", where, url=url, reason=str(exc.reason)) from None
    except (OSError, ValueError) as exc:  # timeouts, resets, malformed URLs
        raise TidendeError("E029", where, url=url, reason=str(exc) or type(exc).__name__) from None
    if len(body) > MAX_FETCH_BYTES:
        raise TidendeError("E029", where, url=url, reason=f"larger than {MAX_FETCH_BYTES} bytes")
    return body, ctype


def lang_code(tag: str | None) -> Lang | None:
    """tidende's language for a BCP 47 tag (``nb-NO`` → nb, ``nn`` → nn, ``en-us`` → en); None otherwise."""
    return _LANGS.get((tag or "").strip().lower().replace("_", "-").split("-")[0])


def with_title(title: str | None, body: str) -> str:
    """``body`` with ``title`` as its first line, unless it already starts with it."""
    body = body.strip()
    if not title or body.startswith(title.strip()):
        return body
    return f"{title.strip()}\n{body}"


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: tags dropped, one line per block, spaces collapsed."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _page_lang(data: bytes | str) -> Lang | None:
    """The language of the page's ``<html lang>`` attribute, when it is one tidende reads."""
    from lxml import html as lxml_html

    try:
        return lang_code(lxml_html.document_fromstring(data).get("lang"))
    except (ValueError, lxml_html.etree.ParserError):
        return None


def read_page(data: bytes | str, where: str, doc_id: str, url: str | None = None) -> Article:
    """One article from an HTML page: its main text (title first), title, date, language and URL (E027)."""
    import trafilatura

    found = trafilatura.bare_extraction(data, url=url, with_metadata=True)
    if found is None or isinstance(found, dict) or not found.text or not found.text.strip():
        raise TidendeError("E027", where)
    return Article(id=doc_id, text=_check_text(with_title(found.title, found.text), where), lang=_page_lang(data),
                   date=_day(found.date), title=found.title or None, url=url or found.url or None, source=where)


def _day(value: str | None) -> DocDate | None:
    """The date a page or feed gives as ``YYYY-MM-DD...``; None when absent or unreadable."""
    try:
        return DocDate.parse(value[:10]) if value else None
    except ValueError:
        return None
