"""Benchmarks against the real server: `make bench` (quick) and `make bench-full`.

Each scenario starts the production server (gunicorn -k gevent -w 1) as a subprocess and drives it over
loopback with real clients: python-socketio AsyncClient for phones and the projector, aiohttp for HTTP.
Results go to bench/results/ (ignored by git): latest.json and latest.md, a Markdown table that is also printed.
A person copies a table into docs/performance.md by hand when a result is worth keeping.
"""
import argparse
import asyncio
import gc
import json
import os
import platform
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import aiohttp
import socketio

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.services import AppProcess, flask_cli, free_port, start_postgres, start_redis  # noqa: E402

import market as market_bench  # noqa: E402  (bench/market.py, beside this file)

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
MARKER = re.compile(r"bench-(\d+)")
#: settings to try without editing code, e.g. PUSH_BATCH_SECONDS=0.5 make bench
PASS_ON = {key: os.environ[key] for key in ("PUSH_BATCH_SECONDS",) if key in os.environ}


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))], 1)


def summary(values) -> dict:
    return {"p50": percentile(values, 50), "p95": percentile(values, 95), "p99": percentile(values, 99),
            "n": len(values)}


class Server(AppProcess):
    """The server as `make serve` starts it, with its CPU and memory read from /proc."""

    def __init__(self, target: str, env: dict, workdir: Path):
        super().__init__(env, workdir / f"server-{free_port()}.log", target=target, file_limit="hard")
        time.sleep(0.5)

    def worker(self) -> int:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return int(children[0]) if children else self.process.pid

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.worker()}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory(self) -> dict:
        status = Path(f"/proc/{self.worker()}/status").read_text()
        kb = {k: int(v.split()[0]) for k, v in re.findall(r"^(VmRSS|VmHWM):\s+(.*)$", status, re.M)}
        return {"rss_kb": kb["VmRSS"], "peak_rss_kb": kb["VmHWM"]}


async def join(http: aiohttp.ClientSession, url: str, code: str) -> tuple[str, str]:
    """Join like a phone; returns (session cookie, CSRF token)."""
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar, connector=http.connector, connector_owner=False) as phone:
        async with phone.get(f"{url}/j/{code}") as response:
            token = CSRF.search(await response.text()).group(1)
        async with phone.post(f"{url}/j/{code}", data={"csrf_token": token, "name": "", "role_tag": ""},
                              allow_redirects=False) as response:
            assert response.status == 302, response.status
        cookie = next(c.value for c in jar if c.key == "session")
    return cookie, token


async def gather_limited(coroutines, limit=50):
    semaphore = asyncio.Semaphore(limit)

    async def run(coroutine):
        async with semaphore:
            return await coroutine
    return await asyncio.gather(*(run(c) for c in coroutines))


class Listener:
    """One connected client that timestamps every dream it receives, by marker."""

    def __init__(self, received: dict, name: str):
        self.client = socketio.AsyncClient(reconnection=False)
        self.received, self.name = received, name
        self.client.on("dream:new", self.on_dream)
        self.client.on("wall:changed", self.on_wall)
        self.client.on("now", self.on_now)

    async def on_dream(self, data):
        now = time.perf_counter()
        for item in data.get("items", [data]):
            match = MARKER.search(item.get("html", ""))
            if match:
                self.received.setdefault(int(match.group(1)), {})[self.name] = now

    async def on_wall(self, data):
        self.received.setdefault("wall", []).append(time.perf_counter())

    async def on_now(self, data):
        """A change of part, pushed whole to the room."""
        self.received.setdefault("now", {})[self.name] = time.perf_counter()

    async def connect(self, url, cookie, auth, transports=("websocket",)):
        await self.client.connect(url, headers={"Cookie": f"session={cookie}"} if cookie else {}, auth=auth,
                                  transports=list(transports), wait_timeout=30)


def phone_worker(phones: list, connection) -> None:
    """A client process holding a share of the phones: connects them, then timestamps every dream.

    perf_counter is the system's monotonic clock, so the parent compares its send times with these.
    """
    async def run():
        received: dict = {}
        listeners = [Listener(received, f"phone{n}") for n in range(len(phones))]
        await gather_limited([listener.connect(url, cookie, auth)
                              for listener, (url, cookie, auth) in zip(listeners, phones)], 25)
        gc.collect()
        gc.freeze()  # the clients are the instrument: no long garbage-collector pauses while measuring
        connection.send("ready")
        await asyncio.get_running_loop().run_in_executor(None, connection.recv)
        connection.send({marker: list(times.values()) for marker, times in received.items() if marker != "wall"})
        await gather_limited([listener.client.disconnect() for listener in listeners], 100)

    asyncio.run(run())


