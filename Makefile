# One entry point for everything: `make demo` runs the platform with the demo network,
# `make test` runs every test. Both create the virtual environment on first use.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
LOCK := requirements/dev.lock
STAMP := $(VENV)/.installed-$(shell cat $(LOCK) pyproject.toml | cksum | cut -d' ' -f1)
MANAGE := $(PY) manage.py
NODE_STAMP := node_modules/.installed-$(shell cksum package-lock.json | cut -d' ' -f1)

.PHONY: demo test check bench install messages translations node-tools clean configuration

$(STAMP): $(LOCK) pyproject.toml
	@if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		rm -rf $(VENV); \
		interpreter=$${PYTHON:-$$(scripts/find-python)} || exit 1; \
		echo "Creating $(VENV) with $$interpreter"; \
		"$$interpreter" -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

translations: install
	$(MANAGE) compile_catalogues

# Links in e-mails and calendar files lead to the demo's own port, unless SITE_URL is set.
# As in production, background work (e-mail) goes through the database queue and a worker
# (`run_worker`: queued tasks and the periodic jobs) runs beside the web server, on the same
# SQLite file (docs/decisions/0008); it stops when the web server stops. The e-mails it
# delivers are printed on this console unless EMAIL_HOST is set.
demo: export SITE_URL ?= http://127.0.0.1:$(PORT)
demo: export TASKS_BACKEND ?= database
demo: install translations
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) collectstatic --no-input --verbosity 0
	@$(MANAGE) demo_logins
	@$(MANAGE) run_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT; trap 'exit 143' TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The W3C Nu HTML Checker, axe-core and Lighthouse, from the committed lock file.
node-tools:
	@if [ -f $(NODE_STAMP) ]; then :; \
	elif command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $(NODE_STAMP); \
	else echo "npm is missing: the HTML and accessibility checks will not run (apt-get install npm)."; fi

# Screenshots of failed browser tests and crawl reports go to test-artifacts/. The tests run
# in one process per core (pytest-xdist), each with its own test database; PYTEST_WORKERS=0
# runs them in this process (for pdb, or to read one test's output in order).
PYTEST_WORKERS ?= auto
test: install translations node-tools
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy inspir config
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) compile_catalogues --check
	$(PY) -m config.reference --check

# Rewrite docs/configuration.md from the settings (descriptions in config/reference.py).
configuration: install
	$(PY) -m config.reference

# Re-extract the translatable strings into the FR, EN and ES catalogues (needs GNU gettext).
messages: install
	$(MANAGE) makemessages --no-location --no-obsolete -l fr -l en -l es \
		--ignore '.venv/*' --ignore 'node_modules/*' --ignore 'staticfiles/*'

clean:
	rm -rf $(VENV) staticfiles db.sqlite3

# The performance suite (a benchmark, not a test): rewrites bench/results.json and
# docs/benchmarks.md. Lighthouse comes from node_modules (npm ci), Chromium and wrk from
# Debian; whatever cannot be installed is recorded as skipped, and the rest still runs.
bench: install translations node-tools
	@missing=""; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing$$missing from Debian"; \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null 2>&1 \
				|| { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; } \
				|| echo "Could not install$$missing: the suite records what needs it as skipped"; \
		else \
			echo "Missing$$missing (apt-get install -y$$missing as root): recorded as skipped"; \
		fi; \
	fi
	$(PY) -m bench.run $(BENCH_ARGS)
