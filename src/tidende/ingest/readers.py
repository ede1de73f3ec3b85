"""Readers for ``.txt``, ``.jsonl``, ``-`` (stdin), HTML pages and RSS/Atom feeds (files or URLs), and folders.

Each yields ``ReadResult``: an ``Article`` or a ``TidendeError`` naming the file
and line, so one bad document never stops the batch.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

from tidende.errors import TidendeError
from tidende.records import Article, DocDate

MAX_CHARS = 2_000_000
#: A ``.txt`` file, ``.jsonl`` line or stdin text over this many bytes is refused (E023) without being read whole.
MAX_BYTES = 4 * MAX_CHARS
SURROGATE = re.compile("[\ud800-\udfff]")
DATE_PREFIX = re.compile(r"\A\ufeff?\s*date\s+(\S+)[ \t]*\n?[ \t]*")
PAGE_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUFFIXES = {".txt", ".jsonl", ".parquet", *PAGE_SUFFIXES, *FEED_SUFFIXES}
#: The fields of a JSON Lines (or Parquet) record.
FIELDS = ("text", "id", "date", "lang", "title", "url")


@dataclass(frozen=True)
class ReadResult:
    """One document read from input: exactly one of ``article``/``error`` is set."""

    where: str
    article: Article | None = None
    error: TidendeError | None = None


def parse_date(value: str, where: str) -> DocDate:
    """Parse a document date or raise E005."""
    try:
        return DocDate.parse(value)
    except (ValueError, OverflowError):
        raise TidendeError("E005", where, value=value) from None


def split_date_prefix(text: str, where: str) -> tuple[DocDate | None, str]:
    """Strip a leading ``date YYYY-MM[-DD]`` prefix; return the date and the remaining text."""
    m = DATE_PREFIX.match(text)
    if not m:
        return None, text
    return parse_date(m.group(1), where), text[m.end():]


def _decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TidendeError("E003", where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TidendeError("E002", where, pos=exc.start) from None


def _check_text(text: str, where: str) -> str:
    if len(text) > MAX_CHARS:
        raise TidendeError("E013", where, size=len(text), limit=MAX_CHARS)
    if not any(c.isalnum() for c in text):  # only whitespace, zero-width characters or punctuation
        raise TidendeError("E004", where)
    return text


def text_id(text: str) -> str:
    """A stable id from content: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_txt(data: bytes, where: str, doc_id: str) -> Article:
    """Read one plain-text article, with an optional ``date ...`` prefix (E023 if over ``MAX_BYTES``)."""
    if len(data) > MAX_BYTES:
        raise TidendeError("E023", where, limit=MAX_BYTES)
    raw = _decode(data, where)
    date, text = split_date_prefix(raw, where)
    return Article(id=doc_id, text=_check_text(text, where), date=date, source=where)


def _capped_lines(fh: BinaryIO) -> Iterator[bytes]:
    """The lines of ``fh``; one over ``MAX_BYTES`` is cut to ``MAX_BYTES + 1`` bytes, and its rest is skipped
    unread (when the next line is asked for)."""
    while line := fh.readline(MAX_BYTES + 1):
        yield line
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 16)) and not rest.endswith(b"\n"):
                pass


def read_jsonl_lines(lines: Iterable[bytes], where: str) -> Iterator[ReadResult]:
    """Read JSON Lines: one object per line with ``text`` and optional fields."""
    for n, line in enumerate(lines, start=1):
        at = f"{where}:{n}"
        if len(line.rstrip(b"\r\n")) > MAX_BYTES:
            yield ReadResult(at, error=TidendeError("E023", at, limit=MAX_BYTES))
            continue
        if not line.strip():
            continue
        try:
            yield ReadResult(at, article=_article_from_json(_decode(line, at), at))
        except TidendeError as err:
            yield ReadResult(at, error=err)


def _article_from_json(line: str, at: str) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise TidendeError("E006", at, reason=exc.msg) from None
    except ValueError as exc:  # e.g. an integer over Python's 4300-digit limit
        raise TidendeError("E006", at, reason=str(exc).split(";")[0]) from None
    except RecursionError:
        raise TidendeError("E006", at, reason="nested too deeply") from None
    if not isinstance(obj, dict):
        raise TidendeError("E007", at, got=type(obj).__name__)
    return article_from_object(obj, at)


