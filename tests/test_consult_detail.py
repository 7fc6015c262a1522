from tests.factories import mrs_k_consult, new_consult
from tests.helpers import assert_other_practice_gets_404, url


def test_detail_opens_the_next_step(content, anna, anna_client):
    consult = new_consult(user=anna)
    assert anna_client.get(url("consult_detail", consult))["Location"] == url("consult_scegs", consult)


def test_without_agreement_detail_opens_the_problem_definition(content, anna, anna_client):
    stopped = mrs_k_consult(user=anna, agreement="no")
    assert anna_client.get(url("consult_detail", stopped))["Location"] == url("consult_problem_definition", stopped)


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_detail", mrs_k)


def test_the_poh_ggz_of_the_same_practice_continues_the_consult(mrs_k, sanne):
    from consult.models import Consult
    from tests.conftest import client_for

    poh = client_for(sanne)
    assert poh.get(url("consult_detail", mrs_k))["Location"] == url("consult_outputs", mrs_k)
    poh.post(url("consult_plan", mrs_k), {"version": mrs_k.version, "next_appointment": "Intake POH-GGZ dinsdag"})
    assert Consult.objects.get(pk=mrs_k.pk).next_appointment == "Intake POH-GGZ dinsdag"
