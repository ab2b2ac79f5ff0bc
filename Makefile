# The two commands: `make run` (set up everything and serve) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# make run is the development server: DEBUG on unless the caller says otherwise.
# make run PORT=8100 (or PORT=0.0.0.0:8100) serves there, and SITE_URL follows, so the
# QR codes on the demo certificates lead to this server (unless SITE_URL is given).
PORT ?= 8000
DEV_ADDR := $(if $(findstring :,$(PORT)),$(PORT),127.0.0.1:$(PORT))
DEV_ENV := DEBUG=$${DEBUG:-1} SITE_URL=$${SITE_URL:-http://$(DEV_ADDR)}
# make test runs the suite in parallel (pytest-xdist): one worker per core, at most 4;
# loadgroup keeps the tests of one xdist_group (the demo checks) on one worker.
# TEST_WORKERS=0 runs it in one process; PYTEST_ARGS="-n 0 ..." does the same.
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); echo $$(( n < 4 ? n : 4 )))

.PHONY: run setup test test-postgres lint format check-deploy bench demo messages clean

run: setup
	$(DEV_ENV) PORT=$(DEV_ADDR) bin/dev-server

setup: $(VENV)/.installed
	@mkdir -p var
	$(DEV_ENV) $(PY) manage.py compilemessages --ignore='.venv/*' -v 0
	$(DEV_ENV) $(PY) manage.py migrate --no-input -v 0
	$(DEV_ENV) $(PY) manage.py createcachetable
	$(DEV_ENV) $(PY) manage.py setup_roles
	$(DEV_ENV) $(PY) manage.py demo

$(VENV)/.installed: pyproject.toml
	bin/system-packages
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q '.[dev]'
	touch $@

test: $(VENV)/.installed
	bin/system-packages browser
	DJANGO_SETTINGS_MODULE=config.test_settings $(PY) manage.py compilemessages --ignore='.venv/*' -v 0
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: $(VENV)/.installed
	$(DEV_ENV) $(PY) manage.py makemessages -l de --ignore='.venv/*' --ignore='var/*' --ignore='tests/*' --ignore='benchmarks/*' --no-obsolete
	$(DEV_ENV) $(PY) manage.py compilemessages --ignore='.venv/*'

bench: $(VENV)/.installed
	bin/system-packages bench
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) var
