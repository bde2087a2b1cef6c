"""Issue #13 item 16: `make serve CERT=... KEY=...` serves https, so passwords and cookies are not sent in the clear."""
import subprocess

import pytest
import requests

from facilitation import ROOT
from tests.services import AppProcess


def _self_signed(tmp_path):
    """The one-liner of the README, for a venue laptop."""
    cert, key = tmp_path / "venue.crt", tmp_path / "venue.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def test_make_serve_passes_the_certificate_to_gunicorn():
    plan = subprocess.run(["make", "-n", "serve", "CERT=/tmp/venue.crt", "KEY=/tmp/venue.key"], cwd=ROOT,
                          capture_output=True, text=True).stdout
    assert "--certfile /tmp/venue.crt --keyfile /tmp/venue.key" in plan and "SCHEME=https" in plan
    plain = subprocess.run(["make", "-n", "serve"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "--certfile" not in plain and "SCHEME=http " in plain


def test_make_serve_refuses_a_certificate_without_a_key(tmp_path):
    done = subprocess.run(["make", "serve", f"CERT={tmp_path / 'missing.crt'}"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode != 0 and "CERT and KEY" in done.stdout + done.stderr


@pytest.mark.long
def test_the_server_answers_over_https_with_secure_cookies(tmp_path):
    cert, key = _self_signed(tmp_path)
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'tls.sqlite'}", "SECRET_KEY": "tls-test",
           "FACILITATION_INSTANCE": str(tmp_path / "instance")}
    from tests.services import flask_cli

    flask_cli(env, "db", "upgrade")
    server = AppProcess(env, tmp_path / "tls.log", tls=(cert, key))
    try:
        assert server.url.startswith("https://")
        response = requests.get(f"{server.url}/login", verify=str(cert), timeout=10)
        assert response.status_code == 200
        assert response.headers["Strict-Transport-Security"].startswith("max-age=")
        assert "Secure" in response.headers["Set-Cookie"]
        with pytest.raises(requests.exceptions.ConnectionError):  # no plain http on that port
            requests.get(server.url.replace("https://", "http://") + "/login", timeout=5)
    finally:
        server.stop()
