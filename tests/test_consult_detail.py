from consult.models import Consult
from tests.conftest import client_for
from tests.factories import mrs_k_consult, new_consult
from tests.helpers import assert_other_practice_gets_404, post_step, step_url, url


def test_detail_opens_the_next_step(content, anna, anna_client):
    consult = new_consult(user=anna)
    assert anna_client.get(url("consult_detail", consult))["Location"] == step_url(consult, "scegs")


def test_without_agreement_detail_opens_the_problem_definition(content, anna, anna_client):
    stopped = mrs_k_consult(user=anna, agreement="no")
    assert anna_client.get(url("consult_detail", stopped))["Location"] == step_url(stopped, "probleemdefinitie")


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_detail", mrs_k)


def test_the_poh_ggz_reads_the_gps_consult_but_does_not_change_it(mrs_k, sanne):
    poh = client_for(sanne)
    assert poh.get(url("consult_detail", mrs_k))["Location"] == step_url(mrs_k, "afronden")
    page = poh.get(step_url(mrs_k, "plan")).content.decode()
    assert "U leest het consult van de huisarts" in page and "<fieldset disabled>" in page and "hx-post" not in page
    assert poh.post(step_url(mrs_k, "plan"), {"next_appointment": "x", "base-next_appointment": "y"}).status_code == 403
    assert Consult.objects.get(pk=mrs_k.pk).next_appointment == "Over vier weken bij de POH-GGZ"
    assert poh.post(url("consult_finalise", mrs_k), {"version": mrs_k.version}).status_code == 403
    assert "Afronden en uitgifte vastleggen" not in poh.get(step_url(mrs_k, "afronden")).content.decode()
