# The two commands of the README: `make demo` and `make check`.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo check setup system pretix clean

demo: setup
	$(VENV)/bin/kiosk demo

check: setup pretix
	./scripts/check

setup: system $(STAMP)

system:
	./scripts/setup-system.sh

# A real pretix server for tests/pretix, in its own venv (fast when already installed).
pretix:
	./scripts/setup-pretix

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .venv-pretix .pytest_cache .mypy_cache .ruff_cache
