"""A real server (python app.py, gevent) and Debian's Chromium driven by Playwright."""
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from facilitation import ROOT
from tests.browser.waiting import EXPECT

expect.set_options(timeout=EXPECT)


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Screenshots go to an ignored folder, so `make test` leaves the tree clean; `make screenshots` sets
# SCREENSHOTS_DIR=docs/screenshots to refresh the README's pictures on purpose.
SCREENSHOTS = Path(ROOT) / os.environ.get("SCREENSHOTS_DIR", "test-results/screenshots")
NETWORK_LOSS = re.compile(r"WebSocket connection|ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ERR_FAILED|^htmx:")
EXPECTED_REFUSAL = re.compile(r"Failed to load resource: the server responded with a status of (409|422|429)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tmp: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "PORT": str(self.port),
            "HOST": "127.0.0.1",
            "PUBLIC_URL": self.url,
            "SECRET_KEY": "browser-test-secret",
            "DATABASE_URL": f"sqlite:///{tmp / 'browser.sqlite'}",
            "FACILITATION_INSTANCE": str(tmp / "instance"),
            "PYTHONUNBUFFERED": "1",
            # a server that crashes in C (runs 79, 81 and one more: status -11 during the 2,000-dream theme view)
            # writes every thread's Python stack to its log, which server_stayed_up shows
            "PYTHONFAULTHANDLER": "1",
            # these tests post hundreds of dreams from one phone on purpose; flood limits are tested in-process
            "FLOOD_CONTROL": "0",
            # phones fetch a new part at once instead of within a random 3 s (tests wait for events, not guesses)
            "RESYNC_SPREAD_MS": "0",
        }
        self.env.pop("SOCKETIO_ASYNC_MODE", None)  # the real thing: gevent, as `make run`
        self._cli = None
        self.log_path = tmp / "server.log"
        self.log = open(self.log_path, "w")
        self.flask("db", "upgrade")
        self.start()

    def start(self):
        self.process = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=self.env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        # returns as soon as the port answers; the ceiling covers a machine busy with other work (a restart after
        # kill -9 once took over 20 s while a pip install ran beside three test workers)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                assert self.process.poll() is None, self.log_path.read_text()
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def flask(self, *args) -> str:
        result = subprocess.run([sys.executable, "-m", "flask", "--app", "app", *args], cwd=ROOT, env=self.env,
                                capture_output=True, text=True, check=True)
        return result.stdout

    def cli(self, *args, check: bool = True) -> str:
        """A `flask` command that only touches the database (`event create`, `user create`), run in this
        process on the server's database: a subprocess per command cost one to three seconds of imports."""
        if self._cli is None:
            self._cli = self.app()
        result = self._cli.test_cli_runner().invoke(args=list(args))
        assert result.exit_code == 0 or not check, result.output
        return result.output

    def set_up_event(self, title: str, lang: str = "nl", tables: int = 0) -> dict:
        """`flask event create --json`, the stable interface."""
        return json.loads(self.cli("event", "create", "--title", title, "--lang", lang, "--tables", str(tables),
                                   "--json"))

    def app(self):
        """The app in this process, on the server's database: to set up what a test needs fast."""
        from facilitation import create_app

        return create_app({"SQLALCHEMY_DATABASE_URI": self.env["DATABASE_URL"], "SOCKETIO_ASYNC_MODE": "threading",
                           "SECRET_KEY": self.env["SECRET_KEY"], "PUBLIC_URL": self.url})

    def kill(self):
        """kill -9: no shutdown, no flush, as when a laptop's power fails over the process."""
        self.process.kill()
        self.process.wait(10)

    def stop(self):
        self.process.terminate()
        self.process.wait(10)
        self.log.close()
        # kept beside the screenshots: pytest's own temporary folders are gone after three more runs
        kept = Path(ROOT) / "test-results" / f"server-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}.log"
        kept.parent.mkdir(exist_ok=True)
        kept.write_bytes(self.log_path.read_bytes())

    def died(self) -> str | None:
        """When the server is gone: its exit status and the end of its log; it is started again, so one test
        that brings it down does not fail every test after it on this worker."""
        if self.process.poll() is None:
            return None
        status = self.process.returncode
        self.log.flush()
        tail = self.log_path.read_text(errors="replace")[-8000:]
        self.start()
        return f"the test server exited with status {status} during this test; its log ends:\n{tail}"


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("server"))
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def server_stayed_up(request):
    """After each browser test that used the server: it must still be running (see Server.died)."""
    yield
    if "server" in request.fixturenames:
        if death := request.getfixturevalue("server").died():
            pytest.fail(death)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


class Watched:
    """A browser context whose pages fail the test on a JavaScript error or a CSP violation."""

    def __init__(self, browser, network_loss=False, **options):
        self.context = browser.new_context(**options)
        self.problems = []
        self.network_loss = network_loss

    def page(self):
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.problems.append(f"pageerror: {error}"))
        page.on("console", self._console)
        return page

    def _console(self, message):
        # a friendly refusal (closed wall, bad input) is an answer the page shows, not a fault
        if self.network_loss and NETWORK_LOSS.search(message.text):
            return  # a test that cuts the network expects the socket to break
        if message.type == "error" and not EXPECTED_REFUSAL.search(message.text):
            self.problems.append(f"console: {message.text} at {message.location}")


@pytest.fixture
def contexts(browser):
    made = []

    def open_context(kind: str, lang: str = "nl", network_loss: bool = False, **extra) -> Watched:
        options = {
            "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True,
                      "has_touch": True},
            "phone-320": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 2, "is_mobile": True,
                          "has_touch": True},
            "projector": {"viewport": {"width": 1920, "height": 1080}},
            "projector-1024": {"viewport": {"width": 1024, "height": 768}},
            "laptop": {"viewport": {"width": 1366, "height": 900}},
            "laptop-768": {"viewport": {"width": 1366, "height": 768}},
        }[kind]
        watched = Watched(browser, network_loss=network_loss, locale="nl-NL" if lang == "nl" else "en-GB",
                          **options, **extra)
        made.append(watched)
        return watched

    yield open_context
    problems = [p for w in made for p in w.problems]
    for watched in made:
        watched.context.close()
    assert problems == []


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        # let arrival animations end (Playwright's animations="disabled" injects a style the CSP refuses)
        page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))

    return take
