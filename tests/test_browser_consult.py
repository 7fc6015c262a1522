"""The whole consult of Mrs K. through the UI, in a real browser, down to the PDF."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from consult.models import Consult
from tests.browser import expect_saved
from tests.pdf_text import folded, pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(shipped_content, settings):
    settings.DEBUG = True  # setup_demo publishes its passwords: development only
    call_command("setup_demo", stdout=open("/dev/null", "w"))
    settings.DEBUG = False


def save_and_next(page):
    page.get_by_role("button", name="Opslaan en verder").click()


def test_gp_does_the_consult_of_mrs_k(live_server, demo, browser_page, tmp_path):
    page = browser_page
    page.goto(f"{live_server.url}/")
    page.get_by_label("Gebruikersnaam").fill("huisarts")
    page.get_by_label("Wachtwoord").fill("Linde-huisarts-2026")
    page.get_by_role("button", name="Inloggen").click()
    # The demo's second factor: one of the printed recovery codes.
    page.get_by_label("Code").fill("11111111")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Patiënten")).to_be_visible()

    page.get_by_role("link", name="Nieuw consult").click()
    page.get_by_label("Patiëntreferentie").fill("MK-1979")
    page.get_by_label("Voornaam voor de folder").fill("Karin")
    page.get_by_label("Patiënt geeft toestemming").check()
    page.get_by_role("button", name="Consult starten").click()

    # SCEGS: panels in free order; autosave while typing.
    expect(page.get_by_role("heading", name="SCEGS-verkenning")).to_be_visible()
    page.get_by_label("Klachten", exact=True).fill("Pijn in spieren en gewrichten, moeheid")
    expect_saved(page)
    page.get_by_label("Duur").fill("ruim een jaar")
    page.get_by_label("Eerder onderzoek").fill("Reumatoloog en internist: geen afwijkingen")
    page.get_by_label("Nagevraagd: geen alarmsymptomen").check()
    page.locator("#panel-gedragsmatig summary").click()
    page.get_by_label("Notitie gedragsmatig").fill("Gaat maar door, vraagt geen hulp")
    page.locator("#panel-gedragsmatig").get_by_label("Niet (tijdig) om hulp vragen").check()
    page.locator("#panel-emotioneel summary").click()
    page.locator("#panel-emotioneel").get_by_label("Somberheid").check()
    page.get_by_role("radio", name="Matig", exact=True).check()
    save_and_next(page)

    expect(page.get_by_role("heading", name="Gezamenlijke probleemdefinitie")).to_be_visible()
    page.get_by_label("Samenvatting van de huisarts").fill("Aanhoudende pijn en moeheid zonder ziekte die het verklaart")
    page.get_by_label("In de woorden van de patiënt").fill("Mijn lichaam staat te hard afgesteld en ik ga te lang door")
    page.get_by_role("radio", name="Ja", exact=True).check()
    save_and_next(page)

    expect(page.get_by_role("heading", name="Uitleg", exact=True)).to_be_visible()
    page.get_by_role("radio", name="Centrale sensitisatie").check()
    page.get_by_label("Te gevoelig alarmsysteem").check()
    page.get_by_label("Teach-back").fill("Mijn alarm gaat af terwijl er geen brand is")
    save_and_next(page)

    expect(page.get_by_role("heading", name="Plan", exact=True)).to_be_visible()
    page.get_by_label("Slaap", exact=True).check()
    page.get_by_label("Doseren en geleidelijk opbouwen").check()
    page.get_by_role("checkbox", name="POH-GGZ", exact=True).check()
    page.get_by_label("(Psychosomatisch) fysiotherapeut of oefentherapeut").check()
    page.get_by_label("Volgende afspraak").fill("Over vier weken bij de POH-GGZ")
    save_and_next(page)

    expect(page.get_by_role("heading", name="Journaalregels (SOEP)")).to_be_visible()
    expect(page.locator("#journal-text")).to_contain_text("Uitleg met het model centrale sensitisatie")
    page.wait_for_load_state()  # htmx is ready before the recipient changes
    page.get_by_label("Voor").select_option(label="(Psychosomatisch) fysiotherapeut of oefentherapeut")
    expect(page.locator("#referral-text textarea")).to_contain_text("overdracht aan: (Psychosomatisch) fysiotherapeut")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    path = tmp_path / "handout.pdf"
    download_info.value.save_as(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Uitleg over uw klachten, Karin" in text
    assert "centrale sensitisatie" in text and "overgevoelig zenuwstelsel" in text
    assert "Te gevoelig alarmsysteem" in text
    assert "Mijn lichaam staat te hard afgesteld en ik ga te lang door" in text
    consult = Consult.objects.get()
    for factor in consult.chosen("factors"):
        assert folded(factor.patient_wording) in text
    assert "Over vier weken bij de POH-GGZ" in text
    assert "U gaat naar de praktijkondersteuner GGZ van onze praktijk (POH-GGZ)." in text
