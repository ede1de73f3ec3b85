"""Ingest: read documents (``readers``) and identify their language (``langid``)."""

from tidende.ingest.langid import detect_language
from tidende.ingest.readers import ReadResult, read_inputs

__all__ = ["ReadResult", "detect_language", "read_inputs"]
