"""Reading the language data shipped with tidende (YAML through libyaml when it is available)."""

from __future__ import annotations

import csv
import gc
from collections.abc import Iterator
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
T = TypeVar("T")


def load_yaml(path: Path | Traversable) -> Any:
    """The YAML document in ``path`` (safe loading: plain data only)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file whose ``#`` comment lines precede a header row."""
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#") and line.strip()]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def kept_for_process(value: T) -> T:
    """Mark what is loaded so far as permanent (``gc.freeze``) and return ``value``.

    Models and the knowledge base live as long as the process: hundreds of thousands of
    objects that every full collection would otherwise walk again (benchmarks/run.py measured
    0.5 s of collector pauses per 60 articles before this).
    """
    gc.collect()
    gc.freeze()
    return value
