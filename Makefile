# The two commands a newcomer needs are `make serve` and `make test`.
# Every target sets up what it needs itself; a second run only redoes what changed.
SHELL := /bin/bash
# Material prints a long notice about MkDocs 2 on every build; the book pins MkDocs 1.6.
export NO_MKDOCS_2_WARNING := 1
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
# The Pyodide package.json pins (0.27) runs CPython 3.12, so the build and the tests use 3.12 too.
PYTHON312 := $(shell command -v python3.12 2>/dev/null || command -v python3)
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
BROWSER_STAMP := .cache/browser.ok

# docs/assets/generated/ (python -m bookbuild.site.assets), one step per target, each rebuilt only
# when its own inputs change: editing the PDF code rebuilds no wheel; editing pysrc/backprop rebuilds
# the backprop wheel and the site lock, nothing else. The book's own packages are the folders of
# pysrc/ with a pyproject.toml.
GENERATED := docs/assets/generated
ASSET_CODE := pysrc/bookbuild/site/assets
LOCAL_PACKAGES := $(patsubst pysrc/%/pyproject.toml,%,$(wildcard pysrc/*/pyproject.toml))
STYLES_STAMP := $(GENERATED)/styles/.bundled
RELEASE_STAMP := $(GENERATED)/pyodide/.release
WHEEL_STAMPS := $(foreach name,$(LOCAL_PACKAGES),.cache/wheels/$(name)/.built)
LOCK_STAMP := $(GENERATED)/pyodide/.locked
RUNTIME_STAMP := $(GENERATED)/runtime/.bundled
WEB_APP_STAMP := $(GENERATED)/web-app/.written
ASSETS := $(STYLES_STAMP) $(RELEASE_STAMP) $(LOCK_STAMP) $(RUNTIME_STAMP) $(WEB_APP_STAMP)
source_files = $(shell find $(1) -type f -not -path '*/__pycache__/*' -not -name '*.pyc' 2>/dev/null)

# `make serve PORT=8001` previews on another port. A port in use stops make before any build work.
PORT ?= 8000
ifneq ($(filter serve,$(MAKECMDGOALS)),)
PORT_PROBLEM := $(shell $(PYTHON312) pysrc/bookbuild/preview/port_check.py '$(PORT)')
ifneq ($(PORT_PROBLEM),)
$(error make serve: $(PORT_PROBLEM))
endif
endif

.PHONY: help setup assets build serve test check test-chapter lint bench pdf clean

help:
	@echo "make serve   build and preview the book at http://127.0.0.1:$(PORT) (live reload; PORT=8001)"
	@echo "make test    set everything up, then run lint and every test"
	@echo "make check   lint and the tests without a browser (the module, the build, the checks)"
	@echo "make test-chapter CHAPTER=docs/NAME.md"
	@echo "             build the book, then run one chapter's build and browser checks"
	@echo "make build   write the static site to site/"
	@echo "make pdf     print the whole book to site/pdf/backprop-book.pdf"
	@echo "make bench   run the benchmarks"

$(VENV_STAMP): requirements.lock
	@$(PYTHON312) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 12) else "Python 3.12 is required (found " + sys.version.split()[0] + "): install it, e.g. with pyenv or your package manager.")'
	$(PYTHON312) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	@# The pysrc packages import straight from the tree: backprop (the module), notebook_cell (the
	@# cell core) and bookbuild (the build side).
	@echo "$(CURDIR)/pysrc" > "$$($(PY) -c 'import sysconfig; print(sysconfig.get_path("purelib"))')/pysrc.pth"
	@touch $@

# npm ci is silent for a minute or two on a first set-up: say what it does first. npm refuses a
# Node.js outside package.json's `engines` (engine-strict), naming the range and the version found.
$(NODE_STAMP): package-lock.json
	@command -v node >/dev/null && command -v npm >/dev/null || { echo "Node.js and npm are needed: install a version that package.json's engines allows ($$(sed -n 's/.*"node": "\(.*\)".*/\1/p' package.json))."; exit 1; }
	@echo "Installing the JavaScript packages of package-lock.json into node_modules/ with npm ci (Node.js $$(node --version); package.json's engines: $$(node -p 'require("./package.json").engines.node')). The first time, this takes a minute or two and prints nothing until it is done."
	npm ci --no-audit --no-fund
	@touch $@

# Chromium draws the book's diagrams (Mermaid, at build time) and drives the browser tests, the
# benchmarks and the PDF print.
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

$(STYLES_STAMP): $(NODE_STAMP) $(call source_files,styles) $(ASSET_CODE)/stylesheet.py pysrc/bookbuild/site/math_font.py mkdocs.yml | $(VENV_STAMP)
	$(PY) -m bookbuild.site.assets styles
	@touch $@

$(RELEASE_STAMP): $(NODE_STAMP) requirements-pyodide.lock $(ASSET_CODE)/pyodide_release.py | $(VENV_STAMP)
	$(PY) -m bookbuild.site.assets pyodide
	@touch $@

.SECONDEXPANSION:
.cache/wheels/%/.built: $$(call source_files,pysrc/$$*) $(ASSET_CODE)/local_wheels.py | $(VENV_STAMP)
	$(PY) -m bookbuild.site.assets wheel:$*
	@touch $@

$(LOCK_STAMP): $(RELEASE_STAMP) $(WHEEL_STAMPS) $(ASSET_CODE)/local_wheels.py $(ASSET_CODE)/boot_manifest.py
	$(PY) -m bookbuild.site.assets lock
	@touch $@

# The explorables' settings are generated into the bundle (runtime_bundle.py).
$(RUNTIME_STAMP): $(NODE_STAMP) $(call source_files,runtime) $(ASSET_CODE)/runtime_bundle.py pysrc/explorables/settings.py pysrc/explorables/setting_kinds.py pysrc/bookbuild/contract.py | $(VENV_STAMP)
	$(PY) -m bookbuild.site.assets runtime
	@touch $@

$(WEB_APP_STAMP): mkdocs.yml $(ASSET_CODE)/web_app.py | $(VENV_STAMP)
	$(PY) -m bookbuild.site.assets web-app
	@touch $@

setup: $(VENV_STAMP) $(NODE_STAMP)
assets: $(ASSETS)

build: $(ASSETS) $(BROWSER_STAMP)
	$(PY) -m bookbuild.site.site_build

# While it runs, each rebuild first runs `make assets` (bookbuild/preview/rebuild.py): an edit of
# pysrc/backprop rebuilds the browser's wheel and the site's lock. Without the search index and
# the print page (BOOK_FULL_SITE=false, see mkdocs.yml), a prose edit shows in about a second.
serve: $(ASSETS) $(BROWSER_STAMP)
	BOOK_FULL_SITE=false $(PY) -m mkdocs serve --dev-addr 127.0.0.1:$(PORT)

# Python: ruff. JavaScript (runtime/, the build's Node scripts, the tests' and benches'): Biome
# (biome.json), which both lints and checks the formatting; `npx biome check --write` fixes both.
lint: $(VENV_STAMP) $(NODE_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	node_modules/.bin/biome ci --reporter=summary --colors=off

test: lint $(ASSETS) $(BROWSER_STAMP)
	$(PY) -m pytest

# The edit loop's quick tier: lint, then every test that needs no browser, no PDF, no Pyodide and
# no small book built on purpose (tests/authoring): the module, the cell core, the exercise checks,
# the explorables' numbers, the strict build of the whole book with its content checks, and the
# project's own checks. `make test` runs all of these too.
check: lint $(ASSETS) $(BROWSER_STAMP)
	$(PY) -m pytest tests -m "not browser and not pdf" --ignore=tests/authoring --ignore=tests/pyodide

# One chapter: the strict build of the whole book (cells come from the cache where nothing
# changed), the book-wide checks, and that chapter's own checks and cells in Chromium.
test-chapter: $(ASSETS) $(BROWSER_STAMP)
	@test -n "$(CHAPTER)" || { echo "make test-chapter: say which chapter, e.g. CHAPTER=docs/derivatives.md"; exit 2; }
	$(PY) -m pytest tests/book tests/browser/test_every_cell.py --chapter=$(CHAPTER)

bench: $(ASSETS) $(BROWSER_STAMP)
	$(PY) -m bench

pdf: $(ASSETS) $(BROWSER_STAMP)
	$(PY) -m bookbuild.site.pdf

clean:
	rm -rf site .cache docs/assets/generated build dist
