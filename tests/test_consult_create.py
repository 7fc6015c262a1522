from django.urls import reverse

from audit.models import AccessEvent
from consult.models import Consult
from patients.models import Patient
from tests.conftest import client_for
from tests.factories import mrs_k_consult, new_consult
from tests.helpers import step_url


def test_gp_starts_a_consult_for_a_new_patient(content, anna, anna_client):
    response = anna_client.post(reverse("consult_create"), {
        "reference": "MK-1979", "first_name": "Karin", "permission_given": "on",
    })
    consult = Consult.objects.get()
    assert consult.practice == anna.practice and consult.created_by == anna
    assert consult.patient.reference == "MK-1979" and consult.patient.first_name == "Karin"
    assert consult.permission_given and consult.content_version == content
    assert response["Location"] == step_url(consult, "scegs")
    assert AccessEvent.objects.filter(record_id=consult.pk, action="create").exists()
    assert AccessEvent.objects.filter(patient_id=consult.patient.pk, action="create", what="patient").exists()


def test_a_known_reference_picks_the_existing_patient(content, anna, anna_client):
    first = new_consult(user=anna, reference="MK-1979")
    anna_client.post(reverse("consult_create"), {"reference": "MK-1979", "permission_given": "on"})
    assert Patient.objects.count() == 1
    assert Consult.objects.filter(patient=first.patient).count() == 2


def test_from_the_patients_page_the_patient_is_given(content, anna, anna_client):
    patient = new_consult(user=anna, reference="AB-1950").patient
    page = anna_client.get(reverse("consult_create") + f"?patient={patient.pk}").content.decode()
    assert "AB-1950" in page and 'name="reference"' not in page
    anna_client.post(reverse("consult_create"), {"patient": str(patient.pk), "permission_given": "on"})
    assert patient.consults.count() == 2


def test_another_practices_patient_cannot_be_given(content, anna, bram):
    patient = new_consult(user=anna, reference="AB-1950").patient
    response = client_for(bram).post(reverse("consult_create"), {"patient": str(patient.pk), "permission_given": "on"})
    assert response.status_code == 404 and patient.consults.count() == 1
    assert client_for(bram).get(reverse("consult_create") + "?patient=geen-id").status_code == 404


def test_a_second_visit_starts_from_the_first_and_never_changes_it(content, anna):
    first = mrs_k_consult(user=anna, agreement="partly")
    second = new_consult(user=anna, reference="MK-1979")
    assert second.previous == first
    assert second.complaints == first.complaints and second.factors == first.factors
    assert second.agreement == "" and second.needed_first == ""
    from tests.factories import save

    save(second, anna, agreement="yes")
    first.refresh_from_db()
    assert first.agreement == "partly" and first.needed_first == "referral"


def test_empty_reference_is_refused_with_a_message_and_input_kept(content, anna_client):
    response = anna_client.post(reverse("consult_create"), {"reference": "  ", "first_name": "Karin"})
    html = response.content.decode()
    assert "Vul een patiëntreferentie in" in html
    assert 'value="Karin"' in html
    assert not Consult.objects.exists()


def test_a_bsn_is_refused_unless_confirmed_as_another_number(content, anna_client):
    bsn = "111222333"  # passes the 11-proof
    response = anna_client.post(reverse("consult_create"), {"reference": bsn})
    assert "Dit lijkt op een BSN" in response.content.decode()
    assert not Consult.objects.exists()
    anna_client.post(reverse("consult_create"), {"reference": bsn, "reference_is_not_bsn": "on"})
    assert Consult.objects.get().patient.reference == bsn


def test_the_bsn_rule_holds_for_every_caller_not_only_the_form(content, anna):
    import pytest
    from django.core.exceptions import ValidationError

    from patients.actions import create_patient

    with pytest.raises(ValidationError):
        create_patient(user=anna, reference="111222333")
    assert not Patient.objects.exists()


def test_nine_digits_failing_the_11_proof_pass(content, anna_client):
    anna_client.post(reverse("consult_create"), {"reference": "123456789"})
    assert Consult.objects.get().patient.reference == "123456789"


def test_long_reference_gets_a_message(content, anna_client):
    response = anna_client.post(reverse("consult_create"), {"reference": "x" * 41})
    assert "Maximaal 40 tekens" in response.content.decode()
    assert not Consult.objects.exists()


def test_only_a_gp_starts_a_consult(content, sanne):
    assert client_for(sanne).get(reverse("consult_create")).status_code == 403


def test_without_a_content_library_the_gp_is_told_what_to_do(db, anna_client):
    response = anna_client.get(reverse("consult_create"))
    assert response.status_code == 503
    assert "load_content" in response.content.decode()
