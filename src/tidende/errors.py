"""Numbered, actionable error messages (``E0xx``) and the exception that carries them.

Each message says what was wrong and what to do; ``where`` names the file/line.
"""

from __future__ import annotations


class Errors:
    """Message templates. Search the code base for the number to find the cause."""

    E001 = "cannot read file: {reason}. Check the path and permissions."
    E002 = "not UTF-8 text (byte {pos}); re-encode the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)."
    E003 = "looks binary (NUL bytes); give a .txt, .jsonl or a folder of those."
    E004 = "empty text; nothing to extract."
    E005 = "bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD."
    E006 = "bad JSON: {reason}. Each line of a .jsonl file must be one JSON object."
    E007 = "JSON line is not an object with a string 'text' field (got {got})."
    E008 = ("unsupported file type {suffix!r}: give .txt, .jsonl, .parquet, .html/.htm, .rss/.atom/.xml, "
            "a folder, a URL, or - for stdin.")
    E009 = "language {detected!r} is not supported (tidende reads nb, nn, en); pass --lang to force one."
    E010 = "bad --lang {value!r}: use auto, nb, nn or en."
    E011 = "no such file or folder; check the path."
    E012 = "field {field!r} must be a string (got {got})."
    E013 = "document too large ({size} characters; the limit is {limit}); split it."
    E014 = "no trained pipeline for {lang!r} is shipped in {path}; reinstall tidende or run `make train-models`."
    E015 = "duplicate document id {id!r} (first seen at {first}); ids must be unique within a run."
    E016 = "store schema version {found} is newer than this tidende's ({supported}); upgrade tidende."
    E017 = ("store schema version {found} is older than this tidende's ({supported}); "
            "run `tidende migrate --db PATH` once.")
    E018 = "unknown export format {value!r}; use one of: {formats}."
    E019 = "{what} needs {package}: pip install 'tidende[{extra}]'."
    E020 = ("internal error while processing this document ({error}); the other documents go on. "
            "Please report it with the document.")
    E021 = ("a worker process stopped unexpectedly ({error}); {pending} document(s) in flight and the input "
            "after them were not processed. Rerun the same command (ingest skips what is stored), "
            "or use fewer --workers if memory ran out.")
    E022 = "cannot start or reach the Dask cluster ({error}); check --scheduler, or use --cluster local."
    E023 = "document too large (over {limit} bytes); split it. It was refused without being read whole."
    E024 = ("the store is damaged ({reason}); nothing was changed. Restore it from a backup, or salvage it "
            "with `sqlite3 PATH .recover | sqlite3 NEW.db`.")
    E025 = ("the store is locked by another process ({reason}, waited {seconds:g} s); "
            "retry when the other writer has finished.")
    E026 = ("cannot write the store ({reason}); check free disk space and write permission on the file "
            "and its folder. Articles stored before this one are kept.")
    E027 = ("no article text found in this HTML page; give an article page (not a front page, a login wall or a "
            "page that builds its text with JavaScript), or save the text as .txt.")
    E028 = "not an RSS or Atom feed ({reason}); give a feed (.rss, .atom, .xml or its URL) or an article page."
    E029 = "cannot fetch {url}: {reason}. Check the address and the network; the other inputs go on."
    E030 = ("bad Parquet input: {reason}. Give a Parquet file with a string 'text' column (optional: id, date, "
            "lang, title, url), one article a row.")


class TidendeError(Exception):
    """An error a user can act on: code, message and where it happened."""

    def __init__(self, code: str, where: str = "", **kwargs: object) -> None:
        self.code = code
        self.where = where
        self.kwargs = kwargs
        self.message = getattr(Errors, code).format(**kwargs)
        super().__init__(str(self))

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle by code, place and arguments (errors travel back from worker processes)."""
        return (_rebuild, (self.code, self.where, self.kwargs))

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}[{self.code}] {self.message}"


def _rebuild(code: str, where: str, kwargs: dict[str, object]) -> TidendeError:
    return TidendeError(code, where, **kwargs)
