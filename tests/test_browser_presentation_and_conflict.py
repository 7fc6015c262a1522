"""Browser checks: the presentation view by keyboard, and two tabs on one consult."""

import pytest
from playwright.sync_api import expect

from consult.models import Consult
from explanations.models import Metaphor
from tests.conftest import PASSWORD
from tests.factories import mrs_k_consult, of_version, save

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Consulten")).to_be_visible()


def test_presentation_browses_by_keyboard_and_click(live_server, content, anna, browser_page):
    consult = mrs_k_consult(user=anna)
    save(consult, anna, relations={"metaphors": of_version(Metaphor, consult, "kapot-alarmsysteem", "volumeknoppen")})
    page = browser_page
    log_in(page, live_server, "anna")
    page.goto(f"{live_server.url}/consulten/{consult.pk}/presentatie/")
    expect(page.get_by_role("heading", name="Kapot alarmsysteem")).to_be_visible()
    expect(page.get_by_role("img", name="Kapot alarmsysteem")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", name="Volumeknoppen")).to_be_visible()
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("heading", name="Kapot alarmsysteem")).to_be_visible()
    page.get_by_role("link", name="Volgende").click()
    expect(page.get_by_role("heading", name="Volumeknoppen")).to_be_visible()
    assert "MK-1979" not in page.content()


def test_two_tabs_never_overwrite_each_other(live_server, content, anna, browser_page):
    consult = mrs_k_consult(user=anna)
    first = browser_page
    log_in(first, live_server, "anna")
    second = first.context.new_page()
    scegs = f"{live_server.url}/consulten/{consult.pk}/scegs/"
    first.goto(scegs)
    second.goto(scegs)

    def saving(page, text):
        return page.expect_response(lambda r: r.url == scegs and text in (r.request.post_data or ""))

    with saving(first, "hoofdpijn"):
        first.get_by_label("Klachten", exact=True).fill("Pijn in spieren, moeheid, hoofdpijn")
    expect(first.locator("#save-status")).to_contain_text("Opgeslagen om")

    with saving(second, "Alleen"):
        second.get_by_label("Klachten", exact=True).fill("Alleen moeheid")
    expect(second.locator("#save-status")).to_contain_text("iemand anders heeft dit consult intussen gewijzigd")
    # The text typed in the second tab is still there, and the first save stands.
    expect(second.get_by_label("Klachten", exact=True)).to_have_value("Alleen moeheid")
    assert Consult.objects.get(pk=consult.pk).complaints == "Pijn in spieren, moeheid, hoofdpijn"

    # The first tab keeps saving: its version number followed each save.
    # Leaving the first field saves it at once; the new text follows after the typing pause.
    with saving(first, "anderhalf"):
        first.get_by_label("Duur").fill("anderhalf jaar")
    expect(first.locator("#save-status")).to_contain_text("Opgeslagen om")
    assert Consult.objects.get(pk=consult.pk).duration == "anderhalf jaar"


def test_an_expired_session_keeps_the_text_and_says_why(live_server, content, anna, browser_page):
    consult = mrs_k_consult(user=anna)
    page = browser_page
    log_in(page, live_server, "anna")
    page.goto(f"{live_server.url}/consulten/{consult.pk}/scegs/")
    page.context.clear_cookies(name="sessionid")  # as if 30 minutes passed
    page.get_by_label("Klachten", exact=True).fill("Nieuwe tekst die niet verloren mag gaan")
    expect(page.locator("#save-status")).to_contain_text("uw sessie is verlopen")
    expect(page.get_by_label("Klachten", exact=True)).to_have_value("Nieuwe tekst die niet verloren mag gaan")
    assert Consult.objects.get(pk=consult.pk).complaints == "Pijn in spieren en gewrichten, moeheid"
