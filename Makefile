# Entry points for people and CI. See README.md.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
PYTEST_ARGS ?=
BENCH_ARGS  ?=

.PHONY: help venv run test test-suites test-browser test-postgres test-sqlite test-cluster bench services-start services-stop lint check-deploy clean

help:
	@echo "make run    – site with demo content at http://127.0.0.1:$(PORT) (SQLite, database search)"
	@echo "make test   – lint, then all tests against real PostgreSQL and Elasticsearch (started and stopped here)"
	@echo "make lint   – ruff check and ruff format --check (pyproject.toml)"
	@echo "make bench  – benchmarks (docs/benchmarks.md), then the three-node cluster test"

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# load_demo ends with the site's and the admin's address and the demo log-ins.
run: venv
	$(PY) manage.py migrate --noinput
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)} $(PY) manage.py load_demo
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)} $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Ruff (configured in pyproject.toml): lint rules and formatting, checked, never rewritten.
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Lint first, then: starts PostgreSQL and Elasticsearch (installing what is missing), runs
# the suites, stops what it started; services that were already running are reused and left
# running.
test: venv lint
	scripts/services.sh run -- $(MAKE) --no-print-directory test-suites

# The browser suite last: it builds its own throwaway demo site (tests/browser/README.md).
test-suites: test-postgres test-sqlite
	$(MAKE) --no-print-directory test-browser

# Real browser (Debian chromium + puppeteer-core/axe-core from npm) against a live demo site.
test-browser: venv
	PY=$(PY) scripts/browser-tests.sh

# The whole suite on PostgreSQL with the Elasticsearch node (the three-node cluster test
# takes minutes: it runs in test-cluster).
test-postgres:
	@test -n "$$DATABASE_URL" || { echo "DATABASE_URL is not set; use 'make test'"; exit 1; }
	$(PY) -m pytest --durations=20 -m "not cluster" $(PYTEST_ARGS)

# Three Elasticsearch nodes of their own (tests/search/cluster.py): replicas and no lost
# update while nodes stop and start. Part of `make bench`.
test-cluster: venv
	scripts/services.sh run -- $(PY) -m pytest -m cluster tests/search/test_cluster.py $(PYTEST_ARGS)

# Again on SQLite, the embedded default, where the two databases can behave differently:
# the database search fallback (text matching, facets, distance), the API on top of it,
# import/export and the health check.
SQLITE_TESTS = tests/home tests/search/backends/test_database.py tests/search/test_fallback_index.py tests/search/test_relevance.py \
	tests/search/test_contract.py tests/search/test_api.py tests/wiki/test_importers.py tests/wiki/test_exporters.py
test-sqlite:
	env -u DATABASE_URL $(PY) -m pytest -m "not elasticsearch and not postgres and not slow" $(SQLITE_TESTS) $(PYTEST_ARGS)

bench: venv
	scripts/services.sh run -- $(PY) -m bench $(BENCH_ARGS)
	$(MAKE) --no-print-directory test-cluster

services-start:
	scripts/services.sh start

services-stop:
	scripts/services.sh stop

check-deploy: venv
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=check-only-$$RANDOM-not-a-real-key-0123456789abcdefghijklmnopqrstuvwxyz ALLOWED_HOSTS=transferwiki.example.org \
		$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles media .pytest_cache
