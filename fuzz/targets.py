"""Fuzz targets for every input path, shared by the property tests (``tests/fuzz``) and the long run (``run.py``).

A ``Target`` is a hypothesis strategy and a check. ``check(example)`` feeds the example to tidende, next to
good documents where the path has documents, and returns how many good documents were lost. It raises
``Broken`` when tidende answers wrongly (a bad document without exactly one one-line error naming where it
came from, a CLI traceback, a span that does not match the text); any other exception escaping tidende is a
crash. No target runs the NLP pipeline: the readers, language identification, option parsing and the
``actor``/``timex`` commands are all tidende does to an input before spaCy sees clean text.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import string
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

import click
import typer
from click.testing import CliRunner
from hypothesis import strategies as st

from tidende.actors import resolve
from tidende.cli import app
from tidende.cli.main import _check_date, _check_lang
from tidende.errors import TidendeError
from tidende.ingest.langid import detect_language
from tidende.ingest.readers import MAX_BYTES, ReadResult, _read_stdin, parse_date, read_inputs
from tidende.pipeline import choose_language
from tidende.records import Article, DocDate
from tidende.timex import find

GOOD_TEXT = "Regjeringen sendte nødhjelp til Ukraina, opplyser Utenriksdepartementet."
GOOD_TXT = f"date 2024-04-15\n{GOOD_TEXT}".encode()
GOOD_LINES = [json.dumps({"id": f"good-{i}", "text": GOOD_TEXT, "date": "2024-04-15"}).encode() for i in (1, 2)]

SPECIAL = [
    "Jonas\u200bGahr\u200bStøre", "Er\u200dna Sol\u200cberg", "Sto\u0308re", "\u202eNATO\u202c", "\ufeffKina",
    "\u05e0\u05ea\u05e0\u05d9\u05d4\u05d5", "\u0628\u0648\u062a\u064a\u0646", "e\u0301\u0301\u0301\u0301", "\x00",
    "Putin\x00", "statsminister Støre", "regjeringen", "USAs president", "i morgen", "neste år", "tomorrow",
    "for 99999999999999999999 dager siden", "31. desember 9999", "1. januar 1", "år 0", "in 10000 years",
]
PUNCT = string.punctuation + "«»–—…¡¿·•†‡§¶„“”‚‘’"
SPACE = " \t\n\r\x0b\x0c\x85\u00a0\u1680\u2000\u2003\u2028\u2029\u200b\u200c\u200d\u2060\u3000\ufeff"
RTL_AND_MARKS = "\u05d0\u05e9\u0627\u0644\u0645\u200f\u202b\u202e\u2067\u0300\u0301\u0308\u0327\u20dd\u0e31"
ENCODINGS = ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "cp1251", "shift_jis"]
#: Sizes around the byte limit and a 10 MB single line; drawn for one example in 40.
HUGE = [MAX_BYTES - 64, MAX_BYTES, MAX_BYTES + 1, 10_000_000]
SPECIAL_DATES = ["0000", "0001-01-01", "9999-12-31", "10000-01-01", "-2024", "+2024", " 2024 ", "2024\x00",
                 "2024-99999999999999999999", "99999999999999999999", "٢٠٢٤", "²⁰²⁴", "2024-02-30", "2024-00",
                 "2024-4-5", "1e4", "nan", "2024-04-15T10:00", ""]

runner = CliRunner()
#: Built once (typer's own runner rebuilds it per call); click's runner drives typer's click-compatible command.
command = cast(click.Command, typer.main.get_command(app))


class Broken(AssertionError):
    """tidende answered an input wrongly (as opposed to crashing on it)."""


@dataclass(frozen=True)
class Target:
    """One input path: what to generate and how to check tidende's answer."""

    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Any], int]


