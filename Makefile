# tidende — the two commands a new user needs:
#   make demo   set up .venv (tidende installed at .venv/bin/tidende) and run it on the example article
#   make test   run the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint train-models eval-models bench clean

$(STAMP): pyproject.toml requirements.lock requirements-en.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-en.txt
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/tidende ingest examples/seed-article.txt --summary

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests training benchmarks
	$(BIN)/mypy

train-models: $(STAMP)
	bash training/train.sh

eval-models: $(STAMP)
	$(BIN)/python training/evaluate.py --model src/tidende/nlp/models/no --out docs/models-scores.json

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/store.py

clean:
	rm -rf $(VENV) tidende.db tidende.db-wal tidende.db-shm
