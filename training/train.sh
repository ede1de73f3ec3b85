#!/usr/bin/env bash
# Train, assemble and evaluate the Norwegian pipeline from NorNE (see docs/models.md).
#   bash training/train.sh                 # from scratch
#   RESUME=1 bash training/train.sh        # continue from training/output/*/model-last, or, on a
#                                          # fresh machine, from the shipped pipeline
# Two trainings run side by side, one per core: the syntax pipeline (tok2vec, tagger,
# lemmatizer, parser) and the NER pipeline (its own wider tok2vec). Fixed seed (0).
# Stop them any time: each keeps model-best; re-run with ASSEMBLE_ONLY=1 to package.
#   PIPELINES=syntax RESUME=1 bash training/train.sh -- --training.optimizer.learn_rate 0.0005
#                                          # one pipeline only; arguments after -- go to spacy train
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
NORNE=${NORNE:-../shared/data/norne}
OUT=training/output
PIPELINES=${PIPELINES:-syntax ner}
[ "${1:-}" = "--" ] && shift
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

$PY training/convert.py "$NORNE" training/corpus
mkdir -p training/logs
if [ -z "${ASSEMBLE_ONLY:-}" ]; then
    for c in $PIPELINES; do
        if [ -n "${RESUME:-}" ]; then
            from="$OUT/$c/model-last"
            [ -d "$from" ] || from=src/tidende/nlp/models/no
            rm -rf "$OUT/$c-resume-from" && cp -r "$from" "$OUT/$c-resume-from"
            $PY training/resume_config.py "training/$c.cfg" "$OUT/$c-resume-from" > "training/$c.resume.cfg"
            cfg="training/$c.resume.cfg"
        else
            cfg="training/$c.cfg"
        fi
        $PY -m spacy train "$cfg" -o "$OUT/$c" --paths.train training/corpus/train.spacy \
            --paths.dev training/corpus/dev.spacy "$@" > "training/logs/$c.log" 2>&1 &
    done
    wait
fi
$PY training/assemble.py "$OUT/syntax/model-best" "$OUT/ner/model-best" "$OUT/assembled"
$PY training/evaluate.py --model "$OUT/assembled" --out "$OUT/dev-scores.json"
$PY training/assemble.py "$OUT/syntax/model-best" "$OUT/ner/model-best" src/tidende/nlp/models/no \
    --scores "$OUT/dev-scores.json"
