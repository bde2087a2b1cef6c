"""gunicorn's settings: read from the working folder by every `gunicorn` started here (`make serve`, the
Procfile, deploy/facilitation@.service, the tests and the bench all run in the project's root).

gunicorn itself answers a request it cannot read (400, 414 URI too long, 431 header fields too large),
before Flask sees it. Those answers get the app's security headers and its plain bilingual page instead of
gunicorn's, which echoes the request back; no answer names the server software.
"""


def post_worker_init(worker):
    """In the worker, once the app is loaded (after gevent's patching, so nothing is imported too early)."""
    import gunicorn.http.wsgi
    import gunicorn.util

    from facilitation.security import HEADERS, PLAIN_ERROR

    def write_error(sock, status_int, reason, mesg):
        body = PLAIN_ERROR.format(status=int(status_int)).encode("latin-1")
        head = "".join(f"{name}: {value}\r\n" for name, value in [
            ("Connection", "close"), ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))), ("Cache-Control", "no-store"), *HEADERS])
        gunicorn.util.write_nonblock(sock, f"HTTP/1.1 {status_int} {reason}\r\n{head}\r\n".encode("latin-1") + body)

    gunicorn.util.write_error = write_error
    gunicorn.http.wsgi.SERVER = "facilitation"

    from facilitation.config import remember_served_url
    from facilitation.written import warm_up
    remember_served_url(worker.wsgi)  # `flask followup send` beside it links to this address
    warm_up()  # the language detector's models, before the first guest posts