async def start_phones(phones: list) -> list:
    """The phones, spread over one client process per core (at most 8), connected and listening."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    shares = max(1, min(os.cpu_count() or 1, 8, len(phones) // 50 or 1))
    workers = []
    for k in range(shares):
        parent, child = context.Pipe()
        process = context.Process(target=phone_worker, args=(phones[k::shares], child), daemon=True)
        process.start()
        workers.append((process, parent))
    loop = asyncio.get_running_loop()
    for _, connection in workers:
        assert await loop.run_in_executor(None, connection.recv) == "ready"
    return workers


async def fanout(servers, post, phones_auth, projector=None, dreams=20, rate=2.0) -> dict:
    """N phones (spread over the servers, held by one client process per core) and a projector (on the
    first server) connected; dreams posted at a steady rate; the delay to every client from just before
    each post."""
    url = servers[0].url
    rss = lambda: sum(server.memory()["rss_kb"] for server in servers)  # noqa: E731
    rss_before = rss()
    phones = [(servers[n % len(servers)].url, cookie, auth) for n, (cookie, auth) in enumerate(phones_auth)]
    workers = await start_phones(phones)
    loop = asyncio.get_running_loop()
    rss_connected = rss()
    received: dict = {}
    if projector:
        projector_listener = Listener(received, "projector")
        await projector_listener.connect(url, *projector)
    await asyncio.sleep(1)
    cpu_before = sum(server.cpu_seconds() for server in servers)
    sent: dict[int, float] = {}
    wall_latency = []
    for n in range(dreams):
        walls_before = len(received.get("wall", []))
        sent[n] = time.perf_counter()
        await post(n)
        if projector:
            for _ in range(200):
                if len(received.get("wall", [])) > walls_before:
                    wall_latency.append((received["wall"][walls_before] - sent[n]) * 1000)
                    break
                await asyncio.sleep(0.005)
        await asyncio.sleep(max(0, 1 / rate - (time.perf_counter() - sent[n])))
    await asyncio.sleep(3)
    cpu = sum(server.cpu_seconds() for server in servers) - cpu_before
    latencies = []
    for process, connection in workers:
        connection.send("stop")
        for marker, times in (await loop.run_in_executor(None, connection.recv)).items():
            latencies += [(t - sent[marker]) * 1000 for t in times]
        process.join(30)
    if projector:
        await projector_listener.client.disconnect()
    return {
        "phones": len(phones), "processes": len(servers), "client_processes": len(workers), "dreams": dreams,
        "rate_per_s": rate, "phone_latency_ms": summary(latencies),
        "projector_latency_ms": summary(wall_latency) if projector else None,
        "lost": dreams * len(phones) - len(latencies), "server_cpu_s": round(cpu, 2),
        "peak_rss_mb": round(sum(server.memory()["peak_rss_kb"] for server in servers) / 1024, 1),
        "rss_per_phone_kb": round((rss_connected - rss_before) / max(1, len(phones)), 1),
    }


class Console:
    """A facilitator console as the browser runs it (static/js/live.js): on a `panels` signal it fetches
    each named panel again, one request at a time per panel, at most once a second, and once more
    afterwards if signalled meanwhile; "miniature" fetches the console's miniature of the big screen."""

    def __init__(self, url: str, cookie: str, event_id: int, http: aiohttp.ClientSession):
        self.url, self.cookie, self.event_id, self.http = url, cookie, event_id, http
        self.client = socketio.AsyncClient(reconnection=False)
        self.client.on("panels", self.on_panels)
        self.busy: set[str] = set()
        self.again: set[str] = set()
        self.refresh_ms: list[float] = []
        self.last_start: dict[str, float] = {}
        self.errors = 0

    async def on_panels(self, data):
        for name in data["names"]:
            asyncio.ensure_future(self.refresh(name))

    async def refresh(self, name: str):
        if name in self.busy:
            self.again.add(name)
            return
        self.busy.add(name)
        path = (f"/console/{self.event_id}/projector-mini" if name == "miniature"
                else f"/console/{self.event_id}/panels/{name}")
        try:
            while True:
                wait = self.last_start.get(name, 0) + 1.0 - time.perf_counter()
                if wait > 0:
                    await asyncio.sleep(wait)
                self.again.discard(name)
                t0 = self.last_start[name] = time.perf_counter()
                async with self.http.get(f"{self.url}{path}",
                                         headers={"Cookie": f"session={self.cookie}"}) as response:
                    await response.read()
                    self.errors += response.status != 200
                self.refresh_ms.append((time.perf_counter() - t0) * 1000)
                if name not in self.again:
                    break
        finally:
            self.busy.discard(name)

    async def connect(self):
        await self.client.connect(self.url, headers={"Cookie": f"session={self.cookie}"},
                                  auth={"event": self.event_id, "as": "facilitator"}, transports=["websocket"])

    async def next_part(self, http: aiohttp.ClientSession) -> float:
        """Press "Next part"; returns the moment just before the request (the phones' clock)."""
        headers = {"Cookie": f"session={self.cookie}"}
        async with http.get(f"{self.url}/console/{self.event_id}/", headers=headers) as response:
            token = CSRF.search(await response.text()).group(1)
        sent = time.perf_counter()
        async with http.post(f"{self.url}/console/{self.event_id}/phase/next", headers=headers,
                             data={"csrf_token": token, "expected_phase": "0"}, allow_redirects=False) as response:
            await response.read()
            self.errors += response.status >= 400
        return sent


