# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
HOST ?= 127.0.0.1
PORT ?= 5000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# `make serve CERT=venue.crt KEY=venue.key` serves https (README: "Venue Wi-Fi and https")
CERT ?=
KEY ?=
TLS := $(if $(CERT),--certfile $(CERT) --keyfile $(KEY))
SCHEME := $(if $(CERT),https,http)

.PHONY: run serve test screenshots deps test-deps browser services bench bench-full bench-text translations messages clean

run: deps
	$(FLASK) db upgrade
	@echo
	@echo "Demo event ready. Open these addresses in a browser:"
	@HOST=$(HOST) PORT=$(PORT) $(FLASK) event demo
	@echo
	@echo "Follow-up mails to guests: '$(FLASK) followup send' writes them to instance/mail/*.eml (no mail server needed)"
	@echo "Serving on http://$(HOST):$(PORT)  (Ctrl+C stops)"
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python app.py

# The production server: gunicorn with one gevent worker (Flask-SocketIO needs sticky sessions, so one
# worker per process; more processes go behind nginx with Redis + PostgreSQL, see docs/deploy.md).
serve: deps
	@if [ -n "$(CERT)$(KEY)" ] && ! [ -r "$(CERT)" -a -r "$(KEY)" ]; then \
	  echo "make serve: CERT and KEY must both name readable files (see README, Venue Wi-Fi and https)"; exit 2; fi
	$(FLASK) db upgrade
	ulimit -n "$$(ulimit -Hn)"; SOCKETIO_ASYNC_MODE=gevent HOST=$(HOST) PORT=$(PORT) SCHEME=$(SCHEME) \
	  $(BIN)/gunicorn -k gevent -w 1 \
	  --worker-connections 10000 --graceful-timeout 5 -b $(HOST):$(PORT) $(TLS) app:app

# one test worker per core and one more (pytest-xdist; each worker starts its own test server and browser):
# the browser tests wait on Chromium and the network a good part of the time, and the extra worker uses it.
# The long tests (marked) are handed out first, the rest to whichever worker is free; tests of one
# xdist_group (the accessibility tests, which share an evening) go to one worker together. JOBS=1 for one.
JOBS ?= $(shell echo $$(( $$(nproc) + 1 )))
test: test-deps browser services
	$(BIN)/python -m pytest -n $(JOBS) --dist loadgroup $(PYTEST_ARGS)

# The README's pictures: the browser tests take them; this writes them into docs/screenshots (tracked),
# which `make test` never does. Run it on purpose after changing a screen, look, then commit.
screenshots: test-deps browser services
	SCREENSHOTS_DIR=docs/screenshots $(BIN)/python -m pytest tests/browser -q $(PYTEST_ARGS)

# Benchmarks (docs/performance.md): `make bench` in under 5 minutes on 2 cores (500-phone fan-out, a burst,
# and a dream rush of 1,000 phones); bench-full steps up to 2,000 phones, adds two processes on Redis +
# PostgreSQL and a 2,000-phone dream rush.
bench: test-deps services
	$(BIN)/python bench/run.py --phones 500 --burst 500 --rush 1000 --command "make bench"

bench-full: test-deps services
	$(BIN)/python bench/run.py --phones 250 500 1000 2000 --burst 500 --scale-out --rush 1000 2000 --poll 2000 --poll-processes 1 2 --command "make bench-full"

# Language on real text: the screening's held rate per function, on a judging set and on ../shared/outside/
bench-text: test-deps
	$(BIN)/python bench/text.py

deps: $(VENV)/.installed static/vendor/.installed translations

# `make run` needs the app's packages only; the tests, screenshots and benchmarks add the test extras.
# --no-compile: Python compiles what it imports the first time it runs (a second or two); compiling every file
# of every package at install took 13 of the 23 seconds of the app's install from the local cache.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-compile -e .
	touch $@

test-deps: deps $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --no-compile -e ".[test]"
	touch $@

# htmx and socket.io-client come from npm at pinned versions, served by us (no CDN).
static/vendor/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js
	cp node_modules/socket.io-client/dist/socket.io.min.js static/vendor/socket.io.min.js
	mkdir -p static/vendor/fonts
	for weight in 400 700; do \
	  cp node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-$$weight-normal.woff2 static/vendor/fonts/noto-sans-arabic-$$weight.woff2; \
	  cp node_modules/@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-$$weight-normal.woff2 static/vendor/fonts/noto-sans-ethiopic-$$weight.woff2; \
	done
	touch $@

translations: $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d facilitation/translations

# Debian's Chromium for the Playwright tests (Playwright's own browser download needs the internet),
# poppler's pdftoppm, which the report tests use to render the PDF, and LibreOffice Calc, which opens
# the CSV export the way a Dutch spreadsheet program does (split on ";").
browser:
	@test -x /usr/bin/chromium -a -x /usr/bin/pdftoppm -a -x /usr/bin/soffice || ($(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core poppler-utils \
	  libreoffice-calc-nogui)

# Redis and PostgreSQL for the scale-out test and bench-full (each test starts its own, on loopback).
services:
	@command -v redis-server >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq redis-server postgresql)

# After changing user-facing strings: extract them, then translate the new Dutch entries.
messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o facilitation/translations/messages.pot facilitation templates
	$(BIN)/pybabel update --width 120 -i facilitation/translations/messages.pot -d facilitation/translations --no-fuzzy-matching

clean:
	rm -rf $(VENV) node_modules static/vendor
