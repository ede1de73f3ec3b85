"""Shared fixtures: paths, the output schema and a span checker."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "examples" / "seed-article.txt"
SCHEMA = json.loads((ROOT / "src" / "tidende" / "schema" / "document.schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present next to the repository")
    return SHARED


def spans_of(record: dict[str, Any]) -> list[tuple[str, dict[str, Any], str]]:
    """Every (where, span-dict, text-field) in a document record that carries offsets."""
    out: list[tuple[str, dict[str, Any], str]] = []
    for i, e in enumerate(record["entities"]):
        out.append((f"entities[{i}]", e, "text"))
    for i, q in enumerate(record["quotes"]):
        out.append((f"quotes[{i}]", q, "content"))
        if q.get("speaker"):
            out.append((f"quotes[{i}].speaker", q["speaker"], "text"))
        if q.get("cue_start") is not None:
            out.append((f"quotes[{i}].cue", {"start": q["cue_start"], "end": q["cue_end"], "text": q["cue"]}, "text"))
    for i, ev in enumerate(record["events"]):
        out.append((f"events[{i}].trigger", ev["trigger"], "text"))
        out.append((f"events[{i}].evidence", ev["evidence"], "text"))
        for role in ("actor", "recipient"):
            for j, a in enumerate(ev[role]):
                out.append((f"events[{i}].{role}[{j}]", a, "entity_text"))
    return out


def assert_valid_record(record: dict[str, Any]) -> None:
    """The record validates against the shipped schema and every span is exact."""
    jsonschema.validate(record, SCHEMA)
    text = record["text"]
    for where, span, field in spans_of(record):
        assert text[span["start"]:span["end"]] == span[field], f"{where}: offsets do not match the text"