def texts() -> st.SearchStrategy[str]:
    """Text with the awkward parts of Unicode: right-to-left, combining marks, zero-width characters inside
    names, only punctuation, only whitespace."""
    piece = st.one_of(
        st.text(max_size=40),
        st.sampled_from(SPECIAL),
        st.text(alphabet=PUNCT, min_size=1, max_size=40),
        st.text(alphabet=SPACE, min_size=1, max_size=40),
        st.text(alphabet=RTL_AND_MARKS + "abcæøå ", max_size=40),
    )
    return st.lists(piece, max_size=6).map("".join)


def dates() -> st.SearchStrategy[str]:
    """Date strings: valid, huge, negative, out of range, other digits, noise."""
    big = st.integers(min_value=-(10**30), max_value=10**30)
    return st.one_of(
        st.sampled_from(SPECIAL_DATES),
        st.dates().map(dt.date.isoformat),
        st.dates().map(lambda d: d.isoformat()[:7]),
        big.map(str),
        st.tuples(big, big, big).map(lambda t: "-".join(map(str, t))),
        st.text(max_size=24),
    )


@cache  # hypothesis keeps every generated value: share the 20 big ones instead of keeping 10 MB per example
def _huge(size: int, unit: bytes) -> bytes:
    return (unit * (size // len(unit) + 1))[:size]


def documents() -> st.SearchStrategy[bytes]:
    """Document bytes: random, truncated UTF-8, other encodings, NUL bytes, date prefixes, 10 MB single lines."""
    text = texts()
    common = st.one_of(
        st.binary(max_size=512),
        text.map(str.encode),
        st.tuples(text, st.integers(1, 3)).map(lambda p: p[0].encode()[: -p[1]]),
        st.tuples(text, st.sampled_from(ENCODINGS)).map(lambda p: p[0].encode(p[1], "replace")),
        st.tuples(text, st.integers(0, 200)).map(lambda p: p[0].encode()[: p[1]] + b"\x00" + p[0].encode()[p[1]:]),
        st.tuples(dates(), text).map(lambda p: f"date {p[0]}\n{p[1]}".encode()),
    )
    huge = st.tuples(st.sampled_from(HUGE), st.sampled_from([b"a", b"\xc3\xb8", b" ", b"{", b"\x00"]))
    return st.integers(0, 39).flatmap(lambda i: huge.map(lambda p: _huge(*p)) if i == 0 else common)


def json_lines() -> st.SearchStrategy[bytes]:
    """Single JSONL lines: odd objects and values, deep nesting, huge numbers, lone surrogates, non-JSON bytes."""
    value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | texts(),
                         lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                      max_size=4),
                         max_leaves=12)
    obj = st.fixed_dictionaries({}, optional={
        "text": st.one_of(texts(), value), "id": st.one_of(texts(), value), "date": st.one_of(dates(), value),
        "lang": st.one_of(st.sampled_from(["nb", "nn", "en", "sv", "", "NB"]), value),
        "title": st.one_of(texts(), value), "url": st.one_of(texts(), value),
    })
    depth = st.integers(1, 200_000)
    return st.one_of(
        st.tuples(obj, st.booleans()).map(lambda p: json.dumps(p[0], ensure_ascii=p[1]).encode()),
        value.map(lambda v: json.dumps(v).encode()),
        depth.map(lambda d: b"[" * d + b"]" * d),
        depth.map(lambda d: b'{"text": "Kina.", "x": ' + b"{\"a\": " * d + b"1" + b"}" * d + b"}"),
        st.integers(4000, 20_000).map(lambda n: b'{"text": "Kina.", "id": ' + b"9" * n + b"}"),
        st.sampled_from([b'{"text": "\\ud800"}', b'{"text": "Kina", "title": "\\udfff"}', b'{"text": NaN}',
                         b'{"text": "Kina", "date": 1e999}', b"\xef\xbb\xbf{\"text\": \"BOM\"}"]),
        documents(),
    )


