"""Reading the language data shipped with tidende (YAML through libyaml when it is available)."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path | Traversable) -> Any:
    """The YAML document in ``path`` (safe loading: plain data only)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
