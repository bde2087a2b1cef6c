"""Configuration read from the environment; tests pass overrides to create_app."""
import os
import secrets
import socket
from datetime import timedelta
from pathlib import Path

#: languages an event is run in: the facilitator's console, the organiser's pages, the big screen, the report
LANGUAGES = ("nl", "en")
#: languages a guest can take part in on their own phone (each a complete catalog, checked by
#: tests/test_languages.py); the room's screens stay in the event's language
GUEST_LANGUAGES = ("nl", "en", "tr", "pl", "uk", "ar", "fa")
#: written right to left
RIGHT_TO_LEFT = frozenset({"ar", "fa"})
#: each language's name in itself, for the language switch and the event form
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "tr": "Türkçe", "pl": "Polski", "uk": "Українська",
                  "ar": "العربية", "fa": "فارسی"}


def _secret_key(instance_path: str) -> str:
    """SECRET_KEY from the environment, else one kept in the instance folder.

    A venue laptop has no secret store; a key kept on disk survives restarts so
    participants stay recognised by their cookie during the evening.
    """
    if key := os.environ.get("SECRET_KEY"):
        return key
    if os.environ.get("FACILITATION_ENV") == "production":
        raise RuntimeError("SECRET_KEY must be set in the environment in production "
                           "(for example: export SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))'))")
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


#: the address the last server started here serves on (instance folder), for commands run beside it
SERVED_URL_FILE = "served-url"


def remember_served_url(app) -> None:
    """Called when a server starts: `flask followup send` in another terminal then mails links to this port.
    gunicorn.conf.py calls it for every app gunicorn serves here; one without our settings (the benchmark's
    bare Flask-SocketIO baseline) is left alone."""
    if app.config.get("PUBLIC_URL"):
        Path(app.instance_path, SERVED_URL_FILE).write_text(app.config["PUBLIC_URL"] + "\n")


def public_url_default(instance_path: str | None = None) -> str:
    """HOST/PORT when given; else the address the server beside this command serves on; else port 5000.
    An empty variable (`PORT= flask ...`) counts as not given."""
    served = Path(instance_path or ".", SERVED_URL_FILE)
    if instance_path and not any(os.environ.get(name) for name in ("HOST", "PORT", "SCHEME")) and served.is_file():
        return served.read_text().strip()
    host = os.environ.get("HOST") or "127.0.0.1"
    port = os.environ.get("PORT") or "5000"
    if host in ("0.0.0.0", "::"):
        host = socket.gethostbyname(socket.gethostname())
    scheme = "https" if os.environ.get("SCHEME") == "https" else "http"  # `make serve CERT=... KEY=...`
    return f"{scheme}://{host}:{port}"


