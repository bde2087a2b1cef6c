"""Small helpers shared by several features."""
import unicodedata
from datetime import datetime, timezone
from urllib.parse import urlsplit

import qrcode
import qrcode.image.svg
from flask import current_app, has_request_context, url_for
from werkzeug.routing import IntegerConverter


#: the largest id a database row can have (SQLite and PostgreSQL bigint)
MAX_ID = 2**63 - 1


class BoundedIntConverter(IntegerConverter):
    """Werkzeug's <int:...>, bounded to what the database holds: /f/99999999999999999999999/x is a 404."""

    def __init__(self, map, fixed_digits=0, min=None, max=None, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=MAX_ID if max is None else max, signed=signed)


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def parse_iso(text: str) -> datetime:
    """A UTC moment as the report writes it ("2026-11-24T19:30:00Z"), naive like every moment we store."""
    return datetime.fromisoformat(text.removesuffix("Z"))


def public_url(endpoint: str, **values) -> str:
    """An absolute URL on the address phones can reach (PUBLIC_URL), for QR codes and the CLI."""
    if has_request_context():
        path = url_for(endpoint, **values)
    else:
        with current_app.test_request_context():
            path = url_for(endpoint, **values)
    return current_app.config["PUBLIC_URL"].rstrip("/") + path


def form_int(value, maximum: int = MAX_ID) -> int | None:
    """A whole number typed in a form, sent by a socket or found in a URL, or None.

    Only the digits 0-9 count (str.isdigit() also accepts "²", which int() refuses), and the
    number must fit the database, so a huge one is "not found" instead of a server error.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.isascii() and value.isdecimal() and len(value) <= 19:
        number = int(value)
    else:
        return None
    return number if 0 <= number <= maximum else None


def is_local_path(target: str | None) -> bool:
    """True for a same-site path, so a `next` parameter cannot send people elsewhere."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    # a line break (or any other control or separator character) cannot go into a Location header
    if any(ord(ch) < 0x21 or unicodedata.category(ch)[0] in "CZ" for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and "\\" not in target


def qr_svg_response(url: str):
    """A QR code for `url` as an SVG response (no Pillow needed; served, never inlined)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    return image.to_string(encoding="unicode"), 200, {
        "Content-Type": "image/svg+xml", "Cache-Control": "private, max-age=3600"}
