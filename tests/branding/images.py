"""Real image bytes made in the test, and files that only pretend to be images."""
import io
import os

from PIL import Image


def image_bytes(kind: str, size=(320, 120), colour=(200, 30, 60, 160)) -> bytes:
    """A real PNG, JPEG or WebP: a coloured block with a transparent edge (where the format allows)."""
    mode = "RGB" if kind == "JPEG" else "RGBA"
    image = Image.new(mode, size, (255, 255, 255, 0) if mode == "RGBA" else (255, 255, 255))
    image.paste(Image.new(mode, (size[0] - 20, size[1] - 20), colour[:len(mode)]), (10, 10))
    out = io.BytesIO()
    image.save(out, kind)
    return out.getvalue()


def too_big_png() -> bytes:
    """A real PNG of well over 1 MB (noise does not compress)."""
    out = io.BytesIO()
    Image.frombytes("RGB", (800, 800), os.urandom(800 * 800 * 3)).save(out, "PNG")
    assert len(out.getvalue()) > 1024 * 1024
    return out.getvalue()


#: a Windows program's first bytes, renamed to logo.png
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"This program cannot be run in DOS mode.\r\n" * 20
#: an SVG with a script in it
SVG = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
       b'<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>')
