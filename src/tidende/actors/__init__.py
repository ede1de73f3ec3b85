"""Actors: the knowledge base of countries, organisations, sector nouns and office holders,
and the resolver that codes a mention as a PLOVER actor (``resolve``, ``find_mentions``)."""

from tidende.actors.kb import KB, load_kb
from tidende.actors.resolve import find_mentions, resolve

__all__ = ["KB", "find_mentions", "load_kb", "resolve"]
