"""Exporters, one module per format, registered in ``tidende.registry.exporters``.

An exporter is ``(store, path, **filters) -> rows written``; ``filters`` are those of
``Store.events``. Importing this package registers the core formats. ``export`` writes
atomically: a temporary file next to ``path``, renamed over it only when complete.
"""

from __future__ import annotations

import os
import tempfile
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
    """Write the store's events to ``path`` in format ``fmt``; return the number of rows (edges for graphml).

    ``path`` appears only once complete: an interrupted export leaves it as it was.
    """
    if fmt not in formats():
        raise TidendeError("E018", value=fmt, formats=", ".join(formats()))
    path = Path(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=f".part{path.suffix}")
    os.close(fd)
    tmp = Path(name)
    try:
        n = int(exporters.get(fmt)(store, tmp, **filters))
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return n


def _umask() -> int:
    """The process's file-creation mask (``mkstemp`` files are 0600; exports get the usual mode)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
