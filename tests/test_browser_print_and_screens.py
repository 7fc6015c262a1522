"""Screens people really use: the handout printed from the browser matches the PDF, the
outputs page prints, the presentation works on a tablet in portrait, and every step fits
1280×720 beside the HIS. Screenshots of each step are kept (test-output/screenshots/)."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser import chromium_page, log_in
from tests.factories import mrs_k_consult, save
from tests.pdf_text import page_lines

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"
STEPS = ["start", "scegs", "probleemdefinitie", "uitleg", "plan", "afronden"]
HEADINGS = re.compile(r"^(In het kort|Waarom blijven uw klachten\?|Wat gaat er nu gebeuren|Wanneer neemt u contact op|Meer informatie)", re.M)


def pages_of(pdf):
    return ["\n".join(line.strip() for line in lines) for lines in page_lines(pdf)]


def headings(pages):
    return [match for page in pages for match in HEADINGS.findall(page)]


def test_the_browser_prints_the_handout_as_the_pdf(live_server, shipped_content, anna, anna_client):
    consult = save(mrs_k_consult(user=anna), anna, metaphors=["kapot-alarmsysteem", "volumeknoppen"])
    weasyprint_pages = pages_of(anna_client.get(reverse("consult_handout_pdf", args=[consult.pk])).content)
    with chromium_page(viewport={"width": 1280, "height": 720}) as page:
        log_in(page, live_server, "anna")
        page.goto(f"{live_server.url}{reverse('consult_handout', args=[consult.pk])}")
        expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
        page.emulate_media(media="print")
        expect(page.get_by_role("button", name="Afdrukken")).to_be_hidden()  # the toolbar is not printed
        chromium_pages = pages_of(page.pdf(format="A4", prefer_css_page_size=True, print_background=True))
    assert len(chromium_pages) == len(weasyprint_pages) == 2
    assert headings(chromium_pages) == headings(weasyprint_pages)
    assert len(headings(weasyprint_pages)) >= 4
    for printed in (chromium_pages, weasyprint_pages):
        text = " ".join(printed)
        assert "Te gevoelig alarmsysteem" in text and "Terug naar het consult" not in text


def test_the_print_buttons_open_the_print_dialog(live_server, shipped_content, anna):
    consult = mrs_k_consult(user=anna)
    with chromium_page(viewport={"width": 1280, "height": 720}) as page:
        log_in(page, live_server, "anna")
        page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
        page.goto(f"{live_server.url}{reverse('consult_step', args=[consult.pk, 'afronden'])}")
        page.get_by_role("link", name="Afdrukken").click()  # the outputs page
        page.wait_for_url(re.compile(r"/folder/#afdrukken$"))
        page.wait_for_function("window.printed === 1")
        page.get_by_role("button", name="Afdrukken").click()  # the handout's own button
        page.wait_for_function("window.printed === 2")


def test_the_presentation_on_a_tablet_in_portrait(live_server, shipped_content, anna):
    consult = mrs_k_consult(user=anna)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with chromium_page(viewport={"width": 768, "height": 1024}, has_touch=True) as page:
        log_in(page, live_server, "anna")
        page.goto(f"{live_server.url}{reverse('consult_presentation', args=[consult.pk])}")
        drawing = page.locator("img.drawing")
        expect(drawing).to_be_visible()
        box = drawing.bounding_box()
        assert box["width"] >= 500 and box["x"] >= 0 and box["x"] + box["width"] <= 768
        assert box["y"] + box["height"] <= 1024
        expect(page.locator("p.line").first).to_be_in_viewport()
        assert page.evaluate("document.documentElement.scrollWidth") <= 768
        assert page.evaluate("document.documentElement.lang") == "nl"
        page.screenshot(path=str(SCREENSHOTS / "presentatie-tablet.png"))


def test_every_step_fits_beside_the_his(live_server, shipped_content, anna):
    consult = mrs_k_consult(user=anna)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with chromium_page(viewport={"width": 1280, "height": 720}) as page:
        log_in(page, live_server, "anna")
        for number, step in enumerate(STEPS, start=1):
            page.goto(f"{live_server.url}{reverse('consult_step', args=[consult.pk, step])}")
            assert page.evaluate("document.documentElement.scrollWidth") <= 1280, step
            expect(page.locator("h1").first).to_be_in_viewport()
            page.screenshot(path=str(SCREENSHOTS / f"stap-{number}-{step}.png"))
