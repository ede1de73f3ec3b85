"""The ``tidende`` command line."""

import tidende.cli.serve  # (registers the serve command)
import tidende.cli.store_commands  # noqa: F401  (registers the store commands)
from tidende.cli.main import app

__all__ = ["app"]
