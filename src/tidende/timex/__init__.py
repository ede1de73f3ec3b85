"""The ``timex`` stage: temporal expressions in nb, nn and en, normalised to ISO 8601.

``find`` locates every expression in a text and resolves it against the document
date; ``resolve`` does one expression. Language knowledge lives in
``rules/<lang>.yaml``; the calendar conventions are documented in ``normalize``.
"""

from tidende.timex.finder import find, resolve
from tidende.timex.model import Timex

__all__ = ["Timex", "find", "resolve"]
