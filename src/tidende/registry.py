"""Named registries (``catalogue``), as in spaCy: stages, exporters, readers.

Core features are registered here under their names; a third party can add
its own through the ``tidende_stages`` / ``tidende_exporters`` entry points.
"""

from __future__ import annotations

import catalogue

stages = catalogue.create("tidende", "stages", entry_points=True)
exporters = catalogue.create("tidende", "exporters", entry_points=True)


def register_defaults() -> None:
    """Import the modules whose import registers the core stages and exporters."""
    import tidende.actors.stage
    import tidende.events.stage
    import tidende.quotes.stage
    import tidende.timex.stage  # noqa: F401