class Projector:
    """The big screen as the browser runs it: on `wall:changed` it fetches its stage again (one at a time),
    and notes when each new dream first shows."""

    def __init__(self, stage_url: str, cookie: str, event_id: int, http: aiohttp.ClientSession):
        self.stage_url, self.cookie, self.event_id, self.http = stage_url, cookie, event_id, http
        self.client = socketio.AsyncClient(reconnection=False)
        self.client.on("wall:changed", self.on_wall)
        self.busy = self.again = False
        self.seen: dict[int, float] = {}

    async def on_wall(self, data):
        if self.busy:
            self.again = True
            return
        self.busy = True
        try:
            while True:
                self.again = False
                async with self.http.get(self.stage_url, headers={"Cookie": f"session={self.cookie}"}) as response:
                    text = await response.text()
                now = time.perf_counter()
                for marker in MARKER.findall(text):
                    self.seen.setdefault(int(marker), now)
                if not self.again:
                    break
        finally:
            self.busy = False

    async def connect(self, url):
        await self.client.connect(url, headers={"Cookie": f"session={self.cookie}"},
                                  auth={"event": self.event_id, "as": "projector"}, transports=["websocket"])


async def rush(servers, code: str, phones_auth, posters, projector: Projector, consoles: list, seconds: float = 60) -> dict:
    """The dream rush: every connected phone posts one dream within `seconds`, while the projector and the
    consoles refresh as browsers do. Latency from just before each post to the projector showing it and to
    every phone receiving it; the consoles' panel refreshes; server CPU per dream."""
    import random

    url = servers[0].url
    phones = [(url, cookie, auth) for cookie, auth in phones_auth]
    workers = await start_phones(phones)
    loop = asyncio.get_running_loop()
    await projector.connect(url)
    for console in consoles:
        await console.connect()
    await asyncio.sleep(1)
    rng = random.Random(7)
    sent: dict[int, float] = {}
    errors = 0
    cpu_before = sum(server.cpu_seconds() for server in servers)
    connector = aiohttp.TCPConnector(limit=100)
    async with aiohttp.ClientSession(connector=connector) as http:
        async def one(n, cookie, token):
            nonlocal errors
            await asyncio.sleep(rng.uniform(0, seconds))
            sent[n] = time.perf_counter()
            try:
                async with http.post(f"{url}/e/{code}/dreams",
                                     data={"csrf_token": token, "text": f"Droom bench-{n}: samen sterker in de wijk"},
                                     headers={"Cookie": f"session={cookie}", "HX-Request": "true"},
                                     allow_redirects=False) as response:
                    await response.read()
                    errors += response.status != 200
            except aiohttp.ClientError:
                errors += 1

        await asyncio.gather(*(one(n, cookie, token) for n, (cookie, token) in enumerate(posters)))
        await asyncio.sleep(5)
        cpu = sum(server.cpu_seconds() for server in servers) - cpu_before
        # then the facilitator moves to the next part: how soon does every phone show it?
        part_sent = await consoles[0].next_part(http) if consoles else None
        await asyncio.sleep(5)
    latencies, part_change = [], []
    for process, connection in workers:
        connection.send("stop")
        for marker, times in (await loop.run_in_executor(None, connection.recv)).items():
            latencies += [(t - sent[marker]) * 1000 for t in times if marker in sent]
            if marker == "now" and part_sent is not None:
                part_change += [(t - part_sent) * 1000 for t in times]
        process.join(30)
    for client in [projector.client] + [console.client for console in consoles]:
        await client.disconnect()
    to_projector = [(projector.seen[n] - sent[n]) * 1000 for n in sent if n in projector.seen]
    refresh = [ms for console in consoles for ms in console.refresh_ms]
    return {
        "phones": len(phones), "dreams": len(sent), "seconds": seconds, "post_errors": errors,
        "post_to_projector_ms": summary(to_projector), "projector_missed": len(sent) - len(to_projector),
        "post_to_phones_ms": summary(latencies), "lost": len(sent) * len(phones) - len(latencies),
        "console_refresh_ms": summary(refresh), "console_errors": sum(c.errors for c in consoles),
        "part_change_to_phones_ms": summary(part_change), "part_change_missed": len(phones) - len(part_change),
        "server_cpu_s": round(cpu, 2), "server_cpu_ms_per_dream": round(cpu * 1000 / max(1, len(sent)), 1),
    }


