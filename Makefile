# Two entry points for people: `make site` and `make test`. Both create .venv when missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS := seeds
SITE := site
BENCH_CORPUS ?= ../shared/data/t17
# The clients the site tests use from npm (TimelineJS3, axe-core), pinned by the lockfile.
JS := tests/site/js
JS_STAMP := $(JS)/node_modules/.installed

.PHONY: site test lint types imports unit bench env js clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

env: $(STAMP)

$(JS_STAMP): $(JS)/package.json $(JS)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix $(JS) --no-audit --no-fund --loglevel=error && touch $@; \
	else \
	  echo "npm is not installed: the TimelineJS3 and axe-core tests will skip (CI fails them)"; \
	fi

js: $(JS_STAMP)

site: $(STAMP)
	$(BIN)/timeline build $(SEEDS) -o $(SITE)

lint: $(STAMP)
	$(BIN)/ruff check timeline tests bench
	$(BIN)/ruff format --check timeline tests bench

types: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports --no-cache --no-logo

unit: $(STAMP) $(JS_STAMP)
	$(BIN)/pytest

test: lint types imports unit

bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_CORPUS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .timeline-cache $(JS)/node_modules
