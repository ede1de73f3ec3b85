#!/usr/bin/env bash
# Train, assemble and evaluate the Norwegian pipeline from NorNE (see docs/models.md).
#
# The shipped pipeline (tidende_no_news 0.2.0) is made in three stages, fixed seed (0):
#   1. the syntax pipeline (tok2vec, tagger, lemmatiser, parser; 9 000 steps) and the NER
#      pipeline (its own wider tok2vec; best of 7 000 steps) from scratch, side by side, one per core;
#   2. the syntax pipeline continued from stage 1's last weights: 5 000 steps with parameter
#      averaging at learn rate 0.0005;
#   3. the lemmatiser trained afresh (4 000 steps) on stage 2's frozen tok2vec, tagger and parser
#      (continuing with averaging collapses a sourced lemmatiser: docs/models.md);
# then the NER pipeline is sourced in (assemble.py), scored (evaluate.py) and written to
# src/tidende/nlp/models/no.
#
#   bash training/train.sh                    # all stages (about 3 hours on 2 cores)
#   STAGES="2 3" bash training/train.sh       # from stage 2 on (needs stage 1's output)
#   STAGES="" bash training/train.sh          # assemble and evaluate only
#   SHIP=0 OUT=training/repro LOGS=training/repro/logs bash training/train.sh
#                                             # a reproduction run: own output and logs, nothing shipped
# Each stage keeps model-best and model-last in training/output/<stage>; stop any time.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
NORNE=${NORNE:-../shared/data/norne}
OUT=${OUT:-training/output}
STAGES=${STAGES-1 2 3}
CORPUS=(--paths.train training/corpus/train.spacy --paths.dev training/corpus/dev.spacy)
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
LOGS=${LOGS:-training/logs}
mkdir -p "$LOGS"

train() {  # train NAME CONFIG [spacy train options...]
    local name=$1 cfg=$2
    shift 2
    $PY -m spacy train "$cfg" -o "$OUT/$name" "${CORPUS[@]}" "$@" > "$LOGS/$name.log" 2>&1
}

$PY training/convert.py "$NORNE" training/corpus
for stage in $STAGES; do
    case $stage in
        1)
            train syntax training/syntax.cfg --training.max_steps 9000 &
            train ner training/ner.cfg --training.max_steps 7000 &
            wait ;;
        2)
            rm -rf "$OUT/syntax-last" && cp -r "$OUT/syntax/model-last" "$OUT/syntax-last"
            $PY training/resume_config.py training/syntax.cfg "$OUT/syntax-last" > training/syntax.resume.cfg
            train syntax2 training/syntax.resume.cfg --training.max_steps 5000 \
                --training.optimizer.use_averages true --training.optimizer.learn_rate 0.0005 ;;
        3)
            rm -rf "$OUT/syntax2-last" && cp -r "$OUT/syntax2/model-last" "$OUT/syntax2-last"
            $PY training/fresh_component.py training/syntax.cfg "$OUT/syntax2-last" trainable_lemmatizer \
                > training/lemma.fresh.cfg
            train lemma2 training/lemma.fresh.cfg --training.max_steps 4000 --training.eval_frequency 500 ;;
        *) echo "unknown stage $stage (1, 2 or 3)" >&2; exit 2 ;;
    esac
done
$PY training/assemble.py "$OUT/lemma2/model-best" "$OUT/ner/model-best" "$OUT/assembled"
$PY training/evaluate.py --model "$OUT/assembled" --out "$OUT/dev-scores.json"
if [ "${SHIP:-1}" = 1 ]; then
    $PY training/assemble.py "$OUT/lemma2/model-best" "$OUT/ner/model-best" src/tidende/nlp/models/no \
        --scores "$OUT/dev-scores.json"
fi
