"""The ``tidende`` command line."""

from tidende.cli.main import app

__all__ = ["app"]
