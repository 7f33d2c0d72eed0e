# detente: every target creates .venv itself on a fresh machine.
#   make demo   installs the runtime only (requirements.lock + the spaCy model) and codes the demo corpus
#   make test   adds the test tools and Spark (requirements-test.lock, requirements-spark.lock), then tests
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test test-fast sysdeps bench clean serve-demo

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements-model.txt
	$(PY) -m pip install -q --no-deps -e .
	$(PY) -c "from detente.geo.geonames import ensure_index; ensure_index()"  # GeoNames place index, once per machine
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.lock requirements-spark.lock
	$(PY) -m pip install -q -r requirements.lock -r requirements-test.lock -r requirements-spark.lock
	touch $(TEST_STAMP)

demo: $(STAMP)
	$(VENV)/bin/detente demo --db demo.duckdb

serve-demo: demo
	$(VENV)/bin/detente serve --db demo.duckdb

# Java (for the Spark engine tests) and Chromium (for the dashboard tests) come
# from Debian packages when missing; never from a download at test time.
sysdeps:
	@command -v java >/dev/null 2>&1 || { echo "installing openjdk-17-jre-headless"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }
	@command -v chromium >/dev/null 2>&1 || { echo "installing chromium"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

test: $(TEST_STAMP) sysdeps
	$(PY) -m pytest -q

test-fast: $(TEST_STAMP)
	$(PY) -m pytest -q -m "not slow and not browser and not spark"

bench: $(STAMP)
	$(PY) bench/throughput.py

clean:
	rm -rf $(VENV) demo.duckdb detente.duckdb build *.egg-info
