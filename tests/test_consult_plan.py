from consult.models import Consult
from explanations.models import Recipient, SelfManagementAdvice
from tests.helpers import assert_other_practice_gets_404, url


def test_plan_saves_advice_referrals_and_appointment(mrs_k, anna_client):
    diary = SelfManagementAdvice.objects.get(version=mrs_k.content_version, slug="dagboek")
    psych = Recipient.objects.get(version=mrs_k.content_version, slug="psycholoog")
    response = anna_client.post(url("consult_plan", mrs_k), {
        "version": mrs_k.version, "advice": [diary.pk], "referrals": [psych.pk],
        "next_appointment": "Over 2 weken", "safety_netting": "Bel bij koorts", "_next": "1",
    })
    assert response["Location"] == url("consult_outputs", mrs_k)
    saved = Consult.objects.get(pk=mrs_k.pk)
    assert list(saved.advice.all()) == [diary] and list(saved.referrals.all()) == [psych]
    assert saved.next_appointment == "Over 2 weken" and saved.safety_netting == "Bel bij koorts"


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_plan", mrs_k)
