"""Mrs K. after the GP's explanation: the POH-GGZ's intake, three sessions with PHQ-15
scores, the chart, and the follow-up handout PDF, in a real browser."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from consult.actions import finalise_consult
from consult.models import Consult
from tests.browser import expect_saved, log_in
from tests.factories import mrs_k_consult, save
from tests.pdf_text import pdf_pages, pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def saved(page, text):
    return page.expect_response(lambda r: r.request.method == "POST" and text in (r.request.post_data or ""))


def test_mrs_k_from_the_gps_consult_to_the_follow_up_handout(live_server, content, anna, sanne, browser_page, tmp_path):
    consult = save(mrs_k_consult(user=anna), anna, phq15=18)  # the GP's baseline
    finalise_consult(consult=consult, user=anna, expected_version=Consult.objects.get(pk=consult.pk).version)
    page = browser_page
    log_in(page, live_server, "sanne")

    # The work list names Mrs K.: referred to the POH-GGZ, no intake yet.
    page.get_by_role("link", name="Werklijst").click()
    page.get_by_role("link", name="MK-1979").click()
    page.get_by_role("link", name="Overdracht").click()
    expect(page.get_by_text("Mijn lichaam staat te hard afgesteld en ik ga te lang door")).to_be_visible()
    expect(page.get_by_text("overgevoelig zenuwstelsel", exact=True)).to_be_visible()
    page.get_by_role("link", name="MK-1979").click()

    # Intake.
    page.get_by_role("button", name="Intake beginnen").click()
    expect(page.get_by_role("heading", name=re.compile("Intake POH-GGZ"))).to_be_visible()
    page.wait_for_load_state()  # htmx binds the autosave when the page has loaded
    with saved(page, "problem_definition_holds=yes"):
        page.get_by_label("Ja, de probleemdefinitie klopt nog").check()
    page.get_by_label("Screening depressie").fill("Somber, geen suïcidale gedachten")
    with saved(page, "fourdkl_depression=4"):
        page.get_by_label("4DKL depressie").fill("4")
    expect(page.locator("#fourdkl-bands")).to_contain_text("matig verhoogd")
    with saved(page, "decision=continue"):
        page.get_by_label("Begeleiding door de POH-GGZ").check()
    expect_saved(page)

    # Three sessions, each with a PHQ-15 score.
    today = datetime.date.today()
    scores = [14, 11, 7]
    for number, score in enumerate(scores, start=1):
        page.get_by_role("link", name="MK-1979").click()
        page.get_by_label("Datum van de sessie").fill((today + datetime.timedelta(weeks=number)).isoformat())
        page.get_by_role("button", name="Sessie plannen").click()
        expect(page.get_by_role("heading", name=re.compile("^Sessie"))).to_be_visible()
        page.wait_for_load_state()
        page.get_by_label("Aantekening (voor collega’s)").fill(f"Sessie {number}: gaat de goede kant op")
        page.get_by_label("Wat we deden (voor de patiënt)").fill(f"We bespraken uw slaap en uw pauzes, week {number}.")
        page.get_by_label("Volgende stappen (voor de patiënt)").fill("U wandelt elke dag een half uur.")
        page.get_by_text("PHQ-15 (optioneel)").click()
        with saved(page, f"phq15_total={score}"):
            page.get_by_label("PHQ-15 totaal").fill(str(score))
        expect_saved(page)
        if number == 1:
            page.get_by_placeholder("Doel (in de woorden van de patiënt)").fill("Elke dag een half uur wandelen")
            page.get_by_role("button", name="Doel toevoegen").click()
            expect(page.get_by_text("Elke dag een half uur wandelen")).to_be_visible()

    # The chart: the GP's baseline and one point for each measured session.
    page.get_by_role("link", name="MK-1979").click()
    points = page.locator("svg.phq15-chart g.point")
    expect(points).to_have_count(4)
    assert [points.nth(i).get_attribute("data-score") for i in range(4)] == ["18", "14", "11", "7"]
    for number, score in enumerate(scores, start=1):
        day = (today + datetime.timedelta(weeks=number)).isoformat()
        expect(page.locator(f'svg.phq15-chart g.point[data-date="{day}"][data-score="{score}"]')).to_have_count(1)

    # The follow-up handout of the last session, as a PDF.
    page.get_by_role("link", name="Sessie").last.click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    path = tmp_path / "vervolg.pdf"
    download.value.save_as(path)
    data = path.read_bytes()
    text = pdf_text(data)
    assert len(pdf_pages(data)) == 1
    for expected in ["Uw vervolgafspraak, Karin", "We bespraken uw slaap en uw pauzes, week 3.",
                     "Elke dag een half uur wandelen", "U wandelt elke dag een half uur.", "Kapot alarmsysteem",
                     "overgevoelig zenuwstelsel", "Wanneer neemt u contact op met de praktijk?"]:
        assert expected in text, expected
    assert "gaat de goede kant op" not in text  # the clinical note stays with the colleagues
