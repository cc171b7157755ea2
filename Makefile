# courtadmin: two commands bring it up and test it (see README.md).
#   make run    the portal with demo data at http://127.0.0.1:8000 (SQLite, tasks in-process)
#   make test   the whole test suite (PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set)

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
LANGS := -l kk -l ru

.PHONY: run serve prepare demo test lint security-scan format messages compilemessages check-catalogs bench clean

$(VENV)/.runtime: requirements.txt build-constraints.txt
	@echo "==> Installing the portal's Python packages into $(VENV) (the first time takes a few minutes)"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade "pip>=25.3"
	$(PIP) install -q --build-constraint build-constraints.txt -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PIP) install -q --build-constraint build-constraints.txt -r requirements-dev.txt
	touch $@

compilemessages: $(VENV)/.runtime
	$(MANAGE) compilemessages -i $(VENV) -i var -i node_modules -v 0

# Everything `make run` does before serving: idempotent, safe to repeat.
# The address printed in the QR code and verification link of every document signed here.
export PORTAL_URL ?= http://$(HOST):$(PORT)

prepare: export DEMO_MODE = 1
prepare: $(VENV)/.runtime
	@echo "==> Checking the system libraries (PDF rendering, translations)"
	$(MANAGE) check_system
	@echo "==> Creating or updating the database in $${COURTADMIN_VAR_DIR:-var}/"
	$(MANAGE) migrate --noinput -v 0
	@echo "==> Compiling the Kazakh and Russian translations"
	$(MAKE) --no-print-directory compilemessages
	@echo "==> Collecting the styles and scripts"
	$(MANAGE) collectstatic --noinput -v 0
	@echo "==> Loading the demo organisation and records (about a minute the first time)"
	$(MANAGE) load_demo

run: export DEMO_MODE = 1
run: prepare serve

serve: export DEMO_MODE = 1
serve:
	@echo "==> The portal is at http://$(HOST):$(PORT)/ (demo accounts: README.md). Stop it with Ctrl+C."
	$(MANAGE) runserver $(HOST):$(PORT)

# Directory sign-in (LDAP) is an option: python-ldap compiles against OpenLDAP's headers.
# Without them its tests are skipped (in CI, where .ci/run installs them, they fail).
$(VENV)/.directory: $(VENV)/.runtime requirements-directory.txt
	@if [ -f /usr/include/ldap.h ] && [ -f /usr/include/sasl/sasl.h ]; then \
	  $(PIP) install -q --build-constraint build-constraints.txt -r requirements-directory.txt && touch $@; \
	else \
	  echo "OpenLDAP's headers are not installed: directory sign-in is off and its tests are skipped (apt-get install libldap2-dev libsasl2-dev slapd)"; \
	fi

# The independent checkers of the browser tests, axe-core and the Nu HTML Checker, as
# package-lock.json pins them. No install scripts: vnu-jar's would fetch a Java of its own,
# and the checker runs on the system's (default-jre-headless). Without npm the checker tests
# are skipped (in CI, where .ci/run installs it, they fail).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --ignore-scripts && touch $@; \
	else \
	  echo "npm is not installed: the checker tests will be skipped (apt-get install nodejs npm default-jre-headless)"; \
	fi

# The suite in as many processes as the machine has cores (pytest-xdist).
PYTEST_ARGS ?= -n auto
test: $(VENV)/.dev $(VENV)/.directory compilemessages node_modules/.installed
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates international/templates internal_security/templates courtadmin/documents/templates courtadmin/dashboard/templates courtadmin/correspondence/templates courtadmin/datarequests/templates courtadmin/instructions/templates --lint
	$(MAKE) --no-print-directory check-catalogs

# bandit over the portal's code (ruff's S rules run in lint too; bandit adds its own checks).
security-scan: $(VENV)/.dev
	$(VENV)/bin/bandit -q -r courtadmin international internal_security -x "*/migrations/*"

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djlint templates international/templates internal_security/templates courtadmin/documents/templates courtadmin/correspondence/templates --reformat --quiet || true

# Extract the strings of our code and templates into locale/*/django.po.
messages: $(VENV)/.runtime
	$(MANAGE) makemessages $(LANGS) -i $(VENV) -i var -i node_modules -i tests -i bench --add-location file --no-obsolete -v 0

# Fails on an untranslated or fuzzy entry in the kk or ru catalog.
check-catalogs:
	@for po in locale/kk/LC_MESSAGES/django.po locale/ru/LC_MESSAGES/django.po; do \
	  stats=$$(msgfmt --check --statistics -o /dev/null $$po 2>&1) || { echo "$$po: $$stats"; exit 1; }; \
	  case "$$stats" in *untranslated*|*fuzzy*) echo "$$po: $$stats"; exit 1;; esac; \
	  echo "$$po: $$stats"; \
	done

# Benchmarks on PostgreSQL (never in CI): results in bench/results.json and docs/benchmarks.md.
# Every benchmark runs at each of BENCH_SIZES records of a kind, each size in its own database
# (courtadmin_bench_100000, ...), kept between runs; the table gives each page's growth.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/courtadmin_bench
BENCH_SIZES ?= 100000 1000000
bench: $(VENV)/.runtime
	@for size in $(BENCH_SIZES); do \
	  db=$(notdir $(BENCH_DATABASE_URL))_$$size; url=$(dir $(BENCH_DATABASE_URL))$$db; \
	  echo "bench: $$size records of each kind, in $$db"; \
	  psql "$(dir $(BENCH_DATABASE_URL))postgres" -qtc "SELECT 1 FROM pg_database WHERE datname = '$$db'" | grep -q 1 \
	    || psql "$(dir $(BENCH_DATABASE_URL))postgres" -qc "CREATE DATABASE $$db" || exit 1; \
	  DATABASE_URL=$$url $(MANAGE) migrate --noinput -v 0 || exit 1; \
	  DATABASE_URL=$$url BENCH_SIZE=$$size $(PY) -m bench.run $(BENCHMARKS) || exit 1; \
	done

clean:
	rm -rf $(VENV) var node_modules .pytest_cache .ruff_cache
