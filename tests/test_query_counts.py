"""The autosave and every page cost a fixed number of queries: not more when more is
ticked, when a patient has more sessions, or when the practice has more patients."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from care.actions import add_goal, plan_session
from explanations.models import MaintainingFactor, Metaphor, Recipient, SelfManagementAdvice
from tests.factories import mrs_k_consult, new_consult, save
from tests.helpers import HTMX, form_data, step_url

STEP_SEGMENTS = ["start", "scegs", "probleemdefinitie", "uitleg", "plan", "afronden"]
# session, user with practice, device, consult; update (guarded by the version it read) and
# log; session save. SQLite counts each transaction's BEGIN and COMMIT too.
AUTOSAVE_QUERIES = 11
STEP_PAGE_QUERIES = 10


def count(call):
    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert response.status_code == 200, response.status_code
    return len(captured)


def autosave(client, consult, **changes):
    path = step_url(consult, "scegs")
    data = form_data(client, path)
    data.update(changes)
    return count(lambda: client.post(path, data, **HTMX))


def everything_ticked(consult, user):
    version = consult.content_version
    return save(
        consult, user,
        factors=list(MaintainingFactor.objects.filter(version=version).values_list("slug", flat=True)),
        metaphors=list(Metaphor.objects.filter(version=version).values_list("slug", flat=True))[:2],
        advice=list(SelfManagementAdvice.objects.filter(version=version).values_list("slug", flat=True)),
        referrals=list(Recipient.objects.filter(version=version).exclude(slug="bedrijfsarts").values_list("slug", flat=True)),
    )


def test_autosave_costs_the_same_whatever_is_ticked(anna, anna_client, content):
    few = mrs_k_consult(user=anna)
    many = everything_ticked(mrs_k_consult(user=anna, reference="HB-1980"), anna)
    assert len(many.factors) > len(few.factors) + 3
    queries_few = autosave(anna_client, few, complaints="Pijn overal, moe")
    queries_many = autosave(anna_client, many, complaints="Pijn overal, moe")
    assert queries_few == queries_many <= AUTOSAVE_QUERIES


@pytest.mark.parametrize("segment", STEP_SEGMENTS)
def test_step_page_costs_the_same_whatever_is_ticked(anna, anna_client, content, segment):
    few = mrs_k_consult(user=anna)
    many = everything_ticked(mrs_k_consult(user=anna, reference="HB-1980"), anna)
    anna_client.get(step_url(few, segment))  # the first request of a session also stores the session
    queries_few = count(lambda: anna_client.get(step_url(few, segment)))
    queries_many = count(lambda: anna_client.get(step_url(many, segment), **HTMX))
    queries_many_full = count(lambda: anna_client.get(step_url(many, segment)))
    assert queries_few == queries_many_full <= STEP_PAGE_QUERIES
    assert queries_many <= queries_many_full


def with_sessions(consult, user, number):
    for day in range(number):
        session = plan_session(patient=consult.patient, user=user, date=datetime.date(2026, 1, 5) + datetime.timedelta(days=7 * day))
        add_goal(session=session, user=user, text=f"Elke dag {day + 1} keer wandelen")
    return consult


@pytest.mark.parametrize("page", ["patient_detail", "patient_timeline", "handover"])
def test_patient_pages_cost_the_same_with_more_sessions(anna, anna_client, content, page):
    one = with_sessions(mrs_k_consult(user=anna), anna, 1)
    six = with_sessions(mrs_k_consult(user=anna, reference="PB-1961"), anna, 6)
    queries_one = count(lambda: anna_client.get(reverse(page, args=[one.patient.pk])))
    queries_six = count(lambda: anna_client.get(reverse(page, args=[six.patient.pk])))
    assert queries_one == queries_six


@pytest.mark.parametrize("page", ["patient_list", "worklist"])
def test_lists_cost_the_same_with_more_patients(anna, anna_client, content, page):
    def add_patients(first, last):
        for number in range(first, last):
            consult = mrs_k_consult(user=anna, reference=f"PT-{number:04d}")
            if number % 2:
                new_consult(user=anna, reference=f"PT-{number:04d}")  # a second, open visit
            plan_session(patient=consult.patient, user=anna, date=datetime.date.today())

    add_patients(0, 2)
    queries_two = count(lambda: anna_client.get(reverse(page)))
    add_patients(2, 8)
    queries_eight = count(lambda: anna_client.get(reverse(page)))
    assert queries_two == queries_eight


def test_an_autosave_answers_with_what_changed_not_the_page(anna, anna_client, content):
    """The save state, the saved field's feedback and the live SCEGS parts: no form, no
    panels, no other field drawn again."""
    consult = mrs_k_consult(user=anna)
    path = step_url(consult, "scegs")
    data = form_data(anna_client, path)
    data["complaints"] = "Het zit tussen de oren, zegt zijn zus"
    html = anna_client.post(path, data, **HTMX).content.decode()
    assert 'id="save-status"' in html and 'id="feedback-complaints"' in html
    assert "tussen de oren" in html  # the warning of the saved field
    assert 'id="severity-suggestion"' in html  # the live part the saved answers change
    assert "<form" not in html and 'name="duration"' not in html and 'id="feedback-duration"' not in html
    assert 'id="panel-' not in html
