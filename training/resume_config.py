"""Print a training config that continues from a saved pipeline (each component sourced from it).

Usage: python training/resume_config.py BASE.cfg PIPELINE_DIR > RESUME.cfg

PIPELINE_DIR may be a training output (``model-last``) or the shipped, assembled
pipeline, whose ``ner`` carries its own tok2vec: then the listened-to ``tok2vec``
is dropped from the resumed NER pipeline.
"""

from __future__ import annotations

import sys
from pathlib import Path

from spacy.util import load_config


def resume_config(base: str, pipeline: str) -> str:
    config = load_config(base)
    source = load_config(Path(pipeline) / "config.cfg")
    names = list(config["nlp"]["pipeline"])
    listeners = [n for n in names if n != "tok2vec" and source["components"].get(n, {}).get("model", {})
                 .get("tok2vec", {}).get("@architectures") == "spacy.Tok2VecListener.v1"]
    if "tok2vec" in names and not listeners:
        names.remove("tok2vec")
        del config["components"]["tok2vec"]
    config["nlp"]["pipeline"] = names
    for name in names:
        config["components"][name] = {"source": pipeline}
    return config.to_str()


if __name__ == "__main__":
    sys.stdout.write(resume_config(sys.argv[1], sys.argv[2]))
