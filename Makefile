# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
HOST ?= 127.0.0.1
PORT ?= 5000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps browser translations messages clean

run: deps
	$(FLASK) db upgrade
	@echo
	@echo "Demo event ready. Open these addresses in a browser:"
	@HOST=$(HOST) PORT=$(PORT) $(FLASK) event demo
	@echo
	@echo "Serving on http://$(HOST):$(PORT)  (Ctrl+C stops)"
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python app.py

test: deps browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

deps: $(VENV)/.installed static/vendor/.installed translations

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# htmx and socket.io-client come from npm at pinned versions, served by us (no CDN).
static/vendor/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js
	cp node_modules/socket.io-client/dist/socket.io.min.js static/vendor/socket.io.min.js
	touch $@

translations: $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d facilitation/translations

# Debian's Chromium for the Playwright tests (Playwright's own browser download needs the internet),
# and poppler's pdftoppm, which the report tests use to render the PDF.
browser:
	@test -x /usr/bin/chromium -a -x /usr/bin/pdftoppm || ($(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core poppler-utils)

# After changing user-facing strings: extract them, then translate the new Dutch entries.
messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o facilitation/translations/messages.pot facilitation templates
	$(BIN)/pybabel update -q -i facilitation/translations/messages.pot -d facilitation/translations --no-fuzzy-matching

clean:
	rm -rf $(VENV) node_modules static/vendor
