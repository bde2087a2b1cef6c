"""The organiser finishes the report in Chromium: own introduction, two themes merged, PDF and Word downloaded."""
import io
import re
import subprocess

import pytest
from docx import Document
from playwright.sync_api import expect

from tests.browser.test_accessibility import organiser
from tests.reports.conftest import build_evening

pytestmark = pytest.mark.browser

WORDS = {
    "nl": {"report": "Verslag en downloads", "intro": "Inleiding (boven aan het verslag)", "save": "Tekst bewaren",
           "merge": "Samenvoegen", "saved": "Bewaard", "merged": "De thema’s zijn samengevoegd."},
    "en": {"report": "Report and downloads", "intro": "Introduction (at the top of the report)",
           "save": "Save the text", "merge": "Merge", "saved": "Saved", "merged": "The themes are merged."},
}


@pytest.mark.long
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_organiser_edits_merges_and_downloads(server, contexts, screenshot, tmp_path, lang):
    w = WORDS[lang]
    email, password = organiser(server, lang)
    event_id = build_evening(server.app(), lang, organiser_email=email)
    laptop = contexts("laptop", lang).page()
    laptop.goto(f"{server.url}/login")
    laptop.locator("#email").fill(email)
    laptop.locator("#password").fill(password)
    laptop.locator("main form button[type=submit]").click()
    laptop.wait_for_url(re.compile(r"/events$"))
    laptop.goto(f"{server.url}/events/{event_id}")
    laptop.get_by_role("link", name=w["report"]).click()

    intro = "Dank aan alle 40 gasten voor hun dromen." if lang == "nl" else "Thanks to all 40 guests for their dreams."
    laptop.get_by_label(w["intro"]).fill(intro)
    laptop.get_by_role("button", name=w["save"]).click()
    expect(laptop.locator(".flash")).to_contain_text(w["saved"])
    expect(laptop.locator("article.report")).to_contain_text(intro)

    themes = laptop.locator(".theme-editor > li")
    count = themes.count()
    assert count >= 2
    first = themes.nth(0).get_attribute("data-theme")
    second = themes.nth(1).get_attribute("data-theme")
    themes.nth(1).get_by_role("combobox").select_option(label=first)
    themes.nth(1).get_by_role("button", name=w["merge"], exact=True).click()
    expect(laptop.locator(".flash")).to_have_text(w["merged"])
    expect(laptop.locator(".theme-editor > li")).to_have_count(count - 1)
    expect(laptop.locator(f".theme-editor > li[data-theme='{second}']")).to_have_count(0)
    screenshot(laptop, f"report-preview-{lang}")

    with laptop.expect_download() as pdf_download:
        laptop.locator("[data-download='report.pdf']").click()
    pdf_path = tmp_path / "report.pdf"
    pdf_download.value.save_as(pdf_path)
    assert pdf_download.value.suggested_filename.endswith({"nl": "-verslag.pdf", "en": "-report.pdf"}[lang])
    text = subprocess.run(["pdftotext", pdf_path, "-"], capture_output=True, text=True, check=True).stdout
    assert intro in " ".join(text.split())
    assert f"{first} (" in text and f"{second} (" not in text
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", pdf_path, tmp_path / "page"], check=True)
    [first_page] = tmp_path.glob("page-*.png")  # "page-1.png", or "page-01.png" when the report has 10 pages or more
    assert first_page.stat().st_size > 5000

    with laptop.expect_download() as docx_download:
        laptop.locator("[data-download='report.docx']").click()
    document = Document(io.BytesIO(open(docx_download.value.path(), "rb").read()))
    paragraphs = [p.text for p in document.paragraphs]
    assert intro in paragraphs
    assert any(p.startswith(f"{first} (") for p in paragraphs)
    assert not any(p.startswith(f"{second} (") for p in paragraphs)
