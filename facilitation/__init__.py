"""facilitation: live inspiration meetings. create_app is the only place an app is built."""
import os

from flask import Flask
from sqlalchemy import event as sa_event
from werkzeug.middleware.proxy_fix import ProxyFix

from flask_babel import format_date, format_time, get_locale

# socket handlers (sockets) must be declared before init_app, which hands them to each new server
from . import cli, enums, home, i18n, sockets  # noqa: F401
from .events import flood
from . import models  # noqa: F401  (the whole schema, for create_all and migrations)
from .accounts import routes as accounts_routes
from .branding import routes as branding_routes
from .config import Config
from .dreams import console as dreams_console
from .dreams import routes as dreams_routes
from .events import routes as events_routes
from .events.roles import role_label
from .extensions import babel, compress, csrf, db, htmx, login_manager, migrate, socketio
from .facilitator import routes as facilitator_routes
from .followup import routes as followup_routes
from .polls import console as polls_console
from .polls import routes as polls_routes
from .i18n import decimal, in_language, language_name, offered_languages, right_to_left, select_locale, signed
from .limits import LIMITS
from .live import transport
from .live.transport import check_nothing_left
from .market import console as market_console
from .market.rubrics import rubric_label
from .market import routes as market_routes
from .moderation import console as moderation_console
from .organiser import routes as organiser_routes
from .programme import console as programme_console
from .programme import routes as programme_routes
from .programme.labels import phase_kind_label, phase_title, what_to_do
from .projector import console as projector_console
from .projector import routes as projector_routes
from .reports import harvest as reports_harvest
from .reports import routes as reports_routes
from .security import SecurityHeaders, add_security_headers, raise_body_limit, register_error_handlers
from .text import with_soft_hyphens
from .util import BoundedIntConverter
from .tables import console as tables_console
from .tables import routes as tables_routes
from .translation import routes as translation_routes
from .tables.labels import kind_label

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def create_app(config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=os.environ.get("FACILITATION_INSTANCE", os.path.join(ROOT, "instance")),
        template_folder=os.path.join(ROOT, "templates"),
        static_folder=os.path.join(ROOT, "static"),
    )
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_object(Config(app.instance_path))
    if config:
        app.config.update(config)
    if app.config["TRUSTED_PROXIES"]:
        # the phone's own address (flood limits) and https (secure cookies) as nginx saw them; the
        # host is the Host header nginx checked against server_name, never a forwarded one
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


    db.init_app(app)
    migrate.init_app(app, db, render_as_batch=True, directory=os.path.join(ROOT, "migrations"))
    app.before_request(raise_body_limit)  # before the CSRF check, which reads the form
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    htmx.init_app(app)
    compress.init_app(app)
    login_manager.init_app(app)
    socketio.init_app(
        app,
        async_mode=app.config["SOCKETIO_ASYNC_MODE"],
        message_queue=app.config["SOCKETIO_MESSAGE_QUEUE"],
        ping_interval=app.config["SOCKETIO_PING_INTERVAL"],
        ping_timeout=app.config["SOCKETIO_PING_TIMEOUT"],
        manage_session=True,
    )
    sockets.guard_packets(socketio.server)
    with app.app_context():
        _tune_sqlite(db.engine)
    flood.init_app(app)
    transport.init_app(app)

    app.url_map.converters["int"] = BoundedIntConverter  # before any route is made
    _register_blueprints(app)
    _register_cli(app)
    _register_template_helpers(app)

    app.after_request(add_security_headers)
    app.after_request(check_nothing_left)
    register_error_handlers(app)
    app.wsgi_app = SecurityHeaders(app.wsgi_app)

    return app


def _tune_sqlite(engine) -> None:
    """WAL lets the projector read while phones write; the busy timeout waits instead of failing.

    What is deleted is overwritten (secure_delete), and the files are readable by their owner only:
    SQLite gives the -wal and -shm files the mode of the database file.
    """
    if engine.dialect.name != "sqlite":
        return
    _owner_only(engine.url.database)

    @sa_event.listens_for(engine, "connect")
    def set_pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def _owner_only(path: str | None) -> None:
    """Create the SQLite file as 0600, and take group and world access from one made before."""
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    for name in (path, path + "-wal", path + "-shm", path + "-journal"):
        if os.path.exists(name):
            os.chmod(name, 0o600)


def _register_blueprints(app: Flask) -> None:
    for module in (home, i18n, accounts_routes, events_routes, organiser_routes, dreams_routes, dreams_console,
                   moderation_console, tables_routes, tables_console, programme_routes, programme_console,
                   facilitator_routes, projector_routes, projector_console, reports_routes, reports_harvest,
                   branding_routes, market_routes, market_console, followup_routes, polls_routes, polls_console,
                   translation_routes):
        app.register_blueprint(module.bp)


def _register_template_helpers(app: Flask) -> None:
    app.jinja_env.globals.update(
        current_language=lambda: str(get_locale()), limits=LIMITS, in_language=in_language,
        offered_languages=offered_languages, right_to_left=right_to_left, language_name=language_name, **{choice.__name__: choice for choice in enums.ALL})
    app.jinja_env.filters["role_label"] = role_label
    app.jinja_env.filters["kind_label"] = kind_label
    app.jinja_env.filters["phase_kind_label"] = phase_kind_label
    app.jinja_env.filters["phase_title"] = phase_title
    app.jinja_env.filters["rubric_label"] = rubric_label
    app.jinja_env.filters["what_to_do"] = what_to_do
    # a moment (naive UTC) as the day it is at the venue: "zaterdag 2 januari 2027"
    app.jinja_env.filters["venue_day"] = lambda moment: format_date(moment, "full")
    # numbers as the room reads them: 4,3 and +0,5 in Dutch
    app.jinja_env.filters["decimal"] = decimal
    app.jinja_env.filters["signed"] = signed
    # ... and a moment as the time it is at the venue: "21:04"
    app.jinja_env.filters["time_of_day"] = lambda moment: format_time(moment, "HH:mm")
    # a guest's text on the big screen: long words break with a hyphen (vrijwilligers-werk)
    app.jinja_env.filters["hyphenated"] = with_soft_hyphens


def _register_cli(app: Flask) -> None:
    cli.register(app)