def _check_result(res: ReadResult, where_ok: Callable[[str], bool]) -> None:
    """Exactly one of article/error; an error is one line that starts with its place."""
    if (res.article is None) == (res.error is None):
        raise Broken(f"{res.where}: expected exactly one of article and error")
    if not where_ok(res.where):
        raise Broken(f"unexpected place {res.where!r}")
    if res.error is not None:
        msg = str(res.error)
        if "\n" in msg or "\r" in msg or not msg.startswith(f"{res.where}: [E"):
            raise Broken(f"not a one-line error naming its place: {msg!r}")


def _lost(results: Iterable[ReadResult], good: dict[str, tuple[str, str | None]]) -> int:
    """How many of ``good`` (place -> expected text and id, None: any id) did not come back as that article."""
    found = {r.where: r.article for r in results if r.article is not None}
    return sum(1 for where, (text, doc_id) in good.items()
               if (a := found.get(where)) is None or a.text != text or doc_id not in (None, a.id))


def check_txt(data: bytes) -> int:
    """A fuzzed ``.txt`` between two good ones in a folder: three results, the good two intact."""
    with tempfile.TemporaryDirectory(prefix="tidende-fuzz-") as tmp:
        names = [str(Path(tmp, n)) for n in ("a.txt", "b.txt", "c.txt")]
        for name, body in zip(names, (GOOD_TXT, data, GOOD_TXT), strict=True):
            Path(name).write_bytes(body)
        results = list(read_inputs([tmp]))
    if [r.where for r in results] != names:
        raise Broken(f"expected one result per file, got {[r.where for r in results]}")
    for r in results:
        _check_result(r, lambda w: True)
    return _lost(results, {names[0]: (GOOD_TEXT, "a"), names[2]: (GOOD_TEXT, "c")})


def _check_lines(results: list[ReadResult], where: str, n_lines: int) -> int:
    numbers = []
    for r in results:
        _check_result(r, lambda w: w.startswith(f"{where}:") and w.rsplit(":", 1)[1].isdigit())
        numbers.append(int(r.where.rsplit(":", 1)[1]))
    if numbers != sorted(set(numbers)) or not all(1 <= k <= n_lines for k in numbers):
        raise Broken(f"line numbers out of order or range: {numbers} (of {n_lines})")
    return _lost(results, {f"{where}:1": (GOOD_TEXT, "good-1"), f"{where}:{n_lines}": (GOOD_TEXT, "good-2")})


def check_jsonl(lines: list[bytes]) -> int:
    """Fuzzed lines between two good ones in a ``.jsonl`` file: each line at most one result, in order."""
    body = b"\n".join([GOOD_LINES[0], *lines, GOOD_LINES[1]]) + b"\n"
    with tempfile.TemporaryDirectory(prefix="tidende-fuzz-") as tmp:
        path = Path(tmp, "d.jsonl")
        path.write_bytes(body)
        results = list(read_inputs([str(path)]))
    return _check_lines(results, str(path), body.count(b"\n"))


def check_stdin(data: bytes) -> int:
    """Fuzzed bytes on stdin alone (one document or JSON Lines), then as a line between two good JSON lines."""
    for r in _read_stdin(io.BytesIO(data)):
        _check_result(r, lambda w: w == "<stdin>" or w.startswith("<stdin>:"))
    body = b"\n".join([GOOD_LINES[0], data, GOOD_LINES[1]]) + b"\n"
    return _check_lines(list(_read_stdin(io.BytesIO(body))), "<stdin>", body.count(b"\n"))


def check_langid(text: str) -> int:
    """Language identification answers a code for any text; ``auto`` either picks nb/nn/en or gives E009."""
    code = detect_language(text)
    if not isinstance(code, str) or not code:
        raise Broken(f"detect_language returned {code!r}")
    try:
        lang = choose_language(Article(id="x", text=text, source="f.txt"), "auto")
    except TidendeError as err:
        if err.code != "E009" or "\n" in str(err):
            raise Broken(f"unexpected error {err}") from None
        return 0
    if lang not in ("nb", "nn", "en"):
        raise Broken(f"choose_language returned {lang!r}")
    return 0


