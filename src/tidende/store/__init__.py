"""The embedded corpus store (SQLite, WAL) and its Python API."""

from tidende.store.sqlite import Store, open_store

__all__ = ["Store", "open_store"]
