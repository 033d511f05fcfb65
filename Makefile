# civicdesk tasks. `make help` lists them. Two set-up commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/civicdesk
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help install run serve worker migrate demo messages lint fmt typecheck checks \
        test test-sqlite test-postgres e2e bench lock clean

help: ## List the tasks
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "civicdesk needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

# Every dependency comes from the lock, each file checked against its hash; the project itself
# is then installed without resolving anything (`make lock` after changing a pin).
$(VENV)/.installed: $(BIN)/activate pyproject.toml requirements/lock.txt
	$(BIN)/pip install --quiet --require-hashes -r requirements/lock.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@

install: $(VENV)/.installed ## Create the virtualenv and install pinned dependencies

messages: install ## Compile translations (no GNU gettext needed)
	@$(MANAGE) compiletranslations >/dev/null

migrate: install ## Apply database migrations
	@mkdir -p var
	$(MANAGE) migrate --no-input

demo: migrate messages ## Load the demo plant (idempotent)
	$(MANAGE) load_demo

run: demo ## Install, migrate, load the demo plant and serve on http://127.0.0.1:8000
	@echo "Serving on http://$(HOST):$(PORT)/ (background worker started; Ctrl+C stops both)"
	@$(MANAGE) db_worker --interval 1 & worker=$$!; \
	  trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	  $(MANAGE) runserver $(HOST):$(PORT)

worker: install ## Run the background task worker
	$(MANAGE) db_worker

lint: install ## ruff check, format check, and the import rules of ARCHITECTURE.md
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

fmt: install ## Format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: install ## mypy (strict)
	$(BIN)/mypy civicdesk config

checks: messages ## Django system checks, migrations in sync, check --deploy under production settings
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.production \
	  DJANGO_SECRET_KEY=ci-$$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 60) \
	  DJANGO_ALLOWED_HOSTS=civicdesk.example.gov.tw \
	  SITE_BASE_URL=https://civicdesk.example.gov.tw \
	  $(MANAGE) check --deploy --fail-level WARNING

test-sqlite: messages ## pytest on SQLite (without the browser tests)
	env -u DATABASE_URL $(BIN)/pytest -m "not e2e" -q

test-postgres: messages ## pytest on PostgreSQL (PG_TEST_URL); fails in CI if unreachable
	@if $(PY) scripts/pg_ready.py "$(PG_TEST_URL)"; then \
	  DATABASE_URL="$(PG_TEST_URL)" $(BIN)/pytest -m "not e2e" -q; \
	elif [ "$$CI" = "true" ]; then echo "PostgreSQL at $(PG_TEST_URL) is required in CI"; exit 1; \
	else echo "!! PostgreSQL not reachable at $(PG_TEST_URL): PostgreSQL tests NOT run"; fi

e2e: messages ## Browser tests: axe-core WCAG 2.1 AA and keyboard, both languages (Debian chromium)
	env -u DATABASE_URL $(BIN)/pytest -m e2e -q

test: lint typecheck checks test-sqlite test-postgres e2e ## The whole suite and every gate

bench: install ## Benchmarks (each prints its figures and a same-run baseline ratio)
	@for script in bench/*.py; do [ -e "$$script" ] || continue; echo "== $$script"; $(PY) "$$script"; done

lock: ## Re-pin requirements/lock.txt (with hashes) from pyproject.toml and constraints.txt
	$(PYTHON) -m venv var/piptools
	var/piptools/bin/pip install --quiet pip-tools==7.7.0
	var/piptools/bin/pip-compile --quiet --strip-extras --generate-hashes --no-emit-index-url \
	  --no-emit-find-links --extra dev --constraint requirements/constraints.txt \
	  --output-file requirements/lock.txt pyproject.toml

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) var
