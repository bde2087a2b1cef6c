"""A newcomer's clone: nothing machine-specific in the repository, and `make run` starts in a folder that
never held the project (issue 24: a tracked `.venv` link into one machine stopped every fresh clone)."""
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from facilitation import ROOT
from tests.services import free_port

#: folders that installs and runs fill on one machine; nothing in them belongs in the repository
MACHINE_FOLDERS = (".venv", "node_modules", "static/vendor", "instance")


def git(*args, cwd=ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def in_a_checkout() -> bool:
    return shutil.which("git") is not None and Path(ROOT, ".git").exists()


pytestmark = pytest.mark.skipif(not in_a_checkout(), reason="not a git checkout (an unpacked archive)")


def test_no_tracked_path_is_a_link_an_ignored_file_or_a_machines_folder():
    entries = [line.split(maxsplit=3) for line in git("ls-files", "-s", "-z").split("\0") if line]
    links = [path for mode, _, _, path in entries if mode == "120000"]
    assert links == [], f"tracked symbolic links (a fresh clone gets a link into one machine): {links}"
    ignored = [path for path in git("ls-files", "-ci", "--exclude-standard", "-z").split("\0") if path]
    assert ignored == [], f"tracked files that .gitignore ignores: {ignored}"
    inside = [path for *_, path in entries if any(path == f or path.startswith(f + "/") for f in MACHINE_FOLDERS)]
    assert inside == [], f"tracked files in a machine's own folders: {inside}"


def test_gitignore_matches_the_machine_folders_as_links_too(tmp_path):
    """`.venv/` matches a folder but not a link named .venv: the pattern must match both."""
    for folder in MACHINE_FOLDERS:
        out = subprocess.run(["git", "check-ignore", "--no-index", "-q", folder], cwd=ROOT)
        assert out.returncode == 0, f"{folder} is not ignored"
    Path(tmp_path, "target").mkdir()
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    shutil.copy(Path(ROOT, ".gitignore"), tmp_path / "repo" / ".gitignore")
    for folder in (".venv", "node_modules"):
        os.symlink(tmp_path / "target", tmp_path / "repo" / folder)
    status = git("status", "--porcelain", "--untracked-files=all", cwd=tmp_path / "repo")
    assert status.strip() == "?? .gitignore", f"links a machine made would be committed: {status}"


@pytest.mark.newcomer
def test_make_run_starts_the_demo_in_a_fresh_clone(tmp_path):
    """Clone HEAD into a new folder and run the README's first command until the demo's join page answers."""
    clone = tmp_path / "fresh"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    port = free_port()
    log_path = tmp_path / "make-run.log"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("FLASK_", "FACILITATION_"))}
    env.update(PORT=str(port), HOST="127.0.0.1", PYTHONUNBUFFERED="1")
    env.pop("VIRTUAL_ENV", None)
    with open(log_path, "w") as log:
        make = subprocess.Popen(["make", "run"], cwd=clone, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            join_url = _wait_for_join_url(make, log_path, deadline=time.monotonic() + 900)
            page = _get_when_up(make, log_path, join_url, deadline=time.monotonic() + 60)
        finally:
            os.killpg(make.pid, signal.SIGTERM)
            make.wait(20)
    assert "csrf_token" in page and "<form" in page, page[:500]
    venv = clone / ".venv"
    assert venv.is_dir() and not venv.is_symlink(), "make run must install into the clone's own .venv"
    assert (venv / "bin" / "python").exists()
    assert (clone / "static" / "vendor" / "htmx.min.js").exists()
    status = git("status", "--porcelain", cwd=clone)
    assert status == "", f"make run left the newcomer's tree dirty:\n{status}"


def _wait_for_join_url(make, log_path: Path, deadline: float) -> str:
    while time.monotonic() < deadline:
        text = log_path.read_text(errors="replace")
        found = re.search(r"join_url\s+(http://\S+)", text)
        if found:
            return found.group(1)
        assert make.poll() is None, f"make run stopped ({make.returncode}):\n{text[-4000:]}"
        time.sleep(1)
    raise AssertionError(f"make run printed no join URL in time:\n{log_path.read_text()[-4000:]}")


def _get_when_up(make, log_path: Path, url: str, deadline: float) -> str:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            assert make.poll() is None, f"make run stopped ({make.returncode}):\n{log_path.read_text()[-4000:]}"
            time.sleep(0.5)
    raise AssertionError(f"the join page never answered:\n{log_path.read_text()[-4000:]}")
