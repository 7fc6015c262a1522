"""A clinician marks a false alarm in the follow-up handout as not harmful in this context."""

import datetime

import pytest
from django.urls import reverse

from care.actions import add_goal, plan_session, save_session_answers
from care.documents import followup_problems
from care.models import FollowUpIssue
from patients.models import LanguageOverride
from tests.conftest import client_for


@pytest.fixture
def session(mrs_k, sanne):
    session = plan_session(patient=mrs_k.patient, user=sanne, date=datetime.date(2026, 12, 1))
    add_goal(session=session, user=sanne, text="Elke dag een half uur wandelen")
    return save_session_answers(session=session, user=sanne, answers={
        "next_steps": "Bij een ontspanningsoefening mag het ingebeeld zijn: u kiest zelf een rustige plek.",
    }).record


def mark(client, session, finding):
    return client.post(reverse("followup_language_override", args=[session.pk]), {
        "field": finding.field, "phrase": finding.hit.slug, "matched": finding.hit.matched})


def test_the_poh_ggz_marks_it_and_can_then_hand_the_handout_out(session, sanne):
    client = client_for(sanne)
    assert client.get(reverse("followup_handout", args=[session.pk])).status_code == 409
    assert "Niet schadelijk in deze context" in client.get(reverse("session", args=[session.pk])).content.decode()
    [finding] = followup_problems(session)

    mark(client, session, finding)

    assert LanguageOverride.objects.get().decided_by == sanne
    assert followup_problems(session) == []
    assert client.get(reverse("followup_handout", args=[session.pk])).status_code == 200
    client.post(reverse("followup_issue", args=[session.pk]), {"version": session.version})
    assert FollowUpIssue.objects.filter(session=session).exists()


def test_other_practice_gets_404(session, bram_client):
    assert mark(bram_client, session, followup_problems(session)[0]).status_code == 404
    assert not LanguageOverride.objects.exists()
