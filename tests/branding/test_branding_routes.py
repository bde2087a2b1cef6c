"""The organiser's logo and colour: uploaded through the event page, re-encoded, served safely, shown on
the big screen, the phones and the poster, and gone everywhere when removed."""
import io

import pytest
from PIL import Image

from facilitation.branding.models import EventBrand
from facilitation.events.models import Event
from facilitation.extensions import db
from tests.accounts.test_organiser import _login, _organiser
from tests.branding.images import EXE, SVG, image_bytes, too_big_png
from tests.conftest import csrf_token, on_the_big_screen


@pytest.fixture
def organiser(client, runner, app, make, lang):
    """A logged-in organiser with one event of their own, a phone in it and the projector link."""
    _login(client, *_organiser(runner))
    token = csrf_token(client, "/events/new")
    client.post("/events/new", data={"csrf_token": token, "title": "Zorg ontmoet buurt", "language": lang,
                                     "tables": "1"})
    with app.app_context():
        event = db.session.scalar(db.select(Event))
        event_id, code = event.id, event.join_code
    phone = app.test_client()
    make.join(phone, code)
    return {"client": client, "event_id": event_id, "code": code, "phone": phone, "token": token,
            "links": make.links(event_id)}


def _send(room, data=None, logo=None, filename="logo.png", content_type="image/png"):
    form = {"csrf_token": room["token"], **(data or {})}
    if logo is not None:
        form["logo"] = (io.BytesIO(logo), filename, content_type)
    return room["client"].post(f"/events/{room['event_id']}/brand", data=form, content_type="multipart/form-data")


def _brand(app, event_id):
    with app.app_context():
        brand = db.session.get(EventBrand, event_id)
        return None if brand is None else (brand.accent, brand.logo_type, brand.logo, brand.version)


