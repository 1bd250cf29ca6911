# The two commands a partnership needs: `make site` builds the website, `make test` runs every test.
# Both create .venv and install what they need on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve bench bench-quick linkcheck clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	rm -f $(VENV)/.installed-*
	touch $@

node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

## Build site/ with every check on (mkdocs build --strict).
site: $(STAMP)
	$(BIN)/mkdocs build --strict

## Preview the site at http://127.0.0.1:8000 while editing.
serve: $(STAMP)
	$(BIN)/mkdocs serve

## Run the whole test suite (unit, whole builds, CLI, browser).
test: $(STAMP) node_modules/.installed
	$(BIN)/python -m pytest

clean:
	rm -rf site .site-* $(VENV) node_modules