def _cli(args: list[str], ok: tuple[int, ...]) -> None:
    """Run the CLI in-process: an expected exit status, no traceback, and a usage error or one-line message."""
    result = runner.invoke(command, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    if result.exit_code not in ok:
        raise Broken(f"tidende {args!r}: exit {result.exit_code}, expected {ok}: {result.output!r}")
    if "Traceback" in result.output:
        raise Broken(f"tidende {args!r} printed a traceback")
    if result.exit_code == 1 and len(result.stderr.strip().splitlines()) != 1:
        raise Broken(f"tidende {args!r}: expected one line on stderr, got {result.stderr!r}")


def check_date(value: str) -> int:
    """``--date``/``--ref``/a document's date: a date or E005, never a crash; the CLI exits 0, 1 or 2 (usage)."""
    for parse in (lambda v: _check_date(v), lambda v: parse_date(v, "f.txt")):
        try:
            parsed = parse(value)
        except typer.BadParameter as err:
            if "E005" not in str(err):
                raise Broken(f"--date {value!r}: {err}") from None
        except TidendeError as err:
            if err.code != "E005":
                raise Broken(f"date {value!r}: {err}") from None
        else:
            if not isinstance(parsed, DocDate):
                raise Broken(f"date {value!r} parsed as {parsed!r}")
    _cli(["actor", "--date", value, "--", "statsminister Støre"], (0, 1, 2))
    _cli(["timex", "--ref", value, "--", "i morgen"], (0, 1, 2))
    return 0


def check_lang(value: str) -> int:
    """``--lang``: accepted exactly for auto/nb/nn/en (actor and timex: nb/nn/en); otherwise a usage error."""
    accepted = True
    try:
        _check_lang(value)
    except typer.BadParameter:
        accepted = False
    if accepted != (value in ("auto", "nb", "nn", "en")):
        raise Broken(f"--lang {value!r} accepted wrongly")
    one = (0, 1) if value in ("nb", "nn", "en") else (2,)
    _cli(["actor", "--lang", value, "--", "Kina"], one)
    _cli(["timex", "--lang", value, "--ref", "2024-04-15", "--", "i går"], one)
    return 0


def check_actor(example: tuple[str, str, dt.date | None]) -> int:
    """``actor``: any mention resolves to a coded actor or to nothing; the command exits 0 or 1 with one line."""
    text, lang, date = example
    found = resolve(text, lang, date)
    if found is not None and not found.code:
        raise Broken(f"{text!r} resolved to an actor without a code")
    args = ["actor", "--lang", lang] + (["--date", date.isoformat()] if date else [])
    _cli([*args, "--", text], (0, 1))
    return 0


def check_timex(example: tuple[str, str, DocDate]) -> int:
    """``timex``: every expression found is a span of the text with a value; the command exits 0 or 1."""
    text, lang, ref = example
    for t in find(text, lang, ref):
        if not (0 <= t.start <= t.end <= len(text)) or text[t.start:t.end] != t.text or not isinstance(t.value, str):
            raise Broken(f"bad timex {t!r} in {text!r}")
    _cli(["timex", "--lang", lang, "--ref", ref.iso(), "--", text], (0, 1))
    return 0


def html_pages() -> st.SearchStrategy[bytes]:
    """HTML: article pages with awkward text, dates, languages and charsets; deep nesting; broken markup; bytes."""
    page = st.builds(
        lambda lang, charset, title, date, body: (
            f'<html lang="{lang}"><head><meta charset="{charset}"><title>{title}</title>'
            f'<meta property="article:published_time" content="{date}"></head>'
            f"<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
        ).encode(charset if charset in ENCODINGS else "utf-8", "replace"),
        st.sampled_from(["nb", "nn", "en", "no", "ar", "", "x" * 300]), st.sampled_from([*ENCODINGS, "utf-8", "bogus"]),
        texts(), dates(), texts())
    depth = st.integers(1, 50_000)
    return st.one_of(page, depth.map(lambda d: b"<div>" * d + b"<p>Kina sendte hjelp.</p>" + b"</div>" * d),
                     st.tuples(page, st.integers(0, 400)).map(lambda p: p[0][: p[1]]), documents())


def feeds() -> st.SearchStrategy[bytes]:
    """RSS/Atom: entries with awkward titles, bodies, ids, dates and languages; entity expansion; bytes."""
    item = st.builds(
        lambda title, body, date, guid: (f"<item><title>{title}</title><description><![CDATA[{body}]]></description>"
                                         f"<pubDate>{date}</pubDate><guid>{guid}</guid></item>"),
        texts(), texts(), st.one_of(dates(), st.sampled_from([
            "Mon, 01 Jan 0000 00:00:00 GMT", "Fri, 31 Dec 99999 23:59:59 +0000", "Sun, 31 Dec 9999 23:59:59 -1400",
            "Thu, 01 Jan 1970 00:00:00 GMT", "2024-13-45T25:61:61Z"])), texts())
    rss = st.builds(
        lambda lang, items: (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
                             f"<language>{lang}</language>{''.join(items)}</channel></rss>").encode("utf-8", "replace"),
        st.one_of(st.sampled_from(["nb", "nn-NO", "en-US", ""]), texts()), st.lists(item, max_size=4))
    lol = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %c "%s">' % (ord("b") + i, (b"&%c;" % (ord("a") + i)) * 10) for i in range(6))
        + b']><rss version="2.0"><channel><item><title>&g;</title><description>Kina.</description></item>'
        b"</channel></rss>")
    return st.one_of(rss, st.tuples(rss, st.integers(0, 300)).map(lambda p: p[0][: p[1]]), st.just(lol),
                     documents())


