# The README's two commands: `make serve` and `make test`. Each creates or reuses .venv.
PYTHON  ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast chromium bench clean

$(STAMP): requirements.txt requirements-test.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@touch $(STAMP)

## Serve the site on http://127.0.0.1:8000 with live reload. PDFs are off and only the pages
## an edit changes are rebuilt (--dirty), so a reload takes about a second; `make build` and
## `make test` build everything strictly.
serve: $(STAMP)
	NC_PDF=false $(BIN)/mkdocs serve --dirty --no-strict -a 127.0.0.1:8000

## Write the static site, with its PDFs, to site/
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## Debian's Chromium for the browser tests (Playwright cannot download browsers here)
chromium:
	@if command -v chromium >/dev/null 2>&1 && command -v java >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi dejavu; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "Installing Debian's chromium and fonts with apt-get..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core libharfbuzz-subset0 >/dev/null; \
	  command -v java >/dev/null 2>&1 || apt-get install -y -qq default-jre-headless >/dev/null; \
	else \
	  echo "The tests need Debian's chromium and Java. Run as root: apt-get install chromium fonts-dejavu-core libharfbuzz-subset0 default-jre-headless"; exit 1; \
	fi

## Every test: content, build, built pages, browser, print and PDFs
test: $(STAMP) chromium
	$(BIN)/python -m pytest -q tests

## The tests that need no browser
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q tests -m "not browser"

## Benchmarks (figures go to BENCHMARKS.md)
bench: $(STAMP) chromium
	$(BIN)/python tests/benchmark.py

clean:
	rm -rf site .pytest_cache
