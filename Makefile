# The two commands a newcomer needs are `make serve` and `make test`.
# Every target sets up what it needs itself; a second run only redoes what changed.
SHELL := /bin/bash
# Material prints a long notice about MkDocs 2 on every build; the book pins MkDocs 1.6.
export NO_MKDOCS_2_WARNING := 1
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
# Pyodide 0.27.7 runs CPython 3.12, so the build and the tests use 3.12 too.
PYTHON312 := $(shell command -v python3.12 2>/dev/null || command -v python3)
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
BROWSER_STAMP := .cache/browser.ok
ASSETS_STAMP := docs/assets/generated/.assembled
ASSET_INPUTS := $(shell find pysrc/backprop pysrc/bookbuild docs/javascripts -type f \( -name '*.py' -o -name '*.js' -o -name '*.mjs' \) 2>/dev/null) pyproject.toml requirements-pyodide.lock

.PHONY: help setup assets build serve test lint test-fast bench pdf clean

help:
	@echo "make serve   build and preview the book at http://127.0.0.1:8000 (live reload)"
	@echo "make test    set everything up, then run lint and every test"
	@echo "make build   write the static site to site/"
	@echo "make pdf     print the whole book to site/pdf/backprop-book.pdf"
	@echo "make bench   run the benchmarks"

$(VENV_STAMP): requirements.lock
	@$(PYTHON312) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 12) else "Python 3.12 is required (found " + sys.version.split()[0] + "): install it, e.g. with pyenv or your package manager.")'
	$(PYTHON312) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	@# Both pysrc packages import straight from the tree: backprop (the module) and bookbuild (the build side).
	@echo "$(CURDIR)/pysrc" > "$$($(PY) -c 'import sysconfig; print(sysconfig.get_path("purelib"))')/pysrc.pth"
	@touch $@

$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Chromium drives the browser tests, the benchmarks and the PDF print.
$(BROWSER_STAMP): $(VENV_STAMP)
	@mkdir -p .cache
	@if command -v chromium >/dev/null && command -v pdftoppm >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Chromium and poppler-utils with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils; \
	else \
	  echo "Chromium not found: installing Playwright's Chromium (install poppler-utils for pdftoppm yourself)"; \
	  $(PY) -m playwright install chromium; \
	fi
	@touch $@

$(ASSETS_STAMP): $(VENV_STAMP) $(NODE_STAMP) $(ASSET_INPUTS)
	$(PY) -m bookbuild.assets
	@touch $@

setup: $(VENV_STAMP) $(NODE_STAMP)
assets: $(ASSETS_STAMP)

build: $(ASSETS_STAMP)
	$(PY) -m mkdocs build --strict

serve: $(ASSETS_STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

lint: $(VENV_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test: lint $(ASSETS_STAMP) $(BROWSER_STAMP)
	$(PY) -m pytest

bench: $(ASSETS_STAMP) $(BROWSER_STAMP)
	$(PY) -m bench

pdf: $(ASSETS_STAMP) $(BROWSER_STAMP)
	$(PY) -m bookbuild.pdf

clean:
	rm -rf site .cache docs/assets/generated build dist
