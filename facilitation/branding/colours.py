"""Colours an organiser picks, made safe to read.

WCAG 2 contrast in plain functions, and darker variants of a colour that keep its hue and saturation
until text in it, or on it, reaches a contrast: 7:1 on the big screen (read from 15 metres), 4.5:1
(WCAG AA) on phones and pages. Whatever colour is chosen, the text stays readable.
"""
import colorsys
import re

_HEX = re.compile(r"#?([0-9a-f]{3}|[0-9a-f]{6})")

#: the standard accent of app.css (--accent); choosing it means "no colour of our own"
STANDARD = "#1f5fa8"
WHITE = "#ffffff"
#: the page background of phones and pages (app.css --paper)
PAPER = "#f6f4ef"
#: every text colour the big screen puts straight on its background: white, and the pink of "time is up"
#: (app.css: body.projector, body.projector .timer-up)
PROJECTOR_TEXT = (WHITE, "#ffd2cc")
#: WCAG AAA, for the big screen; WCAG AA, for phones and pages
PROJECTOR_CONTRAST = 7.0
PAGE_CONTRAST = 4.5


def parse(text) -> str | None:
    """'#1F5FA8', '1f5fa8' or '#15a' as '#1f5fa8'; None for anything else (a name, CSS, too long)."""
    if not isinstance(text, str):
        return None
    match = _HEX.fullmatch(text.strip().lower())
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits


def _rgb(colour: str) -> tuple[int, int, int]:
    digits = parse(colour)
    if digits is None:
        raise ValueError(f"not a colour: {colour!r}")
    return int(digits[1:3], 16), int(digits[3:5], 16), int(digits[5:7], 16)


def _hex(rgb) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance: 0 for black, 1 for white."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: str, against, ratio: float) -> bool:
    return all(contrast(colour, other) >= ratio for other in against)


def darkened(colour: str, against, ratio: float) -> str:
    """`colour` itself when it reaches `ratio` against every (light) colour in `against`; otherwise the
    lightest colour of the same hue and saturation that does. Black reaches every ratio up to 15:1
    against the light colours used here, so there is always an answer."""
    colour = parse(colour) or STANDARD
    if readable(colour, against, ratio):
        return colour
    hue, lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in _rgb(colour)))

    def at(level: float) -> str:
        return _hex(c * 255 for c in colorsys.hls_to_rgb(hue, level, saturation))

    # each channel grows with the lightness, and so does the luminance: search for the edge
    low, high = 0.0, lightness
    for _ in range(30):
        middle = (low + high) / 2
        if readable(at(middle), against, ratio):
            low = middle
        else:
            high = middle
    result = at(low)
    while not readable(result, against, ratio):  # rounding to whole channels may cross the edge
        low = max(0.0, low - 1 / 255)
        result = at(low)
    return result


def palette(accent: str) -> dict[str, str]:
    """The colours a brand uses, each safe for its place (brand.css puts them in CSS variables).

    - accent: links and buttons on phones and pages (on white and paper, and white text on it)
    - deep: the big screen's background, and accent-coloured text on white (poster, harvest)
    - raw: the colour as chosen, only for stripes that carry no text
    """
    raw = parse(accent) or STANDARD
    return {"accent": darkened(raw, (WHITE, PAPER), PAGE_CONTRAST),
            "deep": darkened(raw, PROJECTOR_TEXT, PROJECTOR_CONTRAST),
            "raw": raw}
