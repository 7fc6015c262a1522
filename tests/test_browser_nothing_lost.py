"""Nothing typed is ever lost: failed saves keep the page and the text and say why, a
too-long text does not stop the other fields, and leaving with unsaved text asks first."""

from urllib.parse import parse_qs

import pytest
from playwright.sync_api import expect

from consult.models import Consult
from tests.factories import mrs_k_consult
from tests.browser import expect_saved, log_in
from tests.test_browser_presentation_and_conflict import saving

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scegs_page(live_server, content, anna, browser_page):
    consult = mrs_k_consult(user=anna)
    log_in(browser_page, live_server, "anna")
    url = f"{live_server.url}/consulten/{consult.pk}/scegs/"
    browser_page.goto(url)
    return browser_page, url, consult


@pytest.mark.parametrize("status, says", [
    (400, "te groot"), (403, "de pagina is verlopen"), (413, "te groot"), (500, "er ging iets mis op de server"),
    (502, "er ging iets mis op de server"),
])
def test_a_failed_save_keeps_the_page_and_the_text_and_says_why(scegs_page, status, says, settings):
    page, url, consult = scegs_page
    page.route(url, lambda route: route.fulfill(status=status, body="<html><body>Foutpagina</body></html>"))
    page.get_by_label("Klachten", exact=True).fill("Tekst die niet verloren mag gaan")
    expect(page.locator("#save-status")).to_contain_text(says)
    expect(page.get_by_label("Klachten", exact=True)).to_have_value("Tekst die niet verloren mag gaan")
    expect(page.get_by_text("Foutpagina")).to_have_count(0)


def test_without_a_connection_the_text_stays_and_is_saved_when_it_is_back(scegs_page):
    page, url, consult = scegs_page
    page.route(url, lambda route: route.abort())
    page.get_by_label("Klachten", exact=True).fill("Geschreven zonder verbinding")
    expect(page.locator("#save-status")).to_contain_text("geen verbinding")
    page.unroute(url)
    with saving(page, url, "verder"):
        page.get_by_label("Duur").fill("verder getypt")
    expect_saved(page)
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.complaints == "Geschreven zonder verbinding" and saved.duration == "verder getypt"


def test_a_save_sends_only_what_changed_and_again_what_did_not_arrive(scegs_page):
    page, url, consult = scegs_page
    posts = []
    page.on("request", lambda request: posts.append(parse_qs(request.post_data, keep_blank_values=True))
            if request.method == "POST" and request.url == url else None)
    page.route(url, lambda route: route.fulfill(status=500, body="") if route.request.method == "POST" else route.continue_())
    page.get_by_label("Klachten", exact=True).fill("Pijn in de rug, sinds de zomer")
    expect(page.locator("#save-status")).to_contain_text("er ging iets mis op de server")
    failed = len(posts)
    page.unroute(url)
    with page.expect_response(lambda response: "duration=" in (response.request.post_data or "")):
        page.get_by_label("Duur").fill("Een half jaar")
    expect_saved(page)
    fields = [{key for key in post if not key.startswith("_") and key != "csrfmiddlewaretoken"} for post in posts]
    assert fields[:failed] == [{"complaints", "base-complaints"}] * failed
    # The text that never arrived goes again; nothing but the two changed fields is sent.
    assert set().union(*fields[failed:]) == {"complaints", "base-complaints", "duration", "base-duration"}
    consult.refresh_from_db()
    assert (consult.complaints, consult.duration) == ("Pijn in de rug, sinds de zomer", "Een half jaar")
    assert consult.medication == "Paracetamol zo nodig"  # not sent, still stored


def test_text_typed_before_the_page_has_loaded_its_scripts_is_saved(live_server, content, anna, browser_page):
    page = browser_page
    consult = mrs_k_consult(user=anna)
    log_in(page, live_server, "anna")
    held = []
    page.route("**/autosave/autosave*.js", lambda route: held.append(route))  # the script arrives late
    page.goto(f"{live_server.url}/consulten/{consult.pk}/scegs/", wait_until="commit")
    page.get_by_label("Klachten", exact=True).fill("Getypt voordat de pagina klaar was")
    held[0].continue_()
    page.wait_for_load_state("load")
    with page.expect_response(lambda response: "duration=" in (response.request.post_data or "")):
        page.get_by_label("Duur").fill("Een half jaar")
    expect_saved(page)
    consult.refresh_from_db()
    assert (consult.complaints, consult.duration) == ("Getypt voordat de pagina klaar was", "Een half jaar")


