"""Response headers and friendly error pages, for every response including errors."""
from flask import render_template, request
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


def add_security_headers(response):
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
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
    message = message or _messages().get(status) or _messages()[400]
    if request.headers.get("HX-Request"):
        return render_template("errors/_message.html", message=message), status
    return render_template("errors/error.html", status=status, message=message), status


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
