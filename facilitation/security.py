"""Response headers and friendly error pages, for every response including errors."""
from flask import current_app, has_request_context, make_response, render_template, request
from flask_babel import gettext
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from .errors import Refused

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])


def takes_large_bodies(size: int):
    """A view whose form may be larger than MAX_CONTENT_LENGTH (64 KB): every table of an event at once,
    a logo. Put it under the route decorator; `raise_body_limit` applies it before any form is read."""
    def mark(view):
        view.max_body_size = size
        return view
    return mark


def raise_body_limit() -> None:
    """Before every other check (the CSRF check reads the form): this view's own limit, if it has one."""
    size = getattr(current_app.view_functions.get(request.endpoint), "max_body_size", None)
    if size:
        request.max_content_length = size


#: on every answer, whoever writes it: Flask, werkzeug's last resort (SecurityHeaders) or gunicorn itself
HEADERS = [("Content-Security-Policy", CONTENT_SECURITY_POLICY), ("X-Content-Type-Options", "nosniff"),
           ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY")]


def add_security_headers(response):
    if not has_request_context():
        return response
    response.headers.update(HEADERS)
    # Pages are made for one person (the console, the organiser's page with both secret links, a table
    # with names, a phone's own posts): no browser or proxy keeps a copy. Scripts, styles and QR codes
    # say themselves how long they may be kept.
    if request.endpoint != "static" and "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "no-store"
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return response


def _messages():
    return {
        400: gettext("Something in that request was not right. Please go back and try again."),
        403: gettext("This page is not for you, or your link has expired. Ask the facilitator for a new link."),
        404: gettext("We cannot find this page. Check the code or the link and try again."),
        405: gettext("This page cannot be used like that."),
        413: gettext("That was too much text at once. Please make it shorter."),
        429: gettext("You are going a bit fast. Wait a moment and try again."),
        500: gettext("Something went wrong on our side. Your earlier posts are safe. Please try again."),
    }


def render_error(status: int, message: str | None = None):
    """The friendly error page; when even that fails, a plain one. Both carry the security headers."""
    try:
        message = message or _messages().get(status) or _messages()[400]
        if request.headers.get("HX-Request"):
            body = render_template("errors/_message.html", message=message)
        else:
            body = render_template("errors/error.html", status=status, message=message)
    except Exception:  # noqa: BLE001 - the error page must answer whatever broke
        current_app.logger.warning("error page for %s could not be rendered; a plain one was sent", status,
                                   exc_info=current_app.debug)
        body = PLAIN_ERROR.format(status=int(status))
    return add_security_headers(make_response(body, status))


#: the last resort: no template, no translation, no database (ASCII: gunicorn writes it as latin-1 too)
PLAIN_ERROR = ("<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>{status}</title>"
               "<p>Er ging iets mis. Probeer het opnieuw. / Something went wrong. Please try again.</p></html>")


class SecurityHeaders:
    """WSGI middleware: an answer that left Flask without the security headers (werkzeug's own last-resort
    500, when an error handler itself failed) still gets them."""

    HEADERS = [*HEADERS, ("Cache-Control", "no-store")]

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        def start(status, headers, exc_info=None):
            present = {name.lower() for name, _ in headers}
            headers = list(headers) + [(n, v) for n, v in self.HEADERS if n.lower() not in present]
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        return self.wsgi_app(environ, start)


def register_error_handlers(app):
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(400, gettext("This form was open too long or came from elsewhere. "
                                         "Reload the page and send it again."))

    @app.errorhandler(Refused)
    def refused(error):
        # a rule said no where no view caught it: still a friendly answer, never a 500
        return render_error(error.status, str(error.message))

    @app.errorhandler(HTTPException)
    def http_error(error):
        return render_error(error.code or 500)

    @app.errorhandler(Exception)
    def unexpected_error(error):
        app.logger.exception("unhandled error")
        return render_error(500)
