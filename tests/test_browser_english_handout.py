"""The GP works in Dutch; the patient reads English. The whole consult in a real browser,
the handout language chosen on the plan step, down to the English PDF, while the
referral and the SOEP lines stay Dutch."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from consult.models import Consult
from tests.browser import expect_saved
from tests.pdf_text import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(settings):
    call_command("load_content", stdout=open("/dev/null", "w"))  # Dutch and English
    settings.DEBUG = True  # setup_demo publishes its passwords: development only
    call_command("setup_demo", stdout=open("/dev/null", "w"))
    settings.DEBUG = False


def save_and_next(page):
    page.get_by_role("button", name="Opslaan en verder").click()


def test_gp_consult_in_dutch_with_an_english_handout(live_server, demo, browser_page, tmp_path):
    page = browser_page
    page.goto(f"{live_server.url}/")
    page.get_by_label("Gebruikersnaam").fill("huisarts")
    page.get_by_label("Wachtwoord").fill("Linde-huisarts-2026")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill("11111111")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Patiënten")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "nl"

    page.get_by_role("link", name="Nieuw consult").click()
    page.get_by_label("Patiëntreferentie").fill("JS-1985")
    page.get_by_label("Voornaam voor de folder").fill("Jane")
    page.get_by_label("Patiënt geeft toestemming").check()
    page.get_by_role("button", name="Consult starten").click()

    expect(page.get_by_role("heading", name="SCEGS-verkenning")).to_be_visible()
    page.get_by_label("Klachten", exact=True).fill("Pijn in rug en schouders, moe")
    expect_saved(page)
    page.get_by_label("Nagevraagd: geen alarmsymptomen").check()
    page.locator("#panel-somatisch").get_by_label("Slecht slapen").check()
    page.get_by_role("radio", name="Matig", exact=True).check()
    save_and_next(page)

    expect(page.get_by_role("heading", name="Gezamenlijke probleemdefinitie")).to_be_visible()
    page.get_by_label("Samenvatting van de huisarts").fill("Aanhoudende pijn en moeheid zonder ziekte die het verklaart")
    page.get_by_label("In de woorden van de patiënt").fill("My alarm goes off too easily and I sleep badly")
    page.get_by_role("radio", name="Ja", exact=True).check()
    save_and_next(page)

    expect(page.get_by_role("heading", name="Uitleg", exact=True)).to_be_visible()
    page.get_by_role("radio", name="Centrale sensitisatie").check()
    page.get_by_label("Te gevoelig alarmsysteem").check()
    page.get_by_label("Teach-back").fill("Mijn alarm staat te gevoelig")
    save_and_next(page)

    expect(page.get_by_role("heading", name="Plan", exact=True)).to_be_visible()
    page.get_by_label("Slaap", exact=True).check()
    page.get_by_role("checkbox", name="POH-GGZ", exact=True).check()
    page.get_by_label("Volgende afspraak").fill("In four weeks with the mental health nurse")
    page.get_by_role("group", name="Taal van de folder").get_by_label("Engels").check()
    expect_saved(page)
    save_and_next(page)

    # The GP's outputs page stays Dutch; the SOEP lines and the referral are Dutch.
    expect(page.get_by_role("heading", name="Journaalregels (SOEP)")).to_be_visible()
    expect(page.locator("#journal-text")).to_contain_text("Uitleg met het model centrale sensitisatie")
    expect(page.locator("#referral-text textarea")).to_contain_text("overgevoelig zenuwstelsel")
    assert "oversensitive" not in page.locator("#referral-text textarea").input_value()

    # The handout on screen is English, with the Dutch term beside each term.
    page.get_by_role("link", name="Bekijk folder").click()
    expect(page.get_by_role("heading", name="About your symptoms, Jane")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator(".terms")).to_contain_text("central sensitisation (Dutch: centrale sensitisatie)")
    expect(page.get_by_text("My alarm goes off too easily and I sleep badly")).to_be_visible()
    page.go_back()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    path = tmp_path / "handout-en.pdf"
    download_info.value.save_as(path)
    text = pdf_text(path.read_bytes())
    assert "About your symptoms, Jane" in text and "Alarm set too sensitive" in text
    assert "oversensitive nervous system" in text and "overgevoelig zenuwstelsel" in text
    assert "You often sleep badly, so you recover less." in text
    assert "In four weeks with the mental health nurse" in text
    assert "Uitleg over uw klachten" not in text

    # The patient's screen speaks English too.
    consult = Consult.objects.get()
    page.goto(live_server.url + reverse("consult_presentation", args=[consult.pk]))
    expect(page.get_by_role("heading", name="Alarm set too sensitive")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "en"
    assert consult.handout_language == "en"
