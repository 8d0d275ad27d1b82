# The README's two commands: `make serve` and `make test`. Each creates or reuses .venv.
PYTHON  ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve serve-es build check test test-fast chromium bench clean

$(STAMP): requirements.txt requirements-test.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@touch $(STAMP)

## Serve the site on http://127.0.0.1:8000 with live reload. PDFs are off and only the pages
## an edit changes are rebuilt (--dirty), so a reload takes about a second; `make build` and
## `make test` build everything strictly.
serve: $(STAMP)
	@$(BIN)/python -m macros.check
	NC_PDF=false $(BIN)/mkdocs serve --dirty --no-strict -a 127.0.0.1:8000

## The Spanish site on http://127.0.0.1:8001 (or any language: make serve-es LANG_CONFIG=mkdocs.fr.yml)
LANG_CONFIG ?= mkdocs.es.yml
serve-es: $(STAMP)
	@$(BIN)/python -m macros.check $(LANG_CONFIG)
	NC_PDF=false $(BIN)/mkdocs serve -f $(LANG_CONFIG) --dirty --no-strict -a 127.0.0.1:8001

## Write the static site, with its PDFs, to site/ (a failed build leaves site/ as it was)
build: $(STAMP)
	@$(BIN)/python -m macros.check
	$(BIN)/mkdocs build --strict

## Check the settings and every record, without building (a second or so)
check: $(STAMP)
	$(BIN)/python -m macros.check

## The browser for the browser tests: NC_BROWSER if set (a Chrome or Chromium), else Debian's
## chromium, installed with apt-get when run as root (Playwright cannot download browsers here).
## Also fonts for the PDFs and Java for the HTML checker.
chromium:
	@if [ -n "$$NC_BROWSER" ]; then \
	  test -x "$$NC_BROWSER" || { echo "NC_BROWSER=$$NC_BROWSER is not a program"; exit 1; }; \
	elif ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium with apt-get..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "The browser tests need Debian's chromium (or set NC_BROWSER). Run as root: apt-get install chromium"; exit 1; fi; \
	fi
	@if ! command -v java >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi dejavu || ! fc-list 2>/dev/null | grep -qi liberation; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing fonts and Java with apt-get..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core fonts-liberation libharfbuzz-subset0 default-jre-headless >/dev/null; \
	  else echo "The tests need fonts and Java. Run as root: apt-get install fonts-dejavu-core fonts-liberation libharfbuzz-subset0 default-jre-headless"; exit 1; fi; \
	fi

## Every test: content, build, built pages, browser, print and PDFs
test: $(STAMP) chromium
	$(BIN)/python -m pytest -q tests

## The tests that need no browser
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q tests -m "not browser"

## Benchmarks (figures go to BENCHMARKS.md)
bench: $(STAMP) chromium
	$(BIN)/python tools/benchmark.py

clean:
	rm -rf site .pytest_cache