async def rush_run(n_phones: int, work: Path, seconds: float) -> dict:
    """The dream rush on one process and SQLite, as at a venue."""
    env = {"DATABASE_URL": f"sqlite:///{work / 'rush.sqlite'}", "FLOOD_CONTROL": "0", **PASS_ON,
           "SECRET_KEY": "bench-secret", "FACILITATION_INSTANCE": str(work / "instance"),
           "SOCKETIO_ASYNC_MODE": "gevent"}
    flask_cli(env, "db", "upgrade")
    event = json.loads(flask_cli(env, "event", "create", "--title", "Rush", "--tables", "8", "--json"))
    server = Server("app:app", env, work)
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=200)) as http:
            url, code, eid = server.url, event["join_code"], event["event_id"]
            phones = await gather_limited([join(http, url, code) for _ in range(n_phones)], 50)
            cookies = {}
            for name, link in (("projector", event["projector_url"]), ("console1", event["facilitator_url"]),
                               ("console2", event["facilitator_url"])):
                jar = aiohttp.CookieJar(unsafe=True)
                async with aiohttp.ClientSession(cookie_jar=jar) as browser:
                    await (await browser.get(link.replace(link.split("/p/")[0].split("/f/")[0], url))).read()
                cookies[name] = next(c.value for c in jar if c.key == "session")
            stage = f"{url}/p/{eid}/stage"  # the link's token leaves the address after the first visit
            projector = Projector(stage, cookies["projector"], eid, http)
            consoles = [Console(url, cookies[name], eid, http) for name in ("console1", "console2")]
            auth = {"event": eid, "as": "participant"}
            return await rush([server], code, [(cookie, auth) for cookie, _ in phones], phones, projector, consoles,
                              seconds)
    finally:
        server.stop()


def scale_out(env: dict, work: Path) -> list:
    """Several processes: PostgreSQL and Redis of their own in `work`, written into `env`; returns their stops."""
    (work / "redis").mkdir()
    (work / "postgres").mkdir()
    redis_url, stop_redis = start_redis(work / "redis")
    database_url, stop_postgres = start_postgres(work / "postgres")
    env.update(DATABASE_URL=database_url, SOCKETIO_MESSAGE_QUEUE=redis_url, RATELIMIT_STORAGE_URI=redis_url)
    return [stop_redis, stop_postgres]


class PollScreen:
    """The big screen in the poll view, as live.js runs it: each `poll:counts` message (batched by the server)
    carries the counts as they stand; the screen shows the last of a batch. Every message is noted with the
    moment it arrived and the number of answers it showed."""

    def __init__(self, cookie: str, event_id: int):
        self.cookie, self.event_id = cookie, event_id
        self.client = socketio.AsyncClient(reconnection=False)
        self.client.on("poll:counts", self.on_counts)
        self.shown: list[tuple[float, int]] = []

    async def on_counts(self, data):
        counts = [item for item in data.get("items", []) if "answered" in item]
        if counts:
            self.shown.append((time.perf_counter(), counts[-1]["answered"]))

    async def connect(self, url):
        await self.client.connect(url, headers={"Cookie": f"session={self.cookie}"},
                                  auth={"event": self.event_id, "as": "projector"}, transports=["websocket"])


