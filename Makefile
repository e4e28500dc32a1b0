# Quick start: `make site` builds the site, `make test` runs every test. Both set up .venv
# from the pinned requirements on first use. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Two stamps: what building the site needs (requirements.txt), and on top of it what the tests
# and benchmarks need (requirements-dev.txt). The site's build, as CI publishes it, installs
# no test tool.
RUNTIME := $(VENV)/.installed-runtime
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
# Reproducible builds: every date MkDocs writes comes from the last commit, unless one is
# given; one set but empty (`SOURCE_DATE_EPOCH= make site`, a CI variable left blank) is none
# (MkDocs stopped with a traceback on it).
ifeq ($(strip $(SOURCE_DATE_EPOCH)),)
override SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
endif
export SOURCE_DATE_EPOCH
ifeq ($(SOURCE_DATE_EPOCH)$(if $(wildcard .git),clone),0clone)
$(warning git could not read this clone's last commit (as root in a container, git may not trust a checkout another user owns: git config --global --add safe.directory "$(CURDIR)"); the site's dates fall back to 1970)
endif
export NO_MKDOCS_2_WARNING := 1
# A fork's address: SITE_URL and REPO_URL (see mkdocs.yml). One set but empty (a CI variable
# a fork never filled in, `SITE_URL= make site`) is no address: MkDocs took it as none (a
# sitemap with no page, no canonical link, no repository link) while the generator took the
# default; left out of the commands' environment, both take the default.
ifeq ($(strip $(SITE_URL)),)
unexport SITE_URL
endif
ifeq ($(strip $(REPO_URL)),)
unexport REPO_URL
endif

.PHONY: site test serve generate check ingest new-article bench lighthouse browser clean hooks lock
# `make clean site` (or any goal after clean) in parallel (-j, or MAKEFLAGS in a profile) would
# delete the pages MkDocs is reading: with clean among the goals, make runs one thing at a time.
ifneq ($(filter clean,$(MAKECMDGOALS)),)
.NOTPARALLEL:
endif

# A .venv whose Python no longer starts, or no longer finds the packages installed in it
# (the system's Python upgraded under it: they are in the old version's folder), is set up
# again, as is one left half made (python3-venv missing: no pip in it).
ifneq ($(shell { test -e $(RUNTIME) || test -e $(STAMP); } && { $(PY) -c 'import yaml, jinja2' >/dev/null 2>&1 || echo broken; }),)
$(shell rm -f $(RUNTIME) $(STAMP))
endif

# requirements*.txt name what the project uses; constraints.txt pins every package they pull
# in, and setuptools, which installs the project itself (no build isolation: nothing is
# fetched that the pins do not name). `make lock` writes constraints.txt again.
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt
# pip never uninstalls: what constraints.txt no longer pins (a dependency a commit dropped)
# is taken out of an existing .venv after each install.
PRUNE := $(PY) -m lgnews.unpinned constraints.txt
# The venv is made by the Python that runs make's recipes: one older than 3.11 would fail
# half-way through pip with a list of every version of mkdocs-material.
NEEDS_311 = $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "make: the project needs Python 3.11 or later; $(PYTHON) is $$($(PYTHON) -V 2>&1). Name one with PYTHON, e.g. make site PYTHON=python3.11" >&2; exit 1; }

$(RUNTIME): requirements.txt constraints.txt pyproject.toml
	@$(PY) -m pip --version >/dev/null 2>&1 || { $(NEEDS_311); $(PYTHON) -m venv --clear $(VENV); }
	$(PIP_INSTALL) -r requirements.txt setuptools
	$(PIP_INSTALL) --no-deps --no-build-isolation -e .
	$(PRUNE)
	@touch $@

$(STAMP): $(RUNTIME) requirements-dev.txt
	$(PIP_INSTALL) -r requirements-dev.txt
	$(PRUNE)
	@touch $@

