"""A logo as we keep it: decoded by Pillow and encoded again, never the bytes that were uploaded.

Whatever rode along in the file (a script after the image data, an SVG, a renamed program, camera
metadata with a location) does not survive: only the pixels do, in a fresh PNG, JPEG or WebP file.
"""
import io
import warnings
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import Refused
from ..limits import MAX_PIXELS, MAX_SIDE, MAX_UPLOAD

#: what Pillow may open (no other decoder ever sees an upload), and what we write again
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
TOO_LARGE = _l("That file is larger than 1 MB. Save the logo smaller (for example 800 pixels wide) and try again.")


@dataclass
class Logo:
    data: bytes
    content_type: str
    width: int
    height: int


def reencode(data: bytes) -> Logo:
    """The uploaded bytes as a freshly encoded image of the same kind; Refused (422) with a friendly
    message for an empty file, a file over 1 MB, an SVG, or anything that is not a PNG, JPEG or WebP."""
    if not data:
        raise Refused(_l("That file is empty. Choose the logo file again."))
    if len(data) > MAX_UPLOAD:
        raise Refused(TOO_LARGE)
    if data.lstrip()[:1] == b"<":
        raise Refused(_l("An SVG or web page cannot be a logo here. Save the logo as PNG, JPEG or WebP."))
    too_big = Refused(_l("That image has too many pixels. Save the logo smaller (for example 800 pixels wide) "
                         "and try again."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
            kind = image.format
            if image.width * image.height > MAX_PIXELS:
                raise too_big
            image.seek(0)  # an animated image: its first picture
            image.load()
            image = _eight_bit(ImageOps.exif_transpose(image))
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            return _encode(image, kind)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise too_big from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
        raise Refused(_l("That file is not a PNG, JPEG or WebP image we can read. Choose the logo as a PNG, "
                         "JPEG or WebP file.")) from error


def _eight_bit(image: Image.Image) -> Image.Image:
    """A 16-bit greyscale PNG as 8-bit grey: converted as it is, every grey above 255 of 65535 turns white."""
    if image.mode.startswith("I"):
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    return image


def _encode(image: Image.Image, kind: str) -> Logo:
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    out = io.BytesIO()
    if kind == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
    else:
        image = image.convert("RGBA" if transparent else "RGB")
        if kind == "WEBP":
            image.save(out, "WEBP", quality=90, method=4)
        else:
            image.save(out, "PNG", optimize=True)
    return Logo(out.getvalue(), FORMATS[kind], image.width, image.height)
