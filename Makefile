# newskg: `make demo` runs the pipeline on the bundled samples; `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_STORE ?= .demo-store
DEMO_QUERIES := what-happened-next programs-by-operator program-data program-timeline petitions money-by-organization people-roles

.PHONY: demo test install lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -rf $(DEMO_STORE)
	$(BIN)/newskg run examples/ --store $(DEMO_STORE)
	@for q in $(DEMO_QUERIES); do \
		echo; echo "== newskg query $$q"; \
		$(BIN)/newskg query $$q --store $(DEMO_STORE) || exit 1; \
	done
	@echo; echo "== newskg query quotes-about --param organization=Quillmark"
	@$(BIN)/newskg query quotes-about --param organization=Quillmark --store $(DEMO_STORE)

test: install
	$(BIN)/ruff check extract tests bench
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: install
	$(BIN)/ruff check extract tests bench
	$(BIN)/ruff format --check extract tests bench

bench: install
	$(BIN)/python bench/article_quality.py
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/store.py

clean:
	rm -rf $(VENV) $(DEMO_STORE) newskg-data *.egg-info
