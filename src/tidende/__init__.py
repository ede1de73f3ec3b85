"""tidende: verifiable political event data from Norwegian and English news."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pathlib import Path

    from tidende.store.sqlite import Store


def open(path: str | Path = "tidende.db") -> Store:  # noqa: A001 - mirrors sqlite-utils' Database()
    """Open a tidende store (``tidende.open("tidende.db").events(actor="CHN")``)."""
    from tidende.store.sqlite import open_store

    return open_store(path)