@pytest.mark.parametrize("kind, content_type", [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")])
def test_a_logo_is_encoded_again_and_served_safely(organiser, app, kind, content_type):
    uploaded = image_bytes(kind) + b"<script>alert(1)</script>"  # a payload riding after the image data
    response = _send(organiser, {"accent": "#e4007c"}, uploaded, f"logo.{kind.lower()}", content_type)
    assert response.status_code == 302 and response.headers["Location"].endswith("#brand")
    accent, logo_type, stored, version = _brand(app, organiser["event_id"])
    assert (accent, logo_type) == ("#e4007c", content_type)
    assert stored != uploaded and b"script" not in stored
    assert Image.open(io.BytesIO(stored)).format == kind
    served = app.test_client().get(f"/j/{organiser['code']}/logo?v={version}")
    assert served.status_code == 200 and served.data == stored
    assert served.headers["Content-Type"] == content_type
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert served.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert served.headers["Content-Disposition"].startswith("inline")


@pytest.mark.parametrize("mode, grey, shown", [("I;16", 32768, 128), ("I;16B", 16384, 64)])
def test_a_16_bit_greyscale_logo_keeps_its_greys(organiser, app, mode, grey, shown):
    """Issue 25 item 5: a 16-bit greyscale PNG came out white (every grey above 255 of 65535 clipped), or,
    with another Pillow, answered 500 from the thumbnail made outside the error handling."""
    upload = io.BytesIO()
    Image.new(mode, (1600, 900), grey).save(upload, "PNG")
    assert _send(organiser, logo=upload.getvalue()).status_code == 302
    _, logo_type, stored, _ = _brand(app, organiser["event_id"])
    logo = Image.open(io.BytesIO(stored))
    assert logo_type == "image/png" and logo.size == (1200, 675)
    assert all(abs(channel - shown) <= 1 for channel in logo.convert("RGB").getpixel((600, 300)))


def test_the_colour_reaches_every_screen_in_safe_shades(organiser, app):
    _send(organiser, {"accent": "#FFFF00"}, image_bytes("PNG"))
    accent, _, _, version = _brand(app, organiser["event_id"])
    assert accent == "#ffff00"
    css = app.test_client().get(f"/j/{organiser['code']}/brand.css?v={version}")
    assert css.headers["Content-Type"] == "text/css; charset=utf-8"
    assert css.get_data(as_text=True) == ":root { --accent: #747400; --brand-deep: #474700; --brand-raw: #ffff00; }\n"
    stylesheet, logo = f"/j/{organiser['code']}/brand.css?v={version}", f"/j/{organiser['code']}/logo?v={version}"
    code = organiser["code"]
    pages = {
        "phone": organiser["phone"].get(f"/e/{code}").get_data(as_text=True),
        "tables": organiser["phone"].get(f"/e/{code}/tables").get_data(as_text=True),
        "join": app.test_client().get(f"/j/{code}").get_data(as_text=True),
        "poster": organiser["client"].get(f"/events/{organiser['event_id']}/poster").get_data(as_text=True),
        "organiser": organiser["client"].get(f"/events/{organiser['event_id']}").get_data(as_text=True),
    }
    for name, page in pages.items():
        assert stylesheet in page and logo in page, name
    projector = app.test_client()
    stage = on_the_big_screen(projector, organiser["links"]["projector_url"])
    assert logo in stage and 'class="stage-logo"' in stage
    assert stylesheet in projector.get(f"/p/{organiser['event_id']}/").get_data(as_text=True)


def test_a_removed_logo_is_gone_everywhere(organiser, app):
    _send(organiser, {"accent": "#1f5fa8"}, image_bytes("PNG"))
    _, _, _, version = _brand(app, organiser["event_id"])
    assert app.test_client().get(f"/j/{organiser['code']}/logo?v={version}").status_code == 200
    response = _send(organiser, {"accent": "#1f5fa8", "action": "remove-logo"})
    assert response.status_code == 302
    assert _brand(app, organiser["event_id"])[:3] == (None, None, None)  # the standard colour is no colour
    code = organiser["code"]
    assert app.test_client().get(f"/j/{code}/logo?v={version}").status_code == 404
    assert app.test_client().get(f"/j/{code}/logo").status_code == 404
    for page in (organiser["phone"].get(f"/e/{code}"), app.test_client().get(f"/j/{code}"),
                 organiser["client"].get(f"/events/{organiser['event_id']}/poster"),
                 organiser["client"].get(f"/events/{organiser['event_id']}")):
        assert f"/j/{code}/logo" not in page.get_data(as_text=True)
    assert f"/j/{code}/logo" not in on_the_big_screen(app.test_client(), organiser["links"]["projector_url"])


@pytest.mark.parametrize("upload, filename, content_type, message", [
    (b"", "logo.png", "image/png", {"nl": "leeg", "en": "empty"}),
    (None, "logo.png", "image/png", {"nl": "groter dan 1 MB", "en": "larger than 1 MB"}),
    (EXE, "logo.png", "image/png", {"nl": "geen PNG-, JPEG- of WebP-afbeelding", "en": "not a PNG, JPEG or WebP"}),
    (EXE, "setup.exe", "application/octet-stream", {"nl": "geen PNG-, JPEG- of WebP-afbeelding",
                                                      "en": "not a PNG, JPEG or WebP"}),
    (SVG, "logo.svg", "image/svg+xml", {"nl": "SVG", "en": "SVG"}),
    (SVG, "logo.png", "image/png", {"nl": "SVG", "en": "SVG"}),
    (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "logo.gif", "image/gif", {"nl": "geen PNG-", "en": "not a PNG"}),
    (image_bytes("PNG")[:200], "half.png", "image/png", {"nl": "geen PNG-", "en": "not a PNG"}),
])
def test_a_bad_upload_is_refused_kindly_and_keeps_the_rest_of_the_form(organiser, app, lang, upload, filename,
                                                                       content_type, message):
    _send(organiser, {"accent": "#2e7d32"}, image_bytes("PNG"))
    before = _brand(app, organiser["event_id"])
    upload = too_big_png() if upload is None else upload
    response = _send(organiser, {"accent": "#6a1b9a"}, upload, filename, content_type)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message[lang] in page
    assert 'id="brand-logo-error"' in page and 'aria-invalid="true" autofocus' in page
    assert 'value="#6a1b9a"' in page  # the colour as chosen this time, not the saved one
    assert _brand(app, organiser["event_id"]) == before  # nothing changed


def test_a_file_far_over_the_limit_still_gets_the_event_page(organiser, app, lang):
    response = _send(organiser, {"accent": "#6a1b9a"}, b"\x89PNG" + b"\x00" * (17 * 1024 * 1024))
    assert response.status_code == 422
    assert {"nl": "groter dan 1 MB", "en": "larger than 1 MB"}[lang] in response.get_data(as_text=True)
    assert _brand(app, organiser["event_id"]) is None


@pytest.mark.parametrize("accent", ["red", "#12345", "#123456;} body{display:none", "url(x)"])
def test_a_colour_that_is_no_colour_is_refused(organiser, app, accent):
    response = _send(organiser, {"accent": accent})
    assert response.status_code == 422 and 'id="brand-accent-error"' in response.get_data(as_text=True)
    assert _brand(app, organiser["event_id"]) is None


def test_back_to_the_standard_colours(organiser, app):
    _send(organiser, {"accent": "#e4007c"})
    assert _brand(app, organiser["event_id"])[0] == "#e4007c"
    _send(organiser, {"accent": "#e4007c", "action": "standard-colour"})
    accent, _, _, version = _brand(app, organiser["event_id"])
    assert accent is None
    assert "--accent" not in app.test_client().get(f"/j/{organiser['code']}/brand.css").get_data(as_text=True)
    assert "brand.css" not in organiser["phone"].get(f"/e/{organiser['code']}").get_data(as_text=True)


def test_only_the_events_organiser_sets_its_look(organiser, app, make):
    other_id, _ = make.event()
    response = organiser["client"].post(f"/events/{other_id}/brand", data={"csrf_token": organiser["token"],
                                                                          "accent": "#000000"})
    assert response.status_code == 403
    stranger = app.test_client()
    response = stranger.post(f"/events/{organiser['event_id']}/brand",
                             data={"csrf_token": csrf_token(stranger, "/login"), "accent": "#000000"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert _brand(app, organiser["event_id"]) is None


def test_open_phones_and_the_big_screen_take_the_new_look_at_once(organiser, app, socket_client):
    phone = socket_client(organiser["phone"], organiser["event_id"], "participant")
    projector_client = app.test_client()
    projector_client.get(organiser["links"]["projector_url"].replace("http://venue.test:5000", ""))
    projector = socket_client(projector_client, organiser["event_id"], "projector")
    for client in (phone, projector):
        client.get_received()
    _send(organiser, {"accent": "#e4007c"}, image_bytes("PNG"))
    phone_brand = [m for m in phone.get_received() if m["name"] == "brand"]
    assert len(phone_brand) == 1
    html = phone_brand[0]["args"][0]["html"]
    assert 'id="brand-style"' in html and 'id="event-logo"' in html and html.count('hx-swap-oob="true"') == 2
    received = projector.get_received()
    assert [m["name"] for m in received if m["name"] in ("brand", "wall:changed")] == ["brand", "wall:changed"]
    # removing the logo empties the phones' logo at once
    _send(organiser, {"accent": "#e4007c", "action": "remove-logo"})
    html = [m for m in phone.get_received() if m["name"] == "brand"][0]["args"][0]["html"]
    assert "<img" not in html
