from consult.models import Consult
from tests.factories import new_consult
from tests.helpers import assert_other_practice_gets_404, post_step, step_url


def test_start_page_records_permission_and_further_investigation_wish(content, anna, anna_client):
    consult = new_consult(user=anna)
    response = post_step(anna_client, consult, "start", htmx=False, wants_further_investigation=True, _next="1")
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.permission_given and saved.wants_further_investigation
    assert response["Location"] == step_url(consult, "scegs")


def test_finishing_without_permission_is_refused_with_a_message(content, anna, anna_client):
    consult = new_consult(user=anna)
    response = post_step(anna_client, consult, "start", htmx=False, permission_given=False, first_name="Karin", _next="1")
    html = response.content.decode()
    assert "Vraag de patiënt om toestemming voordat u verder gaat." in html
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.first_name == "Karin" and not saved.permission_given  # saved all the same


def test_a_bsn_typed_later_is_refused_beside_the_field_and_the_rest_is_saved(content, anna, anna_client):
    consult = new_consult(user=anna)
    response = post_step(anna_client, consult, "start", patient_reference="111222333", first_name="Karin")
    html = response.content.decode()
    assert "Dit lijkt op een BSN" in html and 'id="feedback-patient_reference"' in html
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.patient_reference == "MK-1979" and saved.first_name == "Karin"


def test_other_practice_gets_404(content, anna, bram_client):
    consult = new_consult(user=anna)
    assert_other_practice_gets_404(bram_client, step_url(consult, "start"), consult)
    assert_other_practice_gets_404(bram_client, step_url(consult, "start"), consult, method="post",
                                   data={"first_name": "Bram", "base-first_name": "x"})
    assert Consult.objects.get(pk=consult.pk).first_name == ""
