import datetime

import pytest
from django.urls import reverse

from care.models import Goal, Session
from tests.conftest import client_for
from tests.helpers import HTMX, form_data, oob


@pytest.fixture
def poh(sanne):
    return client_for(sanne)


def plan(client, patient, date=None):
    response = client.post(reverse("session_plan", args=[patient.pk]), {"date": (date or datetime.date.today()).isoformat()})
    return Session.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])


def post(client, session, data=None, **changes):
    path = reverse("session", args=[session.pk])
    return client.post(path, {**(data or form_data(client, path)), **changes}, **HTMX)


def test_a_session_autosaves_with_phq15_items(mrs_k, poh):
    session = plan(poh, mrs_k.patient)
    items = {f"phq15_{n}": "1" for n in range(1, 16)}
    response = post(poh, session, note="Gaat beter met slapen", worked_on="We bespraken uw slaap.", **items)
    assert "Opgeslagen om" in oob(response.content.decode(), "save-status")
    session.refresh_from_db()
    assert session.note == "Gaat beter met slapen" and session.phq15_score == 15 and session.phq15_band == "hoog"
    page = poh.get(reverse("session", args=[session.pk])).content.decode()
    assert "Buikpijn" in page and "PHQ-15: 15 (hoog)" in page


def test_the_same_field_twice_is_a_conflict_and_other_fields_are_not(mrs_k, poh, anna):
    from care.actions import save_session_answers

    session = plan(poh, mrs_k.patient)
    stale = form_data(poh, reverse("session", args=[session.pk]))
    save_session_answers(session=session, user=anna, answers={"note": "De huisarts schreef"})
    response = post(poh, session, data=stale, note="De POH schreef", next_steps="Elke dag wandelen")
    html = response.content.decode()
    assert "De huisarts schreef" in oob(html, "feedback-note")
    session.refresh_from_db()
    assert session.note == "De huisarts schreef" and session.next_steps == "Elke dag wandelen"


def test_phrases_to_avoid_warn_in_sessions_too(mrs_k, poh):
    session = plan(poh, mrs_k.patient)
    response = post(poh, session, note="Patiënt denkt dat het tussen de oren zit")
    assert "Liever niet: “tussen de oren”" in oob(response.content.decode(), "feedback-note")


def test_goals_carry_over_from_session_to_session(mrs_k, poh):
    first = plan(poh, mrs_k.patient)
    poh.post(reverse("goal_add", args=[first.pk]), {"text": "Elke dag een half uur wandelen"})
    goal = Goal.objects.get()
    assert goal.status == "new" and goal.set_in == first
    second = plan(poh, mrs_k.patient, datetime.date.today() + datetime.timedelta(weeks=2))
    assert "Elke dag een half uur wandelen" in poh.get(reverse("session", args=[second.pk])).content.decode()
    poh.post(reverse("goal_status", args=[goal.pk]), {"status": "reached", "terug": f"/sessies/{second.pk}/"})
    goal.refresh_from_db()
    assert goal.status == "reached"
    assert poh.post(reverse("goal_status", args=[goal.pk]), {"status": "klaar"}).status_code == 400
    assert poh.post(reverse("goal_add", args=[first.pk]), {"text": ""}).status_code == 400


def test_the_gp_holds_sessions_too(mrs_k, anna_client):
    session = plan(anna_client, mrs_k.patient)
    post(anna_client, session, note="Door de huisarts")
    session.refresh_from_db()
    assert session.note == "Door de huisarts"


def test_the_manager_sees_no_session(mrs_k, poh, peter):
    session = plan(poh, mrs_k.patient)
    assert client_for(peter).get(reverse("session", args=[session.pk])).status_code == 403


def test_other_practice_gets_404(mrs_k, poh, bram_client):
    session = plan(poh, mrs_k.patient)
    poh.post(reverse("goal_add", args=[session.pk]), {"text": "Wandelen"})
    goal = Goal.objects.get()
    for path in [reverse("session", args=[session.pk]), reverse("followup_handout", args=[session.pk]),
                 reverse("followup_handout_pdf", args=[session.pk])]:
        assert bram_client.get(path).status_code == 404
    assert bram_client.post(reverse("goal_status", args=[goal.pk]), {"status": "reached"}).status_code == 404
    assert bram_client.post(reverse("session_plan", args=[mrs_k.patient.pk]), {"date": "2026-01-01"}).status_code == 404
    goal.refresh_from_db()
    assert goal.status == "new"
