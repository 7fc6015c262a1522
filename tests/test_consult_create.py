from django.urls import reverse

from audit.models import AccessEvent
from consult.models import Consult
from tests.helpers import step_url


def test_gp_starts_a_consult_with_permission(content, anna, anna_client):
    response = anna_client.post(reverse("consult_create"), {
        "patient_reference": "MK-1979", "first_name": "Karin", "permission_given": "on",
    })
    consult = Consult.objects.get()
    assert consult.practice == anna.practice and consult.created_by == anna
    assert consult.permission_given and consult.first_name == "Karin"
    assert consult.content_version == content
    assert response["Location"] == step_url(consult, "scegs")
    assert AccessEvent.objects.filter(consult_id=consult.pk, action="create").exists()


def test_empty_reference_is_refused_with_a_message_and_input_kept(content, anna_client):
    response = anna_client.post(reverse("consult_create"), {"patient_reference": "  ", "first_name": "Karin"})
    html = response.content.decode()
    assert "Vul een patiëntreferentie in" in html
    assert 'value="Karin"' in html
    assert not Consult.objects.exists()


def test_a_bsn_is_refused_unless_confirmed_as_another_number(content, anna_client):
    bsn = "111222333"  # passes the 11-proof
    response = anna_client.post(reverse("consult_create"), {"patient_reference": bsn})
    assert "Dit lijkt op een BSN" in response.content.decode()
    assert not Consult.objects.exists()
    anna_client.post(reverse("consult_create"), {"patient_reference": bsn, "reference_is_not_bsn": "on"})
    assert Consult.objects.get().patient_reference == bsn


def test_the_bsn_rule_holds_for_every_caller_not_only_the_form(content, anna):
    import pytest
    from django.core.exceptions import ValidationError

    from consult.actions import create_consult

    with pytest.raises(ValidationError):
        create_consult(user=anna, patient_reference="111222333")
    assert not Consult.objects.exists()


def test_nine_digits_failing_the_11_proof_pass(content, anna_client):
    anna_client.post(reverse("consult_create"), {"patient_reference": "123456789"})
    assert Consult.objects.get().patient_reference == "123456789"


def test_long_reference_gets_a_message(content, anna_client):
    response = anna_client.post(reverse("consult_create"), {"patient_reference": "x" * 41})
    assert "Maximaal 40 tekens" in response.content.decode()
    assert not Consult.objects.exists()


def test_without_a_content_library_the_gp_is_told_what_to_do(db, anna_client):
    response = anna_client.get(reverse("consult_create"))
    assert response.status_code == 503
    assert "load_content" in response.content.decode()