def _check_markup(suffix: str, data: bytes) -> int:
    """A fuzzed page or feed between two good ``.txt`` files: its results name it, the good two are intact."""
    with tempfile.TemporaryDirectory(prefix="tidende-fuzz-") as tmp:
        names = [str(Path(tmp, n)) for n in ("a.txt", f"b{suffix}", "c.txt")]
        for name, body in zip(names, (GOOD_TXT, data, GOOD_TXT), strict=True):
            Path(name).write_bytes(body)
        results = list(read_inputs([tmp]))
    if results[0].where != names[0] or results[-1].where != names[2]:
        raise Broken(f"good files not read in place: {[r.where for r in results]}")
    for r in results[1:-1]:
        _check_result(r, lambda w: w == names[1] or w.startswith(f"{names[1]}#"))
    return _lost(results, {names[0]: (GOOD_TEXT, "a"), names[2]: (GOOD_TEXT, "c")})


def check_html(data: bytes) -> int:
    """An HTML page (``.html``) among good documents."""
    return _check_markup(".html", data)


def check_feed(data: bytes) -> int:
    """An RSS/Atom feed (``.rss``) among good documents."""
    return _check_markup(".rss", data)


LANGS = st.sampled_from(["nb", "nn", "en"])
REFS = st.builds(DocDate, value=st.dates(), precision=st.sampled_from(["day", "month", "year"]))

TARGETS: dict[str, Target] = {t.name: t for t in [
    Target("txt", documents(), check_txt),
    Target("jsonl", st.lists(json_lines(), max_size=5), check_jsonl),
    Target("stdin", st.one_of(documents(), json_lines()), check_stdin),
    Target("langid", texts(), check_langid),
    Target("date", dates(), check_date),
    Target("lang", st.one_of(st.sampled_from(["auto", "nb", "nn", "en", "NB", " nb", "sv", ""]), texts()),
           check_lang),
    Target("actor", st.tuples(texts(), LANGS, st.none() | st.dates()), check_actor),
    Target("timex", st.tuples(texts(), LANGS, REFS), check_timex),
    Target("html", html_pages(), check_html),
    Target("feed", feeds(), check_feed),
]}
