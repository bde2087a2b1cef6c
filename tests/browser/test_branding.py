"""The organiser's logo and colour in Chromium: uploaded through the real form with real image bytes,
refused kindly when the file is wrong, and shown on the big screen, the phones and the poster, with the
big screen's text at 7:1 or more; removed, the logo leaves every open screen at once."""
import json
import re

import pytest
from playwright.sync_api import expect

from facilitation.branding.colours import contrast
from tests.branding.images import EXE, SVG, image_bytes, too_big_png
from tests.browser.test_accessibility import organiser
from tests.browser.test_walking_skeleton import live

pytestmark = pytest.mark.browser

SIZES = ((1920, 1080), (1024, 768), (390, 844))


def _hex(css_colour: str) -> str:
    """'rgb(71, 71, 0)' as '#474700'."""
    return "#" + "".join(f"{int(n):02x}" for n in re.findall(r"\d+", css_colour)[:3])


def _log_in(page, server, email, password):
    page.goto(f"{server.url}/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/events$"))


def _upload(page, data: bytes, name: str, mime: str, colour: str | None = None):
    if colour:
        page.locator("#brand-accent").fill(colour)
    page.get_by_label("Logo", exact=True).set_input_files(files=[{"name": name, "mimeType": mime, "buffer": data}])
    page.get_by_role("button", name="Logo en kleur opslaan").click()


def _shots(page, screenshot, name, before=None, sizes=SIZES):
    for width, height in sizes:
        page.set_viewport_size({"width": width, "height": height})
        if before:
            before()
        screenshot(page, f"{name}-{width}")


def _logo_shows(locator):
    expect(locator).to_be_visible()
    assert locator.evaluate("img => img.complete && img.naturalWidth > 0")