async def poll_run(n_phones: int, work: Path, seconds: float, processes: int = 1) -> dict:
    """Issue #18: n connected phones each answer one quick poll within `seconds` (a quarter of them change their
    answer once), while the big screen shows the results live. How soon after an answer is stored does the big
    screen show a count that includes it; is every answer counted, exactly once."""
    import random

    env = {"DATABASE_URL": f"sqlite:///{work / 'poll.sqlite'}", "FLOOD_CONTROL": "0", **PASS_ON,
           "SECRET_KEY": "bench-secret", "FACILITATION_INSTANCE": str(work / "instance"),
           "SOCKETIO_ASYNC_MODE": "gevent"}
    stops = scale_out(env, work) if processes > 1 else []
    flask_cli(env, "db", "upgrade")
    event = json.loads(flask_cli(env, "event", "create", "--title", "Poll", "--tables", "8", "--json"))
    servers = [Server("app:app", env, work) for _ in range(processes)]
    server = servers[0]
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=200)) as http:
            url, code, eid = server.url, event["join_code"], event["event_id"]
            phones = await gather_limited([join(http, url, code) for _ in range(n_phones)], 50)
            cookies = {}
            for name, link in (("projector", event["projector_url"]), ("console", event["facilitator_url"])):
                jar = aiohttp.CookieJar(unsafe=True)
                async with aiohttp.ClientSession(cookie_jar=jar) as browser:
                    await (await browser.get(link.replace(link.split("/p/")[0].split("/f/")[0], url))).read()
                cookies[name] = next(c.value for c in jar if c.key == "session")
            console = {"Cookie": f"session={cookies['console']}"}
            async with http.get(f"{url}/console/{eid}/", headers=console) as response:
                token = CSRF.search(await response.text()).group(1)
            async with http.post(f"{url}/console/{eid}/room/polls", headers=console, allow_redirects=False, data={
                    "csrf_token": token, "kind": "choice", "question": "Werk jij met vrijwilligers?",
                    "options": "Ja\nNee\nSoms\nNog niet", "now": "yes"}) as response:
                await response.read()
                assert response.status in (200, 302), response.status
            poll_id = await _poll_id(http, url, code, phones[0][0])
            workers = await start_phones([(servers[n % processes].url, cookie, {"event": eid, "as": "participant"})
                                          for n, (cookie, _) in enumerate(phones)])
            screen = PollScreen(cookies["projector"], eid)
            await screen.connect(url)
            await asyncio.sleep(1)
            rng = random.Random(18)
            stored: list[float] = []
            answer_ms: list[float] = []
            errors = 0
            cpu_before = sum(s.cpu_seconds() for s in servers)

            async def one(n, cookie, token):
                nonlocal errors
                at = servers[n % processes].url
                await asyncio.sleep(rng.uniform(0, seconds))
                for attempt in range(2 if rng.random() < 0.25 else 1):
                    sent = time.perf_counter()
                    try:
                        async with http.post(f"{at}/e/{code}/polls/{poll_id}/answer", headers={
                                "Cookie": f"session={cookie}", "HX-Request": "true"},
                                data={"csrf_token": token, "choice": str(rng.randrange(4))}) as response:
                            await response.read()
                            errors += response.status != 200
                    except aiohttp.ClientError:
                        errors += 1
                    answer_ms.append((time.perf_counter() - sent) * 1000)
                    if attempt == 0:
                        stored.append(time.perf_counter())

            started = time.perf_counter()
            await asyncio.gather(*(one(n, cookie, token) for n, (cookie, token) in enumerate(phones)))
            answering = time.perf_counter() - started
            await asyncio.sleep(3)
            cpu = sum(s.cpu_seconds() for s in servers) - cpu_before
            for process, connection in workers:
                connection.send("stop")
                await asyncio.get_running_loop().run_in_executor(None, connection.recv)
                process.join(30)
            await screen.client.disconnect()
        # the m-th answer stored (at t) is current on the big screen once it shows at least m answers after t
        stored.sort()
        shown = sorted(screen.shown)
        staleness, k = [], 0
        for m, moment in enumerate(stored, start=1):
            while k < len(shown) and (shown[k][0] < moment or shown[k][1] < m):
                k += 1
            if k < len(shown):
                staleness.append((shown[k][0] - moment) * 1000)
        counted = max((answered for _, answered in shown), default=0)
        return {"phones": n_phones, "processes": processes, "seconds": seconds, "answering_s": round(answering, 1),
                "http_errors": errors,
                "answer_request_ms": summary(answer_ms),
                "answer_to_projector_ms": summary(staleness), "not_shown": len(stored) - len(staleness),
                "counted": counted, "projector_messages": len(shown), "server_cpu_s": round(cpu, 2)}
    finally:
        for each in servers:
            each.stop()
        for stop in stops:
            stop()


async def _poll_id(http, url, code, cookie) -> int:
    """The open poll's id, as a phone's poll page shows it in its form."""
    async with http.get(f"{url}/e/{code}/poll", headers={"Cookie": f"session={cookie}"}) as response:
        return int(re.search(r"/polls/(\d+)/answer", await response.text()).group(1))


