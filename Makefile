# Two entry points: `make example` (the bundled example, offline) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: example test lint format clean

example: $(INSTALLED)
	@# Exit status 1 only means the report found problems, as the example is meant to.
	$(BIN)/sourcecheck verify examples/manifest.yaml --replay examples/evidence.warc.gz \
		--report-dir reports/example || [ $$? -eq 1 ]
	@echo "open reports/example/report.html (or .md, .json)"

test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

clean:
	rm -rf $(VENV) reports/example .pytest_cache .ruff_cache
