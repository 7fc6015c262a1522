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
    response = post_step(anna_client, consult, "start", htmx=False, permission_given=False, wants_further_investigation=True, _next="1")
    assert "Vraag de patiënt om toestemming voordat u verder gaat." in response.content.decode()
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.wants_further_investigation and not saved.permission_given  # saved all the same


def test_other_practice_gets_404(content, anna, bram_client):
    consult = new_consult(user=anna)
    assert_other_practice_gets_404(bram_client, step_url(consult, "start"), consult)
    assert_other_practice_gets_404(bram_client, step_url(consult, "start"), consult, method="post",
                                   data={"wants_further_investigation": "on", "base-wants_further_investigation": "x"})
    assert not Consult.objects.get(pk=consult.pk).wants_further_investigation