class Config:
    def __init__(self, instance_path: str):
        self.SECRET_KEY = _secret_key(instance_path)
        self.SQLALCHEMY_DATABASE_URI = os.environ.get(
            "DATABASE_URL", "sqlite:///" + os.path.join(instance_path, "facilitation.sqlite")
        )
        # The address phones use to reach this server: it goes into QR codes.
        self.PUBLIC_URL = os.environ.get("PUBLIC_URL") or public_url_default(instance_path)
        self.SOCKETIO_ASYNC_MODE = os.environ.get("SOCKETIO_ASYNC_MODE", "threading")
        self.SOCKETIO_MESSAGE_QUEUE = os.environ.get("SOCKETIO_MESSAGE_QUEUE")
        # A phone that stops answering (asleep, gone, or too slow to read) is dropped after interval +
        # timeout seconds, so what waits for it stays small; its page catches up when it comes back.
        self.SOCKETIO_PING_INTERVAL = float(os.environ.get("SOCKETIO_PING_INTERVAL", "15"))
        self.SOCKETIO_PING_TIMEOUT = float(os.environ.get("SOCKETIO_PING_TIMEOUT", "10"))
        # flood counters shared by all processes when there are several
        self.RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
        # load tests and bulk-posting browser tests switch the flood limits off (FLOOD_CONTROL=0)
        self.FLOOD_CONTROL = os.environ.get("FLOOD_CONTROL", "1") != "0"
        # behind nginx: how many proxies set X-Forwarded-For/-Proto/-Host (0 when phones reach us directly)
        self.TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
        # cookies only over HTTPS when the event is served over HTTPS
        self.SESSION_COOKIE_SECURE = self.PUBLIC_URL.startswith("https://")
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        # The follow-up mails (`flask --app app followup send`): an SMTP server, or, without MAIL_SERVER,
        # a folder where each mail is written as a .eml file (a venue laptop or `make run` needs no mail server).
        self.MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
        self.MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
        self.MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
        self.MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
        #: "starttls" (port 587), "ssl" (port 465) or "" (a local relay)
        self.MAIL_SECURITY = os.environ.get("MAIL_SECURITY", "")
        self.MAIL_FROM = os.environ.get("MAIL_FROM", "Dromen en daden <noreply@localhost>")
        #: where people report an accessibility problem (the accessibility statement names it)
        self.ACCESSIBILITY_CONTACT = os.environ.get("ACCESSIBILITY_CONTACT", "")
        self.MAIL_FOLDER = os.environ.get("MAIL_FOLDER", os.path.join(instance_path, "mail"))

    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    # An evening is long: a CSRF token lives as long as the session cookie.
    WTF_CSRF_TIME_LIMIT = None
    WTF_CSRF_SSL_STRICT = False
    PERMANENT_SESSION_LIFETIME = timedelta(days=7)
    # The cookie is written only when the session changes: a page's background refresh (after a socket
    # signal) that answered with the whole cookie again could bring back a message the page just showed.
    SESSION_REFRESH_EACH_REQUEST = False
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    MAX_CONTENT_LENGTH = 64 * 1024
    # Pages, styles and scripts travel compressed (brotli or gzip): a phone's first load drops from
    # about 133 KB to about 40 KB on a crowded venue Wi-Fi (docs/performance.md). Downloads stay as they are.
    COMPRESS_MIMETYPES = ["text/html", "text/css", "text/javascript", "application/javascript"]
    COMPRESS_BR_LEVEL = 5
    #: brotli or gzip, never zstd. Flask-Compress prefers zstd (the young backports.zstd extension) where a
    #: browser accepts it, as Chromium does; the browser tests' gevent server crashed (a segfault in the garbage
    #: collector) in six suite runs of six with it and in one of four without (docs/reliability.md). Every
    #: browser reads brotli, which is also smaller for our pages.
    COMPRESS_ALGORITHM = ["br", "gzip", "deflate"]
    COMPRESS_ALGORITHM_STREAMING = ["br", "deflate"]
    #: phones keep scripts and styles for an hour instead of asking again on every page
    SEND_FILE_MAX_AGE_DEFAULT = timedelta(hours=1)
    BABEL_DEFAULT_LOCALE = "nl"
    #: times on screens and in reports are the venue's (set TIMEZONE for a venue elsewhere)
    BABEL_DEFAULT_TIMEZONE = os.environ.get("TIMEZONE", "Europe/Amsterdam")
    BABEL_TRANSLATION_DIRECTORIES = str(Path(__file__).parent / "translations")
    LANGUAGES = LANGUAGES
    GUEST_LANGUAGES = GUEST_LANGUAGES
    RIGHT_TO_LEFT = RIGHT_TO_LEFT
    LANGUAGE_NAMES = LANGUAGE_NAMES
    #: an event's data is deleted this many days after the event, unless the organiser picks another day
    PURGE_AFTER_DAYS = 30
    #: ...and never before guests had this many days to answer the check-in mail
    CHECKIN_ANSWER_DAYS = 14
    #: new clouds and heart counts reach phones at once, but at most one message per this many seconds:
    #: what comes in between is sent together (a 1,000-guest dream rush: 2 messages a second per phone)
    PUSH_BATCH_SECONDS = float(os.environ.get("PUSH_BATCH_SECONDS", "0.5"))
    #: after a change that every phone must fetch (a new part), each phone waits a random moment up to this
    #: many milliseconds, so 2,000 phones do not ask in the same instant; the browser tests set 0
    RESYNC_SPREAD_MS = int(os.environ.get("RESYNC_SPREAD_MS", "3000"))
    #: clouds the big screen gets at once; it shows them page by page, whole, then asks for the next batch
    PROJECTOR_WALL_SIZE = 120
