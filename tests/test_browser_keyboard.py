"""The whole GP consult with the keyboard alone: Tab to each control, type, Space to
tick, Enter to send. No click, no fill; every focused control shows its focus."""

import pytest
from playwright.sync_api import expect

from consult.models import Consult
from tests.browser import expect_saved
from tests.conftest import PASSWORD, authenticator, current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 250


def tab_to(page, locator):
    """Press Tab until `locator` has the focus, and check that the focus can be seen."""
    target = locator.element_handle()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("element => document.activeElement === element", target):
            style = page.evaluate("element => { const s = getComputedStyle(element);"
                                  " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }", target)
            assert style[0] != "none" and style[1] != "0px" or style[2] != "none", f"focus not visible: {style}"
            return
    raise AssertionError(f"Tab never reached {locator}")


def type_into(page, locator, text):
    tab_to(page, locator)
    page.keyboard.type(text)


def tick(page, locator):
    tab_to(page, locator)
    page.keyboard.press("Space")
    expect(locator).to_be_checked()


def choose(page, radio):
    """A radio button as the keyboard picks it: Tab into its group, arrows to it."""
    name = radio.get_attribute("name")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("name => document.activeElement && document.activeElement.name === name", name):
            break
    else:
        raise AssertionError(f"Tab never reached the group {name}")
    for _ in range(12):
        if radio.is_checked():
            return
        page.keyboard.press("ArrowDown")
    expect(radio).to_be_checked()


def press(page, locator, key="Enter"):
    tab_to(page, locator)
    page.keyboard.press(key)


def test_the_gp_does_the_whole_consult_with_the_keyboard(live_server, shipped_content, anna, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 720})
    authenticator(anna)
    page.goto(f"{live_server.url}/login/")
    type_into(page, page.get_by_label("Gebruikersnaam"), "anna")
    type_into(page, page.get_by_label("Wachtwoord"), PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Tweede stap van inloggen")).to_be_visible()
    type_into(page, page.get_by_label("Code"), current_code(anna))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Patiënten")).to_be_visible()

    press(page, page.get_by_role("link", name="Nieuw consult"))
    expect(page.get_by_label("Patiëntreferentie")).to_be_visible()
    type_into(page, page.get_by_label("Patiëntreferentie"), "MK-1979")
    type_into(page, page.get_by_label("Voornaam voor de folder"), "Karin")
    tick(page, page.get_by_label("Patiënt geeft toestemming"))
    press(page, page.get_by_role("button", name="Consult starten"))

    expect(page.get_by_role("heading", name="SCEGS-verkenning")).to_be_visible()
    type_into(page, page.get_by_label("Klachten", exact=True), "Pijn in spieren en gewrichten, moeheid")
    type_into(page, page.get_by_label("Duur"), "ruim een jaar")
    type_into(page, page.get_by_label("Eerder onderzoek"), "Reumatoloog en internist: geen afwijkingen")
    tick(page, page.get_by_label("Nagevraagd: geen alarmsymptomen"))
    press(page, page.locator("#panel-gedragsmatig summary"))
    type_into(page, page.get_by_label("Notitie gedragsmatig"), "Gaat maar door, vraagt geen hulp")
    tick(page, page.locator("#panel-gedragsmatig").get_by_label("Niet (tijdig) om hulp vragen"))
    press(page, page.locator("#panel-emotioneel summary"))
    tick(page, page.locator("#panel-emotioneel").get_by_label("Somberheid"))
    choose(page, page.get_by_role("radio", name="Matig", exact=True))
    expect_saved(page)
    press(page, page.get_by_role("button", name="Opslaan en verder"))

    expect(page.get_by_role("heading", name="Gezamenlijke probleemdefinitie")).to_be_visible()
    type_into(page, page.get_by_label("Samenvatting van de huisarts"), "Aanhoudende pijn en moeheid zonder ziekte die het verklaart")
    type_into(page, page.get_by_label("In de woorden van de patiënt"), "Mijn lichaam staat te hard afgesteld")
    choose(page, page.get_by_role("radio", name="Ja", exact=True))
    expect_saved(page)
    press(page, page.get_by_role("button", name="Opslaan en verder"))

    expect(page.get_by_role("heading", name="Uitleg", exact=True)).to_be_visible()
    choose(page, page.get_by_role("radio", name="Centrale sensitisatie"))
    tick(page, page.get_by_label("Te gevoelig alarmsysteem"))
    type_into(page, page.get_by_label("Teach-back"), "Mijn alarm gaat af terwijl er geen brand is")
    expect_saved(page)
    press(page, page.get_by_role("button", name="Opslaan en verder"))

    expect(page.get_by_role("heading", name="Plan", exact=True)).to_be_visible()
    tick(page, page.get_by_label("Slaap", exact=True))
    tick(page, page.get_by_role("checkbox", name="POH-GGZ", exact=True))
    type_into(page, page.get_by_label("Volgende afspraak"), "Over vier weken bij de POH-GGZ")
    expect_saved(page)
    press(page, page.get_by_role("button", name="Opslaan en verder"))

    expect(page.get_by_role("heading", name="Journaalregels (SOEP)")).to_be_visible()
    press(page, page.get_by_role("button", name="Afronden en uitgifte vastleggen"))
    expect(page.get_by_text("Afgerond. Uitgifte 1 is vastgelegd")).to_be_visible()
    consult = Consult.objects.get()
    assert consult.is_final and consult.patient_words == "Mijn lichaam staat te hard afgesteld"
    assert set(consult.factors) == {"geen-hulp-vragen", "somberheid"} and consult.severity == "matig"

    press(page, page.get_by_role("link", name="Bekijk folder"))
    expect(page.get_by_role("heading", name="Uitleg over uw klachten, Karin")).to_be_visible()
