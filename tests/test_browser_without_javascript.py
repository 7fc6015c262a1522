"""With JavaScript off, every step still saves and moves on by plain form posts."""

import pytest
from playwright.sync_api import expect

from consult.models import Consult
from tests.browser import chromium_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page_without_js():
    with chromium_page(java_script_enabled=False) as page:
        yield page


def test_a_consult_without_javascript(live_server, content, anna, page_without_js):
    page = page_without_js
    log_in(page, live_server, "anna")

    page.get_by_role("link", name="Nieuw consult").click()
    page.get_by_label("Patiëntreferentie").fill("MK-1979")
    page.get_by_label("Patiënt geeft toestemming").check()
    page.get_by_role("button", name="Consult starten").click()

    page.get_by_label("Klachten", exact=True).fill("Pijn en moeheid")
    page.get_by_role("button", name="Opslaan en verder").click()
    # Not finished yet: the text is saved, and the missing fields are named.
    expect(page.get_by_text("Opgeslagen. Vul de velden met een melding in om verder te gaan.")).to_be_visible()
    assert Consult.objects.get().complaints == "Pijn en moeheid"
    page.get_by_label("Nagevraagd: geen alarmsymptomen").check()
    page.get_by_role("radio", name="Licht", exact=True).check()
    page.get_by_role("button", name="Opslaan en verder").click()

    expect(page.get_by_role("heading", name="Gezamenlijke probleemdefinitie")).to_be_visible()
    page.get_by_label("Samenvatting van de huisarts").fill("Pijn en moeheid zonder ziekte")
    page.get_by_label("In de woorden van de patiënt").fill("Mijn lijf staat op scherp")
    page.get_by_role("radio", name="Nee", exact=True).check()
    page.get_by_role("radio", name="Eerst verder onderzoek").check()
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_text("Nog geen gezamenlijke probleemdefinitie: de uitleg wacht.")).to_be_visible()
    consult = Consult.objects.get()
    assert consult.agreement == "no" and consult.needed_first == "investigation"
