"""Real Redis and PostgreSQL servers on loopback, for the scale-out test and `make bench-full`.

Each starter returns the server's URL and a function that stops it. PostgreSQL is a throw-away
cluster made with initdb in the given folder; initdb refuses root, so as root it runs as the
postgres system user that the Debian package creates.
"""
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process=None, log=None, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if process is not None and process.poll() is not None:
                raise RuntimeError(Path(log).read_text() if log and Path(log).exists() else "exited")
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def start_redis(folder: Path):
    if not shutil.which("redis-server"):
        raise RuntimeError("redis-server is missing: `make test` installs it (Debian package redis-server)")
    port, log = free_port(), folder / "redis.log"
    process = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--logfile", str(log)])
    wait_for_port(port, process, log)

    def stop():
        process.terminate()
        process.wait(10)
    return f"redis://127.0.0.1:{port}/0", stop


def start_postgres(folder: Path):
    if PG_BIN is None:
        raise RuntimeError("PostgreSQL is missing: `make test` installs it (Debian package postgresql)")
    data, port = folder / "data", free_port()
    as_user = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres")
        os.chmod(folder, 0o700)
        for parent in folder.parents:  # the postgres user must be able to walk to the folder
            if parent != Path("/"):
                os.chmod(parent, os.stat(parent).st_mode | 0o711)
    user = "postgres" if as_user else pwd.getpwuid(os.geteuid()).pw_name
    run = lambda *args: subprocess.run([*as_user, *map(str, args)], check=True, capture_output=True)  # noqa: E731
    run(PG_BIN / "initdb", "-D", data, "-U", user, "--auth=trust", "-E", "UTF8", "--no-sync")
    run(PG_BIN / "pg_ctl", "-D", data, "-l", folder / "pg.log", "-w", "start", "-o",
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200")
    run(PG_BIN / "createdb", "-h", "127.0.0.1", "-p", port, "-U", user, "facilitation")

    def stop():
        subprocess.run([*as_user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
    return f"postgresql+psycopg://{user}@127.0.0.1:{port}/facilitation", stop


def flask_cli(env: dict, *args) -> str:
    """`flask --app app ARGS` with these settings; returns what it printed."""
    from facilitation import ROOT

    return subprocess.run([sys.executable, "-m", "flask", "--app", "app", *args], cwd=ROOT,
                          env={**os.environ, **env}, check=True, capture_output=True, text=True).stdout


class AppProcess:
    """A server as `make serve` starts it (gunicorn, one gevent worker), on a free loopback port.

    `file_limit` sets the open-file limit first: a number, or "hard" for the hard limit.
    """

    def __init__(self, env: dict, log: Path, target: str = "app:app", file_limit=None, tls=None):
        from facilitation import ROOT

        self.port = free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        # `make serve CERT=... KEY=...` passes these to gunicorn
        certificate = ["--certfile", str(tls[0]), "--keyfile", str(tls[1])] if tls else []
        self.log = Path(log)
        limit = {None: "", "hard": 'ulimit -n "$(ulimit -Hn)"; '}.get(file_limit, f"ulimit -n {file_limit}; ")
        self.process = subprocess.Popen(
            ["bash", "-c", limit + 'exec "$@"', "serve", sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1",
             "--worker-connections", "10000", "--graceful-timeout", "5", "-b", f"127.0.0.1:{self.port}",
             "--log-level", "warning", *certificate, target],
            cwd=ROOT, env={**os.environ, "SOCKETIO_ASYNC_MODE": "gevent", **env, "PUBLIC_URL": self.url},
            stdout=open(self.log, "w"), stderr=subprocess.STDOUT)
        wait_for_port(self.port, self.process, self.log)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