def test_a_too_long_paste_is_held_back_and_named_while_other_fields_save(scegs_page):
    page, url, consult = scegs_page
    paste = "klacht " * 400_000  # 2.8 MB: more than a request may carry
    page.get_by_label("Klachten", exact=True).fill(paste)
    page.locator("#panel-sociaal summary").click()
    with saving(page, url, "parttime"):
        page.get_by_label("Notitie sociaal").fill("Werkt parttime")
    expect(page.locator("#feedback-complaints")).to_contain_text("Maximaal 2000 tekens")
    expect(page.locator("#save-status")).to_contain_text("Niet alles is opgeslagen")
    assert Consult.objects.get(pk=consult.pk).social_note == "Werkt parttime"
    assert len(page.get_by_label("Klachten", exact=True).input_value()) == len(paste)


def test_leaving_with_unsaved_text_asks_first(scegs_page):
    page, url, consult = scegs_page
    page.route(url, lambda route: route.fulfill(status=500, body=""))
    page.get_by_label("Klachten", exact=True).fill("Nog niet opgeslagen")
    expect(page.locator("#save-status")).to_contain_text("er ging iets mis")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="Gezamenlijke probleemdefinitie").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    expect(page.get_by_label("Klachten", exact=True)).to_have_value("Nog niet opgeslagen")


def test_leaving_after_everything_saved_does_not_ask(scegs_page):
    page, url, consult = scegs_page
    with saving(page, url, "Opgeslagen"):
        page.get_by_label("Duur").fill("Opgeslagen tekst")
    expect_saved(page)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.get_by_role("link", name="Gezamenlijke probleemdefinitie").click()
    expect(page.get_by_role("heading", name="Gezamenlijke probleemdefinitie")).to_be_visible()
    assert dialogs == []


def test_in_debug_mode_an_error_never_replaces_the_page(live_server, content, anna, browser_page, settings):
    settings.DEBUG = True  # the demo runs like this; django-htmx then shows error pages
    consult = mrs_k_consult(user=anna)
    page = browser_page
    log_in(page, live_server, "anna")
    url = f"{live_server.url}/consulten/{consult.pk}/scegs/"
    page.goto(url)
    assert "django-htmx.js" in page.content()
    page.route(url, lambda route: route.fulfill(status=400, body="<html><body><h1>Bad Request (400)</h1></body></html>"))
    page.get_by_label("Klachten", exact=True).fill("Tekst die blijft")
    expect(page.locator("#save-status")).to_contain_text("te groot")
    expect(page.get_by_role("heading", name="Bad Request (400)")).to_have_count(0)
    expect(page.get_by_label("Klachten", exact=True)).to_have_value("Tekst die blijft")


def test_the_save_status_stays_in_view_while_typing_far_down(scegs_page):
    page, url, consult = scegs_page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.locator("#panel-sociaal summary").click()
    with saving(page, url, "onderaan"):
        page.get_by_label("Notitie sociaal").fill("Helemaal onderaan getypt")
    status = page.locator("#save-status")
    expect_saved(page)
    box = status.bounding_box()
    assert box is not None and 0 <= box["y"] <= 720 - box["height"]


def test_a_refused_field_is_announced_and_marked_invalid_on_the_field(scegs_page):
    """The error beside the field is linked to it (aria-describedby) and the field says
    it is invalid (aria-invalid), so a screen reader announces both; the save status is
    a live region."""
    page, url, consult = scegs_page
    complaints = page.get_by_label("Klachten", exact=True)
    expect(page.locator("#save-status")).to_have_attribute("aria-live", "polite")
    described = complaints.get_attribute("aria-describedby").split()
    assert "feedback-complaints" in described
    complaints.fill("klacht " * 400)  # 2800 characters: more than the field takes
    expect(page.locator("#feedback-complaints")).to_contain_text("Maximaal 2000 tekens")
    expect(complaints).to_have_attribute("aria-invalid", "true")
    complaints.fill("Pijn in de rug")
    expect_saved(page)
    expect(complaints).not_to_have_attribute("aria-invalid", "true")
