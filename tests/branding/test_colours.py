"""The organiser's colour is made readable: WCAG contrast, and darker variants that keep the hue."""
import colorsys
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.branding import colours
from facilitation.branding.colours import PAPER, PROJECTOR_TEXT, WHITE, contrast, darkened, palette, parse

#: a sweep of 4,096 colours: every channel in 16 steps from 0 to 255, yellow and white included
SWEEP = ["#%02x%02x%02x" % rgb for rgb in itertools.product(range(0, 256, 17), repeat=3)]


@pytest.mark.parametrize("one, other, expected", [
    ("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#777777", "#ffffff", 4.48),
    ("#ff0000", "#ffffff", 3.998), ("#0000ff", "#ffffff", 8.59), ("#ffff00", "#000000", 19.56),
    ("#767676", "#ffffff", 4.54),
])
def test_contrast_is_the_wcag_ratio(one, other, expected):
    assert contrast(one, other) == pytest.approx(expected, abs=0.01)
    assert contrast(other, one) == contrast(one, other)


def test_every_colour_of_the_sweep_keeps_the_big_screen_at_7_to_1():
    for colour in SWEEP:
        shades = palette(colour)
        for text in PROJECTOR_TEXT:
            assert contrast(shades["deep"], text) >= 7, (colour, shades["deep"], text)
        # phones and pages: links on white and paper, white text on buttons
        assert contrast(shades["accent"], WHITE) >= 4.5 and contrast(shades["accent"], PAPER) >= 4.5, colour
        assert shades["raw"] == colour


@given(st.tuples(*[st.integers(0, 255)] * 3))
def test_any_colour_keeps_its_hue_and_is_only_as_dark_as_needed(rgb):
    colour = "#%02x%02x%02x" % rgb
    deep = darkened(colour, PROJECTOR_TEXT, 7)
    assert contrast(deep, WHITE) >= 7 and contrast(deep, "#ffd2cc") >= 7
    if deep == colour:
        return
    # darker only: a colour that already reads well is kept as it is (test below); otherwise the
    # hue stays and the result is near the edge, not needlessly black
    hue_before, _, saturation = colorsys.rgb_to_hls(*(c / 255 for c in rgb))
    after = tuple(int(deep[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue_after, lightness_after, _ = colorsys.rgb_to_hls(*after)
    if saturation > 0.2 and lightness_after > 0.08:
        assert min(abs(hue_after - hue_before), 1 - abs(hue_after - hue_before)) < 0.03
    assert contrast(deep, "#ffd2cc") < 7.6 or lightness_after < 0.02


@pytest.mark.parametrize("colour", ["#000000", "#0f2a4a", "#1d2433", "#4b0082"])
def test_a_dark_colour_is_kept_as_chosen(colour):
    assert palette(colour)["deep"] == colour and palette(colour)["accent"] == colour


def test_a_light_colour_is_darkened_into_its_own_shade():
    shades = palette("#ffff00")  # yellow: unreadable as text, and white on it too
    assert shades["deep"] != "#ffff00" and shades["accent"] != "#ffff00"
    red, green, blue = (int(shades["deep"][i:i + 2], 16) for i in (1, 3, 5))
    assert red == green and blue == 0  # still a yellow hue: olive, not grey or blue


@pytest.mark.parametrize("text, expected", [
    ("#1F5FA8", "#1f5fa8"), ("1f5fa8", "#1f5fa8"), (" #15a ", "#1155aa"), ("#ABC", "#aabbcc"),
    ("red", None), ("#12345", None), ("#1234567", None), ("", None), (None, None), ("#gg0000", None),
    ("#123456;} body{display:none", None), ("url(x)", None), ("#12345\n6", None),
])
def test_only_a_hex_colour_is_a_colour(text, expected):
    assert parse(text) == expected


def test_the_standard_colour_means_the_standard_look():
    assert colours.STANDARD == "#1f5fa8"