@pytest.mark.long
def test_branding_through_the_real_form_on_every_screen(server, contexts, screenshot):
    email, password = organiser(server, "nl")
    event = json.loads(server.cli("event", "create", "--title", "Zorg ontmoet buurt", "--lang", "nl",
                                  "--tables", "2", "--organiser", email, "--json"))
    laptop = contexts("laptop").page()
    _log_in(laptop, server, email, password)
    laptop.goto(event["facilitator_url"])
    event_page = laptop.url.split("/console/")[0] + "/events/" + str(event["event_id"])
    laptop.goto(event_page)
    projector = contexts("projector").page()
    projector.goto(event["projector_url"])
    live(projector)
    phone = contexts("phone").page()
    phone.goto(event["join_url"])
    phone.get_by_role("button", name="Doe mee").click()
    live(phone)
    phone.get_by_label("Mijn droom", exact=True).fill("Een buurthuis waar iedereen binnenloopt voor koffie.")
    phone.get_by_role("button", name="Zet op de wolk").click()
    expect(projector.locator(".wall .cloud")).to_have_count(1, timeout=5_000)

    # bad files first: each is refused next to the field, and the colour just chosen stays chosen
    refusals = [(SVG, "logo.svg", "image/svg+xml", "SVG"), (EXE, "logo.png", "image/png", "geen PNG-"),
                (EXE, "setup.exe", "application/x-msdownload", "geen PNG-"),
                (too_big_png(), "groot.png", "image/png", "groter dan 1 MB")]
    for data, name, mime, message in refusals:
        _upload(laptop, data, name, mime, colour="#6a1b9a")
        expect(laptop.locator("#brand-logo-error")).to_contain_text(message)
        expect(laptop.get_by_label("Logo", exact=True)).to_have_attribute("aria-invalid", "true")
        expect(laptop.locator("#brand-accent")).to_have_value("#6a1b9a")
        expect(laptop.get_by_role("alert")).to_contain_text("Nog niets opgeslagen")
    _shots(laptop, screenshot, "brand-refused", lambda: laptop.locator("#brand").scroll_into_view_if_needed())
    expect(projector.locator(".stage-logo")).to_have_count(0)

    # real JPEG and WebP bytes are taken, then a PNG with the colour that reads worst: yellow
    for data, name, mime in ((image_bytes("JPEG"), "logo.jpg", "image/jpeg"),
                             (image_bytes("WEBP"), "logo.webp", "image/webp"),
                             (image_bytes("PNG", colour=(20, 90, 160, 255)), "logo.png", "image/png")):
        _upload(laptop, data, name, mime, colour="#ffff00")
        expect(laptop.locator(".flash")).to_contain_text("Het logo en de kleur zijn opgeslagen")
        _logo_shows(laptop.locator(".brand-now-logo"))
    _shots(laptop, screenshot, "brand-organiser", lambda: laptop.locator("#brand").scroll_into_view_if_needed())

    # the big screen: logo and colour without a reload, every text on it at 7:1 or more
    _logo_shows(projector.locator(".stage-logo"))
    expect(projector.locator("body")).to_have_css("background-color", "rgb(71, 71, 0)", timeout=5_000)
    background = _hex(projector.evaluate("getComputedStyle(document.body).backgroundColor"))
    for selector in (".stage-head h1", ".stage-counts"):
        text = _hex(projector.locator(selector).first.evaluate("el => getComputedStyle(el).color"))
        assert contrast(text, background) >= 7, (selector, text, background)
    cloud = projector.locator(".wall .cloud-body").first
    assert contrast(_hex(cloud.locator(".cloud-text").evaluate("el => getComputedStyle(el).color")),
                    _hex(cloud.evaluate("el => getComputedStyle(el).backgroundColor"))) >= 7
    # a big screen is never as narrow as a phone: its two projector sizes
    _shots(projector, screenshot, "brand-projector", sizes=SIZES[:2])

    # the phone that was open takes them at once; its buttons stay readable (4.5:1) in the shade of yellow
    _logo_shows(phone.locator("#event-logo img"))
    button = phone.get_by_role("button", name="Zet op de wolk")
    expect(button).to_have_css("background-color", "rgb(116, 116, 0)")
    assert contrast(_hex(button.evaluate("el => getComputedStyle(el).color")),
                    _hex(button.evaluate("el => getComputedStyle(el).backgroundColor"))) >= 4.5
    phone.reload()
    _logo_shows(phone.locator("#event-logo img"))
    _shots(phone, screenshot, "brand-phone")

    # the A4 poster: logo and colour, still one page
    poster = contexts("laptop").page()
    poster.goto(event["facilitator_url"])
    poster.goto(f"{server.url}/events/{event['event_id']}/poster")
    _logo_shows(poster.locator(".poster-logo"))
    title = _hex(poster.locator(".poster-sheet h1").evaluate("el => getComputedStyle(el).color"))
    assert title == "#474700" and contrast(title, "#ffffff") >= 7
    pdf = poster.pdf(prefer_css_page_size=True).decode("latin-1")
    assert len(re.findall(r"/Type\s*/Page[^s]", pdf)) == 1
    _shots(poster, screenshot, "brand-poster")

    # removed: gone from the open big screen and phone at once, and from every page after
    laptop.set_viewport_size({"width": 1366, "height": 900})
    laptop.get_by_role("button", name="Logo weghalen").click()
    expect(laptop.locator(".flash")).to_contain_text("Het logo is weggehaald")
    expect(projector.locator(".stage-logo")).to_have_count(0, timeout=5_000)
    expect(phone.locator("#event-logo img")).to_have_count(0, timeout=5_000)
    poster.reload()
    expect(poster.locator(".poster-logo")).to_have_count(0)
    expect(laptop.locator(".brand-now-logo")).to_have_count(0)
    # back to the standard colours: the big screen's own blue again
    laptop.get_by_role("button", name="Terug naar de gewone kleuren").click()
    expect(projector.locator("body")).to_have_css("background-color", "rgb(15, 42, 74)", timeout=5_000)