# Pins every package requirements-dev.txt pulls in (and setuptools), as a fresh venv resolves
# them today, into constraints.txt: run after changing a pin in requirements*.txt, then run
# `make test` (tests/test_setup.py checks that constraints.txt and .venv agree).
# The pins are made by Python 3.11, the version CI runs (on 3.13 pip leaves out what only
# older Pythons need, typing_extensions, which 3.11 would then install unpinned).
LOCK_PYTHON ?= python3.11
lock:
	@$(LOCK_PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || { echo "make lock: needs Python 3.11, as CI runs it; name it with LOCK_PYTHON=... (found: $$($(LOCK_PYTHON) -V 2>&1))" >&2; exit 1; }
	@rm -rf .lock-venv && $(LOCK_PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt 'setuptools>=68'
	@{ echo "# Every package \`make site\` and \`make test\` install, pinned: written by \`make lock\`"; \
	  echo "# from requirements-dev.txt (which includes requirements.txt) in a fresh venv; not edited by hand."; \
	  .lock-venv/bin/python -m pip freeze --all --exclude pip --disable-pip-version-check; } > constraints.txt.new
	@mv constraints.txt.new constraints.txt && rm -rf .lock-venv
	@echo "lock: constraints.txt pins $$(grep -c '==' constraints.txt) packages"

generate: $(RUNTIME)
	$(PY) scripts/build.py

# Built beside site/ and put in its place only once MkDocs and Pagefind have both succeeded:
# a failed build (a broken link in strict mode) leaves the last good site/ as it was.
site: generate
	@rm -rf .site-new .site-old
	@echo "site: mkdocs build --strict"
	@$(PY) -m mkdocs build --strict --site-dir .site-new || { rm -rf .site-new; echo "site: not built; site/ is unchanged" >&2; exit 1; }
	@echo "site: pagefind (the search index)"
	@$(PY) -m pagefind --site .site-new --silent || { rm -rf .site-new; echo "site: not built; site/ is unchanged" >&2; exit 1; }
	@# (Pagefind 1.5.2 says nothing and exits 0 when the disk is full, leaving empty files: a search that finds nothing.)
	@test -s .site-new/pagefind/pagefind.js && test -s .site-new/pagefind/pagefind-entry.json \
		&& [ -z "$$(find .site-new/pagefind -type f -size 0 -print -quit)" ] \
		|| { rm -rf .site-new; echo "site: the search index is incomplete (empty files: is the disk full?); not built; site/ is unchanged" >&2; exit 1; }
	@if [ -e site ]; then mv site .site-old; fi; mv .site-new site; rm -rf .site-old
	@echo "site: built into site/, as it is published; to look at it, run 'make serve' (opened from the disk, site/index.html can be read but not searched)"

check: $(RUNTIME)
	$(PY) scripts/build.py --check

# The preview is served at the root of 127.0.0.1:8000 whatever the published site_url; the
# generated pages keep the published address (the generator ignores PREVIEW_SITE_URL), so
# they are the same as after `make site` and `make check` agrees. --dirty: each save rebuilds
# only the pages that changed (lgnews/preview.py says what else it rebuilds, and why).
# The hook (hooks/regenerate.py) generates the pages before each build, the first one too. A
# problem in archive/ is printed, and the preview opens all the same with the pages last
# generated (if none ever were, it stops with one line), and says it again on each save until
# it is fixed.
# PORT: another port, for a second preview beside the first (make serve PORT=8001); not
# read from the environment, where many shells keep a PORT of their own.
PORT = 8000
serve: $(RUNTIME)
	PREVIEW_SITE_URL=http://127.0.0.1:$(PORT)/ $(PY) -m mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

# FILE, TITLE and DATE are handed over as data, in the environment of the one command that
# reads them: $(value ...) is what was typed, not expanded by make (a title copied from an
# article could hold '$(shell ...)'), and ':=' keeps it so; the shell only reads "$$LG_..." (a
# downloaded file's name could hold `...`), and a newline in a value stays in the value
# instead of splitting the recipe in two lines. Ingest reads FILE's quotes and patterns
# itself. FILE, TITLE and DATE themselves are not exported: make would expand them to put
# them in the environment.
unexport FILE TITLE DATE
ingest: export LG_FILES := $(value FILE)
ingest: export LG_GOALS := $(filter-out ingest,$(MAKECMDGOALS))
new-article: export LG_TITLE := $(value TITLE)
new-article: export LG_DATE := $(value DATE)

ingest: $(RUNTIME)
	@if [ -z "$${LG_FILES//[[:space:]]/}" ]; then echo "usage: make ingest FILE=path/to/article.txt [FILE='a.txt b.txt']"; exit 2; fi
	@$(PY) scripts/ingest.py --files-from-make="$$LG_FILES" --goals-from-make="$$LG_GOALS"

new-article: $(RUNTIME)
	@$(PY) scripts/new_article.py $${LG_TITLE:+--title="$$LG_TITLE"} $${LG_DATE:+--published="$$LG_DATE"}

# Browser tests drive Debian's Chromium. As root (CI, containers) it is installed here;
# otherwise we stop and say the one command to run.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "make: installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	  else \
	    echo "make: the browser tests need Debian's Chromium at $(CHROMIUM). Install it with:"; \
	    echo "    sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei"; \
	    exit 1; \
	  fi; \
	fi

# The git hooks of .pre-commit-config.yaml (the checks of `make check` on every commit): they
# use the tools of requirements-dev.txt.
hooks: $(STAMP)
	$(VENV)/bin/pre-commit install

# The browser first: without one, a user who is not root is told what to run before any test
# tool is installed. (With test among the goals, the set-up waits for the browser's check:
# even with -j, one make sets .venv up, once.)
test: browser $(STAMP)
	$(PY) -m pytest
ifneq ($(filter test,$(MAKECMDGOALS)),)
$(RUNTIME): | browser
endif

# The search's figures need the browser too, unless BENCH_ARGS leaves them out (--no-search).
bench: $(if $(findstring --no-search,$(BENCH_ARGS)),,browser) $(STAMP)
	$(PY) scripts/bench.py $(BENCH_ARGS)

lighthouse: browser $(STAMP) site
	$(PY) scripts/lighthouse.py

# Removes build output, the caches and every generated page (as listed in the generator's
# manifest). lgnews/write.py needs only the standard library: without .venv (never set up, or
# removed first), the system's Python removes the pages.
clean:
	rm -rf site .site-new .site-old .pytest_cache .hypothesis .cache .ruff_cache
	$(if $(wildcard $(PY)),$(PY),$(PYTHON)) -c "import lgnews.write as w, pathlib; w.clean(pathlib.Path('docs'))"
