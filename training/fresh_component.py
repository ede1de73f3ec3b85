"""Print a training config that trains one component afresh on top of a saved pipeline's others.

Usage: python training/fresh_component.py BASE.cfg PIPELINE_DIR COMPONENT > FRESH.cfg

Every other component of BASE.cfg is sourced from PIPELINE_DIR and frozen; the shared
``tok2vec`` also annotates, so that ``COMPONENT``'s listener reads its (fixed) output. Only
``COMPONENT``'s score counts for model-best. Used when continued training broke one component
(see docs/models.md: the resumed syntax run's lemmatiser).
"""

from __future__ import annotations

import sys

from spacy.util import load_config


def fresh_config(base: str, pipeline: str, component: str) -> str:
    config = load_config(base)
    # the component's own block with its references (``${components.tok2vec...}``) filled in,
    # since the referenced sections are replaced by ``source`` below
    config["components"][component] = load_config(base, interpolate=True)["components"][component]
    others = [n for n in config["nlp"]["pipeline"] if n != component]
    for name in others:
        config["components"][name] = {"source": pipeline}
    config["training"]["frozen_components"] = others
    config["training"]["annotating_components"] = [n for n in others if n == "tok2vec"]
    weights = config["training"]["score_weights"]
    for key in weights:
        weights[key] = None
    weights["lemma_acc" if component == "trainable_lemmatizer" else f"{component}_acc"] = 1.0
    return config.to_str()


if __name__ == "__main__":
    sys.stdout.write(fresh_config(sys.argv[1], sys.argv[2], sys.argv[3]))
