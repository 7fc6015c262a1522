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
