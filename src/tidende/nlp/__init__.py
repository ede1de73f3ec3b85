"""NLP backbone: spaCy pipelines per language and the scheme-neutral clause layer."""

from tidende.nlp.load import load, model_info

__all__ = ["load", "model_info"]
