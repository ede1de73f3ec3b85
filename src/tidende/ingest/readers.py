"""Readers for ``.txt``, ``.jsonl``, ``-`` (stdin) and folders of those.

Each yields ``ReadResult``: an ``Article`` or a ``TidendeError`` naming the file
and line, so one bad document never stops the batch.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tidende.errors import TidendeError
from tidende.records import Article, DocDate

MAX_CHARS = 2_000_000
DATE_PREFIX = re.compile(r"\A\ufeff?\s*date\s+(\S+)[ \t]*\n?[ \t]*")
SUFFIXES = {".txt", ".jsonl"}


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
    except ValueError:
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
    if not text.strip():
        raise TidendeError("E004", where)
    return text


def text_id(text: str) -> str:
    """A stable id from content: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_txt(data: bytes, where: str, doc_id: str) -> Article:
    """Read one plain-text article, with an optional ``date ...`` prefix."""
    raw = _decode(data, where)
    date, text = split_date_prefix(raw, where)
    return Article(id=doc_id, text=_check_text(text, where), date=date, source=where)


def read_jsonl_lines(lines: Iterable[bytes], where: str) -> Iterator[ReadResult]:
    """Read JSON Lines: one object per line with ``text`` and optional fields."""
    for n, line in enumerate(lines, start=1):
        at = f"{where}:{n}"
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
    except RecursionError:
        raise TidendeError("E006", at, reason="nested too deeply") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        got = type(obj).__name__ if not isinstance(obj, dict) else f"text={type(obj.get('text')).__name__}"
        raise TidendeError("E007", at, got=got)
    for field in ("id", "date", "lang", "title", "url"):
        if obj.get(field) is not None and not isinstance(obj[field], str | int):
            raise TidendeError("E012", at, field=field, got=type(obj[field]).__name__)
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


def _read_path(path: Path, doc_id: str) -> Iterator[ReadResult]:
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield ReadResult(where, error=TidendeError("E008", where, suffix=path.suffix or path.name))
        return
    try:
        if suffix == ".jsonl":
            with path.open("rb") as fh:
                yield from read_jsonl_lines(fh, where)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadResult(where, error=TidendeError("E001", where, reason=exc.strerror or str(exc)))
        return
    try:
        yield ReadResult(where, article=read_txt(data, where, doc_id))
    except TidendeError as err:
        yield ReadResult(where, error=err)


def _read_stdin() -> Iterator[ReadResult]:
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:1]
    if head == b"{":
        yield from read_jsonl_lines(data.splitlines(), "<stdin>")
        return
    try:
        yield ReadResult("<stdin>", article=read_txt(data, "<stdin>", "stdin"))
    except TidendeError as err:
        yield ReadResult("<stdin>", error=err)


def read_inputs(inputs: Iterable[str]) -> Iterator[ReadResult]:
    """Read every input (files, folders recursively in sorted order, ``-``)."""
    for item in inputs:
        if item == "-":
            yield from _read_stdin()
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield from _read_path(child, child.relative_to(path).with_suffix("").as_posix())
        elif path.exists():
            yield from _read_path(path, path.stem)
        else:
            yield ReadResult(item, error=TidendeError("E011", item))