async def app_run(n_phones: int, work: Path, burst_n: int, processes: int = 1) -> dict:
    """The app: one process on SQLite (the venue laptop), or several on PostgreSQL + Redis (scale-out)."""
    env = {"DATABASE_URL": f"sqlite:///{work / 'bench.sqlite'}", "FLOOD_CONTROL": "0", **PASS_ON,
           "SECRET_KEY": "bench-secret", "FACILITATION_INSTANCE": str(work / "instance"),
           "SOCKETIO_ASYNC_MODE": "gevent"}
    stops = scale_out(env, work) if processes > 1 else []
    flask_cli(env, "db", "upgrade")
    event = json.loads(flask_cli(env, "event", "create", "--title", "Bench", "--json"))
    servers = [Server("app:app", env, work) for _ in range(processes)]
    try:
        connector = aiohttp.TCPConnector(limit=200)
        async with aiohttp.ClientSession(connector=connector) as http:
            url, code, eid = servers[0].url, event["join_code"], event["event_id"]
            phones = await gather_limited([join(http, url, code) for _ in range(max(n_phones, burst_n) + 1)], 50)
            poster_cookie, poster_token = phones.pop()
            projector_jar = aiohttp.CookieJar(unsafe=True)
            async with aiohttp.ClientSession(cookie_jar=projector_jar) as projector_http:
                await (await projector_http.get(event["projector_url"].replace(
                    event["projector_url"].split("/p/")[0], url))).read()
            projector_cookie = next(c.value for c in projector_jar if c.key == "session")

            async def post(n):
                async with http.post(f"{url}/e/{code}/dreams", data={"csrf_token": poster_token,
                                                                     "text": f"Droom bench-{n} samen sterker"},
                                     headers={"Cookie": f"session={poster_cookie}"}, allow_redirects=False) as r:
                    assert r.status in (200, 302, 303), r.status

            weight = await page_weight(url, code, poster_cookie, http)  # first load: a fresh wall
            auth = {"event": eid, "as": "participant"}
            result = await fanout(servers, post, [(c, auth) for c, _ in phones[:n_phones]],
                                  (projector_cookie, {"event": eid, "as": "projector"}))
            result["payload_bytes"] = await pushed_dream_size(url, poster_cookie, eid, code, http, poster_token)
            if burst_n:
                result["burst"] = await burst(url, code, http, phones[:burst_n], work / "bench.sqlite", eid)
                result["page_weight"] = weight
        return result
    finally:
        for server in servers:
            server.stop()
        for stop in stops:
            stop()


async def pushed_dream_size(url, cookie, eid, code, http, token) -> int:
    """Bytes of one dream:new message with one dream, as a phone receives it (the Socket.IO frame's JSON)."""
    frames = []
    client = socketio.AsyncClient(reconnection=False)
    client.on("dream:new", lambda data: frames.append(len(json.dumps(["dream:new", data]).encode())))
    listener_cookie, _ = await join(http, url, code)
    await client.connect(url, headers={"Cookie": f"session={listener_cookie}"},
                         auth={"event": eid, "as": "participant"}, transports=["websocket"])
    async with http.post(f"{url}/e/{code}/dreams", data={"csrf_token": token, "text": "Een droom van gewone lengte, "
                                                         "over samen wonen en zorgen voor elkaar in de buurt."},
                         headers={"Cookie": f"session={cookie}"}, allow_redirects=False):
        pass
    for _ in range(100):
        if frames:
            break
        await asyncio.sleep(0.02)
    await client.disconnect()
    return frames[0] if frames else None


async def burst(url, code, http, phones, database: Path, eid) -> dict:
    """Every participant posts one dream, all within 5 seconds (sockets closed: this measures the POST path)."""
    import random

    rng = random.Random(1)
    latencies, errors = [], 0
    start = time.perf_counter()

    async def one(n, cookie, token):
        nonlocal errors
        await asyncio.sleep(rng.uniform(0, 5))
        t0 = time.perf_counter()
        try:
            async with http.post(f"{url}/e/{code}/dreams", data={"csrf_token": token, "text": f"Burst {n}: samen"},
                                 headers={"Cookie": f"session={cookie}"}, allow_redirects=False) as response:
                await response.read()
                errors += response.status not in (200, 302, 303)
        except aiohttp.ClientError:
            errors += 1
        latencies.append((time.perf_counter() - t0) * 1000)

    await asyncio.gather(*(one(n, c, t) for n, (c, t) in enumerate(phones)))
    with sqlite3.connect(database) as db:
        stored = db.execute("select count(*) from dreams where event_id = ? and text like 'Burst %'",
                            (eid,)).fetchone()[0]
    return {"posts": len(phones), "stored": stored, "http_errors": errors, "seconds": round(time.perf_counter() - start, 1),
            "post_latency_ms": summary(latencies)}


async def page_weight(url, code, cookie, http) -> dict:
    """First load of the join page and the dream page with their CSS and JS: bytes on the wire, as a
    browser asks for them (brotli, gzip), and what they would be without compression."""
    weights = {}

    async def size(path, headers, encoding):
        async with http.get(url + path, headers={**headers, "Accept-Encoding": encoding},
                            auto_decompress=False) as response:
            return await response.read()

    for name, path, with_cookie in (("join", f"/j/{code}", False), ("dream_page", f"/e/{code}", True)):
        headers = {"Cookie": f"session={cookie}"} if with_cookie else {}
        html = await size(path, headers, "identity")
        wire, raw = len(await size(path, headers, "br, gzip, deflate")), len(html)
        for asset in sorted(set(re.findall(rb'(?:src|href)="(/static/[^"?]+)', html))):
            wire += len(await size(asset.decode(), {}, "br, gzip, deflate"))
            raw += len(await size(asset.decode(), {}, "identity"))
        weights[name] = {"wire_kb": round(wire / 1024, 1), "uncompressed_kb": round(raw / 1024, 1)}
    return weights


