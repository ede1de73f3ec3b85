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
    E008 = "unsupported file type {suffix!r}: give .txt, .jsonl, a folder, or - for stdin."
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
    E019 = "{what} needs {package}: pip install 'tidende[analysis]'."
    E020 = ("internal error while processing this document ({error}); the other documents go on. "
            "Please report it with the document.")


class TidendeError(Exception):
    """An error a user can act on: code, message and where it happened."""

    def __init__(self, code: str, where: str = "", **kwargs: object) -> None:
        self.code = code
        self.where = where
        self.message = getattr(Errors, code).format(**kwargs)
        super().__init__(str(self))

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}[{self.code}] {self.message}"
