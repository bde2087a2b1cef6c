"""Small helpers shared by several features."""
import unicodedata
from datetime import datetime, timezone
from urllib.parse import urlsplit

from flask import current_app, has_request_context, url_for


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
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    return image.to_string(encoding="unicode"), 200, {
        "Content-Type": "image/svg+xml", "Cache-Control": "private, max-age=3600"}
