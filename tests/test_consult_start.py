from consult.models import Consult
from tests.factories import new_consult
from tests.helpers import assert_other_practice_gets_404, url


def test_start_page_records_permission_and_further_investigation_wish(content, anna, anna_client):
    consult = new_consult(user=anna)
    anna_client.post(url("consult_start", consult), {
        "version": consult.version, "patient_reference": "MK-1979", "permission_given": "on",
        "wants_further_investigation": "on", "_next": "1",
    })
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.permission_given and saved.wants_further_investigation


def test_finishing_without_permission_is_refused_with_a_message(content, anna, anna_client):
    consult = new_consult(user=anna)
    response = anna_client.post(url("consult_start", consult), {
        "version": consult.version, "patient_reference": "MK-1979", "first_name": "Karin", "_next": "1",
    })
    assert "Vul dit in om verder te gaan." in response.content.decode()


def test_other_practice_gets_404(content, anna, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_start", new_consult(user=anna))
