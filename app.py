"""Serve facilitation: `python app.py` (what `make run` does), or `flask --app app <command>`.

gevent serves the sockets of a whole venue from one process; it must patch the
standard library before anything else is imported.
"""
import os

if os.environ.get("SOCKETIO_ASYNC_MODE", "gevent") == "gevent":
    os.environ["SOCKETIO_ASYNC_MODE"] = "gevent"
    from gevent import monkey

    monkey.patch_all()

from facilitation import create_app  # noqa: E402
from facilitation.config import remember_served_url  # noqa: E402
from facilitation.extensions import socketio  # noqa: E402
from facilitation.written import warm_up  # noqa: E402

app = create_app()

if __name__ == "__main__":
    remember_served_url(app)
    warm_up()  # the language detector's models, before the first guest posts
    socketio.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "5000")))