async def baseline_run(n_phones: int, work: Path, payload: int) -> dict:
    server = Server("bench.baseline_server:app", {"BASELINE_PAYLOAD": str(payload)}, work)
    try:
        async with aiohttp.ClientSession() as http:
            async def post(n):
                async with http.post(f"{server.url}/trigger", params={"marker": f"bench-{n}"}):
                    pass
            return await fanout([server], post, [(None, {})] * n_phones)
    finally:
        server.stop()


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def held(runs, limit_ms=250) -> int:
    """The most phones a set-up held with p95 within the limit and nothing lost."""
    return max([r["phones"] for r in runs if r["lost"] == 0 and r["phone_latency_ms"]["p95"] is not None
                and r["phone_latency_ms"]["p95"] <= limit_ms] or [0])


def markdown(results: dict) -> str:
    """The run as a Markdown table, for bench/results/latest.md and the terminal."""
    lines = [f"\n### {results['date']} — `{results['command']}` — {results['machine']}\n"]
    if results["fanout"]:
        lines += ["| set-up | phones | phone p50/p95/p99 ms | projector p95 ms | baseline p95 ms | app/baseline p95 | "
                  "lost | server CPU s | peak RSS MB | RSS per phone KB |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
    for run in results["fanout"] + results.get("scale_out", []):
        p = run["phone_latency_ms"]
        setup = "1 process, SQLite" if run["processes"] == 1 else f"{run['processes']} processes, PostgreSQL + Redis"
        lines.append(f"| {setup} | {run['phones']} | {p['p50']}/{p['p95']}/{p['p99']} | "
                     f"{(run['projector_latency_ms'] or {}).get('p95')} | {run.get('baseline_p95_ms', '')} | "
                     f"{run.get('ratio_p95', '')} | {run['lost']} | {run['server_cpu_s']} | {run['peak_rss_mb']} | "
                     f"{run['rss_per_phone_kb']} |")
    b, w = results.get("burst"), results.get("page_weight")
    lines += [] if not b else ["", f"Burst: {b['stored']} of {b['posts']} stored, {b['http_errors']} HTTP errors, POST "
                  f"p50/p95/p99 {b['post_latency_ms']['p50']}/{b['post_latency_ms']['p95']}/"
                  f"{b['post_latency_ms']['p99']} ms. Page weight, first load with CSS and JS (on the wire / "
                  f"uncompressed KB): join {w['join']['wire_kb']} / {w['join']['uncompressed_kb']}, dream page "
                  f"{w['dream_page']['wire_kb']} / {w['dream_page']['uncompressed_kb']}; one pushed dream "
                  f"{results['pushed_dream_bytes']} bytes."]
    if results.get("rush"):
        lines += ["", "Dream rush (every phone posts one dream within the given seconds; projector and two consoles "
                      "refresh as browsers do):", "",
                  "| phones = dreams | seconds | post → projector p50/p95/p99 ms | post → phones p50/p95/p99 ms | "
                  "console refresh p50/p95/p99 ms | lost | server CPU ms per dream | errors | "
                  "next part → phones p50/p95/p99 ms (missed) |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for r in results["rush"]:
            pr, ph, co = r["post_to_projector_ms"], r["post_to_phones_ms"], r["console_refresh_ms"]
            pc = r.get("part_change_to_phones_ms") or {}
            lines.append(f"| {r['phones']} | {r['seconds']:g} | {pr['p50']}/{pr['p95']}/{pr['p99']} | "
                         f"{ph['p50']}/{ph['p95']}/{ph['p99']} | {co['p50']}/{co['p95']}/{co['p99']} | {r['lost']} | "
                         f"{r['server_cpu_ms_per_dream']} | {r['post_errors'] + r['console_errors']} | "
                         f"{pc.get('p50')}/{pc.get('p95')}/{pc.get('p99')} ({r.get('part_change_missed')}) |")
    if results.get("poll"):
        lines += ["", "Quick poll (every phone answers within the given seconds, a quarter change their answer once; "
                      "the big screen shows the results live):", "",
                  "| set-up | phones | seconds | all stored after s | answer request p50/p95/p99 ms | "
                  "answer stored → on the big screen p50/p95/p99 ms | counted / answers | "
                  "messages to the big screen | HTTP errors | server CPU s |", "|---|---|---|---|---|---|---|---|---|---|"]
        for r in results["poll"]:
            a = r["answer_to_projector_ms"]
            setup = "1 process, SQLite" if r["processes"] == 1 else f"{r['processes']} processes, PostgreSQL + Redis"
            q = r["answer_request_ms"]
            lines.append(f"| {setup} | {r['phones']} | {r['seconds']:g} | {r['answering_s']} | "
                         f"{q['p50']}/{q['p95']}/{q['p99']} | {a['p50']}/{a['p95']}/{a['p99']} | "
                         f"{r['counted']} / {r['phones']} | {r['projector_messages']} | {r['http_errors']} | "
                         f"{r['server_cpu_s']} |")
    if "market" in results:
        m = results["market"]
        lines += ["", f"Market ({m['guests']} guests, {m['posts']} offers and needs): a new post stored with its "
                      f"proposals p50/p95/p99 {m['proposals_ms']['p50']}/{m['proposals_ms']['p95']}/"
                      f"{m['proposals_ms']['p99']} ms (target p95 ≤ 50 ms), {m['proposals_per_post']} proposals each; "
                      f"a guest's market page p50/p95 {m['market_page_ms']['p50']}/{m['market_page_ms']['p95']} ms."]
    if "capacity" in results:
        c = results["capacity"]
        lines += ["", f"Capacity at p95 ≤ 250 ms: {c['one_process']} phones on one process, "
                      f"{c['two_processes']} on two (× {c['growth']}; capped by the largest step tried)."]
    return "\n".join(lines) + "\n"


def raise_file_limit() -> None:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, nargs="*", default=[500])
    parser.add_argument("--burst", type=int, default=500)
    parser.add_argument("--scale-out", action="store_true", help="also run fanout on 2 processes + Redis + PostgreSQL")
    parser.add_argument("--command", default="make bench")
    parser.add_argument("--rush", type=int, nargs="*", default=[], help="phones in the dream rush (each posts one)")
    parser.add_argument("--rush-seconds", type=float, default=60)
    parser.add_argument("--no-market", action="store_true", help="skip the market's matching (bench/market.py)")
    parser.add_argument("--poll", type=int, nargs="*", default=[], help="phones answering one quick poll")
    parser.add_argument("--poll-seconds", type=float, default=10)
    parser.add_argument("--poll-processes", type=int, nargs="*", default=[1],
                        help="server processes for the poll (more than 1: PostgreSQL + Redis)")
    args = parser.parse_args()
    raise_file_limit()
    results = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
               "command": args.command, "server": "gunicorn -k gevent -w 1", "fanout": []}
    for n in args.phones:
        work = Path(tempfile.mkdtemp(prefix="bench-"))
        try:
            app = asyncio.run(app_run(n, work, args.burst if n == args.phones[0] else 0))
            payload = app.pop("payload_bytes")
            base = asyncio.run(baseline_run(n, work, max(100, (payload or 700) - 60)))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if "burst" in app:
            results["burst"], results["page_weight"] = app.pop("burst"), app.pop("page_weight")
            results["pushed_dream_bytes"] = payload
        app.update(baseline_p95_ms=base["phone_latency_ms"]["p95"], baseline_lost=base["lost"],
                   ratio_p95=round(app["phone_latency_ms"]["p95"] / max(0.1, base["phone_latency_ms"]["p95"]), 2))
        results["fanout"].append(app)
        print(json.dumps(app), flush=True)
    if args.scale_out:
        results["scale_out"] = []
        for n in args.phones:
            work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
            try:
                run = asyncio.run(app_run(n, work, 0, processes=2))
                run.pop("payload_bytes", None)
            finally:
                shutil.rmtree(work, ignore_errors=True)
            results["scale_out"].append(run)
            print(json.dumps(run), flush=True)
        one, two = held(results["fanout"]), held(results["scale_out"])
        results["capacity"] = {"one_process": one, "two_processes": two, "growth": round(two / max(1, one), 2)}
    results["rush"] = []
    for n in args.rush:
        work = Path(tempfile.mkdtemp(prefix="bench-rush-"))
        try:
            run = asyncio.run(rush_run(n, work, args.rush_seconds))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        results["rush"].append(run)
        print(json.dumps(run), flush=True)
    results["poll"] = []
    for n in args.poll:
        for processes in args.poll_processes:
            work = Path(tempfile.mkdtemp(prefix="bench-poll-"))
            try:
                run = asyncio.run(poll_run(n, work, args.poll_seconds, processes))
            finally:
                shutil.rmtree(work, ignore_errors=True)
            results["poll"].append(run)
            print(json.dumps(run), flush=True)
    if not args.no_market:
        results["market"] = market_bench.run()
        print(json.dumps(results["market"]), flush=True)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2))
    table = markdown(results)
    (out / "latest.md").write_text(table, encoding="utf-8")
    print(json.dumps({k: v for k, v in results.items() if k not in ("fanout", "scale_out")}, indent=2))
    print(table)
    print(f"Written to {out / 'latest.json'} and latest.md; copy the table into docs/performance.md by hand "
          "when it is worth keeping.")


if __name__ == "__main__":
    main()
