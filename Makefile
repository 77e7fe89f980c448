# Thuiswijzer: the only entry points a newcomer needs.
#   make serve   build everything and serve the site on http://127.0.0.1:8000
#   make test    install what is needed and run every test (make check: the fast lane)
#   make bundle  write dist/thuiswijzer-offline.zip (make site builds it too, for the download page)
#   make bench   measure start-up, freezes, transfer sizes and the zip
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-12)
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
# Where the site is published (mkdocs.yml reads it): a real sitemap and canonical links, and a
# 404 page whose links work under a subpath. Empty: the same site, with relative links only.
# Set it here or per build: make site SITE_URL=https://example.org/thuiswijzer/
SITE_URL ?=
export SITE_URL
# Reproducible builds: every date and file time inside the build is the last commit's time.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1767225600)

.PHONY: setup system site serve check test bundle bench lock clean

setup: system $(STAMP)

system:
	@bash scripts/system_deps.sh

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $@

# The site offers the offline zip on its download page, so building the site builds the zip.
site: setup
	$(PY) scripts/build_runtime.py
	$(PY) -m mkdocs build --strict
	$(PY) scripts/bundle.py

serve: site
	@echo "Thuiswijzer staat op http://127.0.0.1:$(PORT)/ (stoppen met Ctrl+C)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory site

bundle: site

# make check: what needs no build and no browser (unit, content, properties), in under 2 minutes.
# make test: everything; tests that need the site build it once (tests/conftest.py, `site`).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
check: setup
	$(PY) -m pytest -n $(JOBS) --dist worksteal -m "not build"

test: setup
	$(PY) -m pytest -n $(JOBS) --dist worksteal

bench: bundle
	$(PY) scripts/bench.py

# Re-pin the Python tools after editing requirements.in (needs pip-tools in the venv).
lock:
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o requirements.lock requirements.in

clean:
	rm -rf site dist build .cache
