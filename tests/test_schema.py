"""The shipped JSON Schema is the one the record types generate."""

from __future__ import annotations

import json
from pathlib import Path

from tidende.records import document_schema

SCHEMA = Path(__file__).resolve().parents[1] / "src" / "tidende" / "schema" / "document.schema.json"


def test_schema_file_matches_records() -> None:
    shipped = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert shipped == document_schema(), (
        "regenerate: python -m tidende.records > src/tidende/schema/document.schema.json")


def test_schema_requires_contract_fields() -> None:
    schema = document_schema()
    assert set(schema["required"]) >= {"id", "lang", "date", "title", "text", "entities", "quotes", "events"}
    event = schema["$defs"]["Event"]
    assert set(event["required"]) >= {"id", "event", "mode", "context", "actor", "recipient", "date",
                                      "date_precision", "negated", "modality", "attribution", "trigger", "evidence",
                                      "location"}
