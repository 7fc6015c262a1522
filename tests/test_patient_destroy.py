"""Destruction on request: all of a patient's records and stored outputs go, the log keeps the fact."""

import datetime

import pytest
from django.urls import reverse

from audit.models import AccessEvent
from care.actions import add_goal, plan_session, start_intake
from consult.models import Consult, Issue
from patients.actions import add_timeline_entry
from patients.models import Patient, TimelineEntry
from tests.conftest import client_for
from tests.factories import new_consult
from tests.helpers import url


@pytest.fixture
def manager(peter):
    return client_for(peter)


def test_the_manager_destroys_everything_of_a_patient(mrs_k, anna, sanne, anna_client, manager, media_root,
                                                    django_capture_on_commit_callbacks):
    anna_client.post(url("consult_finalise", mrs_k), {"version": Consult.objects.get(pk=mrs_k.pk).version})
    issue = Issue.objects.get(consult=mrs_k)
    stored = media_root / issue.handout_pdf.name
    patient = mrs_k.patient
    second = new_consult(user=anna, reference="MK-1979")
    start_intake(patient=patient, user=sanne)
    session = plan_session(patient=patient, user=sanne, date=datetime.date.today())
    add_goal(session=session, user=sanne, text="Elke dag wandelen")
    add_timeline_entry(patient=patient, user=anna, date=datetime.date(2025, 3, 1), kind="symptom", text="Pijn begint")
    found = manager.post(reverse("patient_destroy"), {"patient_reference": "MK-1979"})
    html = found.content.decode()
    assert "met 2 consult(en)" in html
    assert "Pijn in spieren" not in html and "wandelen" not in html  # no clinical text for the manager
    refused = manager.post(reverse("patient_destroy"), {"patient_reference": "MK-1979", "confirm": "MK"})
    assert "Typ de patiëntreferentie precies over" in refused.content.decode() and Patient.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):  # the files go once the rows are gone
        manager.post(reverse("patient_destroy"), {"patient_reference": "MK-1979", "confirm": "MK-1979"})
    assert not Patient.objects.exists() and not Consult.objects.exists() and not Issue.objects.exists()
    assert not TimelineEntry.objects.exists()
    assert not stored.exists()
    fact = AccessEvent.objects.get(action="destroy")
    assert fact.patient_id == patient.pk and fact.patient_reference == "MK-1979" and fact.user.username == "peter"
    assert AccessEvent.objects.filter(record_id=second.pk).exists()  # the earlier rows stay


def test_a_manager_cannot_destroy_another_practices_patient(content, bram, manager):
    other = new_consult(user=bram, reference="ZZ-1")
    manager.post(reverse("patient_destroy"), {"patient_reference": "ZZ-1", "confirm": "ZZ-1"})
    assert Consult.objects.filter(pk=other.pk).exists()


def test_clinicians_do_not_destroy(mrs_k, anna_client):
    assert anna_client.post(reverse("patient_destroy"), {"patient_reference": "MK-1979"}).status_code == 403


def test_the_destroy_action_checks_the_role(mrs_k, anna):
    from django.core.exceptions import PermissionDenied

    from care.actions import destroy_patient

    with pytest.raises(PermissionDenied):
        destroy_patient(patient=mrs_k.patient, user=anna)
    assert Consult.objects.filter(pk=mrs_k.pk).exists()
