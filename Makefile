# The two commands a partnership needs: `make site` builds the website, `make test` runs every test.
# Both create .venv and install what they need on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

export NO_MKDOCS_2_WARNING := 1

.PHONY: install site test serve bench bench-quick linkcheck clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	rm -f $(VENV)/.installed-*
	touch $@

node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

## Create .venv and install the package with its test tools (CI runs this first).
install: $(STAMP)

SITE_DIR ?= site

## Build site/ with every check on (mkdocs build --strict), atomically: the build goes into a
## temporary .site-tmp-XXXX folder and replaces site/ only when it is complete and checked.
## `make site EDITIONS=1` builds the editions too, from git (procedures build --editions), as CI does.
site: $(STAMP)
	$(BIN)/procedures build --site-dir $(SITE_DIR)$(if $(EDITIONS), --editions)

## Build, serve on 127.0.0.1 and check every internal link with LinkChecker, and every #anchor
## in the built pages (generator/publish/anchors.py).
## Links to other sites are left out; `make linkcheck EXTERNAL=1` checks them too (needs internet).
linkcheck: site
	$(BIN)/procedures linkcheck --site $(SITE_DIR) $(if $(filter 1 yes true,$(EXTERNAL)),--external)

## Preview the site at http://127.0.0.1:8000 while editing.
serve: $(STAMP)
	$(BIN)/mkdocs serve

## Run the whole test suite (unit, whole builds, CLI, browser). First .ci/system-packages installs
## the system packages the tests need (Chromium, pdftotext, Node.js) with apt-get as root on Debian,
## or prints the command that does; the tests that need a missing one are then skipped with it
## (with CI=true they fail instead). Without npm, axe-core is not installed and its tests skip.
test:
	@PYTHON='$(PYTHON)' .ci/system-packages
	@$(MAKE) --no-print-directory install
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory node_modules/.installed; fi
	$(BIN)/python -m pytest

## Measure build speed against stock Material (N = 100, 500, 2000), the glossary linker, and a
## procedure page's and the print edition's weight (the demo's, and N = 500's); about 16 minutes here. Each prints its targets, met or not.
## `make bench-quick` does the build benchmark for N = 100 and 500 only.
bench: $(STAMP)
	-$(BIN)/python -m benchmarks.build_bench
	-$(BIN)/python -m benchmarks.glossary_bench
	-$(BIN)/python -m benchmarks.history_bench
	$(BIN)/python benchmarks/page_weight.py
	$(BIN)/python benchmarks/page_weight.py --synthetic 500

bench-quick: $(STAMP)
	$(BIN)/python -m benchmarks.build_bench --quick

clean:
	rm -rf site .site-* $(VENV) node_modules
