# Two entry points for people: `make site` and `make test`. Both create .venv when missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS := seeds
SITE := site
BENCH_CORPUS ?= ../shared/data/t17

.PHONY: site test lint types imports unit bench env clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

env: $(STAMP)

site: $(STAMP)
	$(BIN)/timeline build $(SEEDS) -o $(SITE)

lint: $(STAMP)
	$(BIN)/ruff check timeline tests bench
	$(BIN)/ruff format --check timeline tests bench

types: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports --no-cache --no-logo

unit: $(STAMP)
	$(BIN)/pytest

test: lint types imports unit

bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_CORPUS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .timeline-cache
