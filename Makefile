# The two commands a newcomer needs; both set everything up on a fresh machine.
VENV ?= .venv
PYTHON ?= python3

.PHONY: demo test lint bench

# The emulator (./emulator) is not on PyPI: installed first, it satisfies the demo extra.
$(VENV)/.installed: pyproject.toml emulator/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ./emulator
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed  ## try the whole product locally: bot + emulator + browser page
	$(VENV)/bin/peercoach demo

test: $(VENV)/.installed  ## lint, type-check and run every test (PostgreSQL too if TEST_DATABASE_URL is set)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest

bench: $(VENV)/.installed  ## print throughput, latency and memory figures
	$(VENV)/bin/python bench/run_all.py
