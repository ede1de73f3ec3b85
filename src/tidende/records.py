"""The record types that flow between tidende's stages.

One pydantic model per concept. ``Document`` is the output contract of
``tidende extract`` (see ``schema/document.schema.json``); every ``start``/``end``
is a character offset into ``Document.text`` and ``text[start:end]`` equals the
span's ``text``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["nb", "nn", "en"]
Precision = Literal["day", "week", "month", "year"]
Modality = Literal["asserted", "future", "hypothetical", "desired"]
Stance = Literal["asserts", "denies"]
QuoteKind = Literal["direct", "indirect", "according_to"]


class Record(BaseModel):
    """Base: strict field names, JSON round-trip."""

    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


class Span(Record):
    """Characters ``text[start:end]`` of the document."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DocDate(Record):
    """A document's date, possibly known only to the month or year."""

    value: dt.date
    precision: Precision = "day"

    def iso(self) -> str:
        """ISO string at the date's own precision (``2024-04``, ``2024-04-15``)."""
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    @classmethod
    def parse(cls, value: str) -> DocDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ``ValueError`` otherwise."""
        parts = value.strip().split("-")
        if len(parts) == 1 and len(parts[0]) == 4 and parts[0].isdigit():
            return cls(value=dt.date(int(parts[0]), 1, 1), precision="year")
        if len(parts) == 2 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
            return cls(value=dt.date(int(parts[0]), int(parts[1]), 1), precision="month")
        return cls(value=dt.date.fromisoformat(value.strip()), precision="day")


class Article(Record):
    """One input document, as read by ``ingest``."""

    id: str
    text: str
    lang: Lang | None = None
    date: DocDate | None = None
    title: str | None = None
    url: str | None = None
    source: str = Field(default="", description="where it came from: path[:line]")


class ActorCode(Record):
    """A coded actor: PLOVER country/non-state code, sector, Wikidata id."""

    code: str
    sector: str | None = None
    wikidata_id: str | None = None
    name: str | None = None
    anonymous: bool = False


class Entity(Record):
    """A mention (NER span or knowledge-base match) and the actor it resolves to."""

    text: str
    start: int
    end: int
    label: str
    actor: ActorCode | None = None


class Speaker(Record):
    """Who a quote is attributed to."""

    text: str
    code: str | None = None
    sector: str | None = None
    anonymous: bool = False
    start: int
    end: int
    name: str | None = Field(default=None, description="who the mention refers to: antecedent of a pronoun, KB name")


class Quote(Record):
    """A direct, indirect or ``according to`` attribution."""

    id: str
    kind: QuoteKind
    content: str
    start: int
    end: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    stance: Stance = "asserts"
    speaker: Speaker | None = None
    channel: str | None = None
    chain: list[str] = Field(default_factory=list, description="ids of enclosing quotes, outermost first")


class EventActor(Record):
    """An actor or recipient of an event."""

    code: str
    sector: str | None = None
    entity_text: str
    wikidata_id: str | None = None
    start: int
    end: int


class Attribution(Record):
    """The source that claims (or denies) an event."""

    text: str
    code: str | None = None
    sector: str | None = None
    anonymous: bool = False
    stance: Stance = "asserts"
    quote_id: str | None = Field(default=None, description=(
        "the innermost quote holding the event; when quotes nest (A says that B said), the source fields are "
        "the outermost source's and this quote's chain leads out to it"))


class Event(Record):
    """A PLOVER 2.0 event."""

    id: str
    event: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    actor: list[EventActor] = Field(default_factory=list)
    recipient: list[EventActor] = Field(default_factory=list)
    date: str | None = None
    date_precision: Precision | None = None
    negated: bool = False
    modality: Modality = "asserted"
    attribution: Attribution | None = None
    trigger: Span
    evidence: Span
    location: dict | None = None


class Document(Record):
    """The output record of ``tidende extract``: one per input document."""

    id: str
    lang: Lang
    date: str | None
    title: str | None = None
    text: str
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def to_json_dict(self) -> dict:
        """The contract's JSON object."""
        return self.model_dump(mode="json")


def document_schema() -> dict:
    """The JSON Schema of ``Document`` (shipped as ``schema/document.schema.json``)."""
    schema = Document.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/tidende/tidende/schema/document.schema.json"
    return schema


if __name__ == "__main__":
    import json
    import sys

    sys.stdout.write(json.dumps(document_schema(), indent=2, ensure_ascii=False) + "\n")
