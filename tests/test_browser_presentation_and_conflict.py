"""Browser checks: the presentation view by keyboard and back into its tab, and two tabs
on one consult."""

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from consult.models import Consult
from tests.browser import expect_saved, log_in
from tests.factories import mrs_k_consult, save

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def saving(page, url, text):
    return page.expect_response(lambda r: r.url == url and text in (r.request.post_data or ""))


def test_presentation_browses_by_keyboard_and_closes_back_into_its_tab(live_server, content, anna, browser_page):
    consult = save(mrs_k_consult(user=anna), anna, metaphors=["kapot-alarmsysteem", "volumeknoppen"])
    page = browser_page
    log_in(page, live_server, "anna")
    page.goto(f"{live_server.url}/consulten/{consult.pk}/uitleg/")
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Toon aan de patiënt").click()
    presentation = opened.value
    presentation.wait_for_load_state()
    expect(presentation.get_by_role("heading", name="Kapot alarmsysteem")).to_be_visible()
    expect(presentation.get_by_role("img", name="Kapot alarmsysteem")).to_be_visible()
    presentation.keyboard.press("ArrowRight")
    expect(presentation.get_by_role("heading", name="Volumeknoppen")).to_be_visible()
    presentation.keyboard.press("ArrowLeft")
    expect(presentation.get_by_role("heading", name="Kapot alarmsysteem")).to_be_visible()
    presentation.get_by_role("link", name="Volgende").click()
    expect(presentation.get_by_role("heading", name="Volumeknoppen")).to_be_visible()
    assert "MK-1979" not in presentation.content()
    with presentation.expect_event("close"):
        try:
            presentation.get_by_role("link", name="Sluiten").click(no_wait_after=True)
        except PlaywrightError:
            if not presentation.is_closed():
                raise  # only "the tab closed under the click" is the outcome we want
    assert presentation.is_closed()
    assert page.context.pages == [page]  # one tab again: the one the GP came from
    expect(page.get_by_role("heading", name="Uitleg", exact=True)).to_be_visible()


def two_tabs(live_server, page, consult, first_step, second_step):
    """The consult open in two tabs of one logged-in browser: (first, second, their URLs)."""
    log_in(page, live_server, "anna")
    second = page.context.new_page()
    urls = [f"{live_server.url}/consulten/{consult.pk}/{step}/" for step in (first_step, second_step)]
    page.goto(urls[0])
    second.goto(urls[1])
    return page, second, urls


def test_two_tabs_on_different_fields_both_save(live_server, content, anna, browser_page):
    consult = mrs_k_consult(user=anna)
    first, second, (scegs, plan) = two_tabs(live_server, browser_page, consult, "scegs", "plan")
    with saving(first, scegs, "hoofdpijn"):
        first.get_by_label("Klachten", exact=True).fill("Pijn in spieren, moeheid, hoofdpijn")
    expect_saved(first)
    with saving(second, plan, "Dinsdag"):
        second.get_by_label("Volgende afspraak").fill("Dinsdag bij de POH-GGZ")
    expect_saved(second)
    # The first tab goes on saving other fields without a conflict.
    with saving(first, scegs, "anderhalf"):
        first.get_by_label("Duur").fill("anderhalf jaar")
    expect_saved(first)
    saved = Consult.objects.get(pk=consult.pk)
    assert (saved.complaints, saved.duration, saved.next_appointment) == (
        "Pijn in spieren, moeheid, hoofdpijn", "anderhalf jaar", "Dinsdag bij de POH-GGZ")


def test_the_same_field_in_two_tabs_shows_both_texts_and_overwrites_nothing(live_server, content, anna, browser_page):
    consult = mrs_k_consult(user=anna)
    first, second, (scegs, _) = two_tabs(live_server, browser_page, consult, "scegs", "scegs")

    with saving(first, scegs, "hoofdpijn"):
        first.get_by_label("Klachten", exact=True).fill("Pijn in spieren, moeheid, hoofdpijn")
    expect_saved(first)

    with saving(second, scegs, "Alleen"):
        second.get_by_label("Klachten", exact=True).fill("Alleen moeheid")
    expect(second.locator("#save-status")).to_contain_text("iemand anders wijzigde intussen een veld")
    conflict = second.locator("#feedback-complaints .conflict")
    expect(conflict).to_contain_text("Pijn in spieren, moeheid, hoofdpijn")  # their text
    expect(second.get_by_label("Klachten", exact=True)).to_have_value("Alleen moeheid")  # and mine
    assert Consult.objects.get(pk=consult.pk).complaints == "Pijn in spieren, moeheid, hoofdpijn"

    # The GP keeps their own text on purpose.
    with saving(second, scegs, "Alleen"):
        conflict.get_by_role("button", name="Mijn tekst bewaren").click()
    expect_saved(second)
    expect(second.locator("#feedback-complaints .conflict")).to_have_count(0)
    assert Consult.objects.get(pk=consult.pk).complaints == "Alleen moeheid"


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


def test_taking_their_text_puts_it_in_the_field(live_server, content, anna, browser_page):
    consult = mrs_k_consult(user=anna)
    page = browser_page
    log_in(page, live_server, "anna")
    scegs = f"{live_server.url}/consulten/{consult.pk}/scegs/"
    page.goto(scegs)
    save(consult, anna, duration="twee jaar")  # the POH-GGZ, meanwhile
    with saving(page, scegs, "half"):
        page.get_by_label("Duur").fill("half jaar")
    page.locator("#feedback-duration .conflict").get_by_role("button", name="Hun tekst overnemen").click()
    expect(page.get_by_label("Duur")).to_have_value("twee jaar")
    expect(page.locator("#feedback-duration .conflict")).to_have_count(0)
    expect(page.locator("#save-status")).not_to_contain_text("iemand anders")
    assert Consult.objects.get(pk=consult.pk).duration == "twee jaar"
