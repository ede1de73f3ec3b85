"""Reading the language data shipped with tidende (YAML through libyaml when it is available)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path | Traversable) -> Any:
    """The YAML document in ``path`` (safe loading: plain data only)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file whose ``#`` comment lines precede a header row."""
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#") and line.strip()]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
