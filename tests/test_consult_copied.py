from audit.models import AccessEvent
from tests.helpers import url


def test_copying_is_logged_without_clinical_text(mrs_k, anna_client):
    response = anna_client.post(url("consult_copied", mrs_k), {"what": "referral"})
    assert response.status_code == 204
    event = AccessEvent.objects.get(record_id=mrs_k.pk, action="copy")
    assert event.what == "verwijstekst" and event.user.username == "anna"


def test_unknown_things_are_not_logged(mrs_k, anna_client):
    anna_client.post(url("consult_copied", mrs_k), {"what": "<script>"})
    assert not AccessEvent.objects.filter(record_id=mrs_k.pk, action="copy").exists()


def test_other_practice_gets_404(mrs_k, bram_client):
    assert bram_client.post(url("consult_copied", mrs_k), {"what": "referral"}).status_code == 404
    assert not AccessEvent.objects.filter(action="copy").exists()
