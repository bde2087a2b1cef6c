"""The floor: a bare Flask-SocketIO app on the same server (gunicorn, gevent) that only broadcasts.

POST /trigger?marker=X sends one message of the size of a pushed dream to every connected client.
"""
from flask import Flask, request
from flask_socketio import SocketIO, join_room

app = Flask(__name__)
socketio = SocketIO(app, async_mode="gevent")
#: as big as the fragment the real app pushes for one dream (bench/run.py checks the size)
FILLER = "x" * int(__import__("os").environ.get("BASELINE_PAYLOAD", "600"))


@socketio.on("connect")
def connect(auth):
    join_room("all")


@app.post("/trigger")
def trigger():
    marker = request.args["marker"]
    socketio.emit("dream:new", {"items": [{"id": 1, "html": f"<li>{marker} {FILLER}</li>"}]}, to="all")
    return "", 204