def article_from_object(obj: dict[str, Any], at: str) -> Article:
    """An article from a record's fields (``text`` and optional ``id``, ``date``, ``lang``, ``title``, ``url``)."""
    if not isinstance(obj.get("text"), str):
        raise TidendeError("E007", at, got=f"text={type(obj.get('text')).__name__}")
    for field in FIELDS[1:]:
        value = obj.get(field)
        if value is not None and not (isinstance(value, str) or (field == "id" and type(value) is int)):
            raise TidendeError("E012", at, field=field, got=type(value).__name__)
    for field in FIELDS:
        if isinstance(obj.get(field), str) and SURROGATE.search(obj[field]):
            raise TidendeError("E006", at, reason=f"unpaired surrogate escape (\\ud800-\\udfff) in {field!r}")
    text = _check_text(obj["text"], at)
    date = parse_date(obj["date"], at) if obj.get("date") else None
    lang = obj.get("lang")
    if lang is not None and lang not in ("nb", "nn", "en"):
        raise TidendeError("E009", at, detected=lang)
    return Article(
        id=str(obj.get("id") or text_id(text)),
        text=text,
        date=date,
        lang=lang,
        title=obj.get("title"),
        url=obj.get("url"),
        source=at,
    )


def _printable(name: str) -> str:
    """``name`` with undecodable bytes (surrogate escapes from the file system) as U+FFFD."""
    return os.fsencode(name).decode("utf-8", "replace")


def _read_path(path: Path, doc_id: str, fetch_links: bool = False) -> Iterator[ReadResult]:
    """One file: a text, a JSON Lines file, a Parquet file, an HTML page or a feed (``fetch_links``: each
    entry from its linked page)."""
    where = _printable(str(path))
    doc_id = _printable(doc_id)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield ReadResult(where, error=TidendeError("E008", where, suffix=path.suffix or path.name))
        return
    if suffix == ".parquet":
        from tidende.ingest.parquet import read_parquet

        yield from read_parquet(path, where)
        return
    try:
        with path.open("rb") as fh:
            if suffix == ".jsonl":
                yield from read_jsonl_lines(_capped_lines(fh), where)
                return
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise TidendeError("E023", where, limit=MAX_BYTES)
        if suffix in FEED_SUFFIXES:
            from tidende.ingest.feeds import read_feed

            yield from read_feed(data, where, fetch_links)
            return
        if suffix in PAGE_SUFFIXES:
            from tidende.ingest.html import read_page

            article = read_page(data, where, doc_id)
        else:
            article = read_txt(data, where, doc_id)
    except OSError as exc:
        yield ReadResult(where, error=TidendeError("E001", where, reason=exc.strerror or str(exc)))
        return
    except TidendeError as err:
        yield ReadResult(where, error=err)
        return
    yield ReadResult(where, article=article)


def _read_stdin(fh: BinaryIO) -> Iterator[ReadResult]:
    """JSON Lines if the first non-blank byte is ``{``, else one plain-text document; reads at most ``MAX_BYTES``
    ahead (for JSON Lines, per line)."""
    lines = _capped_lines(fh)
    head: list[bytes] = []
    for line in lines:
        head.append(line)
        if line.strip() or sum(map(len, head)) > MAX_BYTES:
            break
    data = b"".join(head)
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl_lines(chain(head, lines), "<stdin>")
        return
    if len(data) <= MAX_BYTES:
        data += fh.read(MAX_BYTES + 1 - len(data))
    try:
        yield ReadResult("<stdin>", article=read_txt(data, "<stdin>", "stdin"))
    except TidendeError as err:
        yield ReadResult("<stdin>", error=err)


def read_inputs(inputs: Iterable[str], fetch_links: bool = False) -> Iterator[ReadResult]:
    """Read every input (files, folders recursively in sorted order, ``-``, ``http(s)://`` feed or page URLs).

    With ``fetch_links``, each feed entry's linked page is fetched and its main text read instead
    of the entry's summary.
    """
    for item in inputs:
        if item == "-":
            yield from _read_stdin(sys.stdin.buffer)
            continue
        if item.startswith(("http://", "https://")):
            from tidende.ingest.feeds import read_url

            yield from read_url(item, fetch_links)
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield from _read_path(child, child.relative_to(path).with_suffix("").as_posix(), fetch_links)
        elif path.exists():
            yield from _read_path(path, path.stem, fetch_links)
        else:
            yield ReadResult(item, error=TidendeError("E011", item))
