"""Exporters, one module per format, registered in ``tidende.registry.exporters``.

An exporter is ``(store, path, **filters) -> rows written``; ``filters`` are those of
``Store.events``. Importing this package registers the core formats.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tidende.errors import TidendeError
from tidende.export import gdelt, graphml, icews, parquet, plover_jsonl, polecat  # noqa: F401 - registers
from tidende.registry import exporters
from tidende.store.sqlite import Store


def formats() -> list[str]:
    """The registered export formats (core and entry points)."""
    return sorted(exporters.get_all())


def export(store: Store, fmt: str, path: str | Path, **filters: Any) -> int:
    """Write the store's events to ``path`` in format ``fmt``; return the number of rows (edges for graphml)."""
    if fmt not in formats():
        raise TidendeError("E018", value=fmt, formats=", ".join(formats()))
    return int(exporters.get(fmt)(store, Path(path), **filters))
