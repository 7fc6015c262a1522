"""Destruction on request: content and stored outputs go, the log keeps the fact."""

import pytest
from django.urls import reverse

from audit.models import AccessEvent
from consult.models import Consult, Issue
from tests.conftest import client_for
from tests.factories import new_consult
from tests.helpers import url


@pytest.fixture
def manager(peter):
    return client_for(peter)


def finalised(client, consult):
    client.post(url("consult_finalise", consult), {"version": Consult.objects.get(pk=consult.pk).version})
    return Issue.objects.get(consult=consult)


def test_the_manager_destroys_a_consult_and_its_stored_pdfs(mrs_k, anna_client, manager, media_root,
                                                           django_capture_on_commit_callbacks):
    issue = finalised(anna_client, mrs_k)
    stored = media_root / issue.handout_pdf.name
    assert stored.exists()
    found = manager.post(reverse("consult_destroy"), {"patient_reference": "MK-1979"})
    html = found.content.decode()
    assert "Consult van" in html and "Anna de Vries" in html
    assert "Pijn in spieren" not in html and "Mijn lichaam" not in html  # no clinical text for the manager
    refused = manager.post(reverse("consult_destroy"), {"patient_reference": "MK-1979", "consult": str(mrs_k.pk), "confirm": "MK"})
    assert "Typ de patiëntreferentie precies over" in refused.content.decode() and Consult.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):  # the files go once the rows are gone
        manager.post(reverse("consult_destroy"), {"patient_reference": "MK-1979", "consult": str(mrs_k.pk), "confirm": "MK-1979"})
    assert not Consult.objects.filter(pk=mrs_k.pk).exists() and not Issue.objects.exists()
    assert not stored.exists()
    fact = AccessEvent.objects.get(action="destroy")
    assert fact.consult_id == mrs_k.pk and fact.patient_reference == "MK-1979" and fact.user.username == "peter"
    assert AccessEvent.objects.filter(consult_id=mrs_k.pk).count() > 1  # the earlier rows stay


def test_a_manager_cannot_destroy_another_practices_consult(content, bram, manager):
    other = new_consult(user=bram, reference="ZZ-1")
    manager.post(reverse("consult_destroy"), {"patient_reference": "ZZ-1", "consult": str(other.pk), "confirm": "ZZ-1"})
    assert Consult.objects.filter(pk=other.pk).exists()


def test_clinicians_do_not_destroy(mrs_k, anna_client):
    assert anna_client.post(reverse("consult_destroy"), {"patient_reference": "MK-1979"}).status_code == 403


def test_the_destroy_action_checks_the_role(mrs_k, anna):
    from django.core.exceptions import PermissionDenied

    from consult.actions import destroy_consult

    with pytest.raises(PermissionDenied):
        destroy_consult(consult=mrs_k, user=anna)
    assert Consult.objects.filter(pk=mrs_k.pk).exists()
