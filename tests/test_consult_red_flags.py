"""A red flag recorded as present holds the explanation, the handout and the ALK
assessment until the GP records what was done about it."""

from consult import flow
from consult.models import Consult
from tests.factories import mrs_k_consult, save
from tests.helpers import step_url, url


def flagged(consult, user, **more):
    return save(consult, user, red_flags="present", red_flags_present="onbedoeld gewichtsverlies 6 kg", **more)


def test_a_red_flag_without_an_action_holds_explanation_handout_and_assessment(content, anna, anna_client):
    consult = mrs_k_consult(user=anna)
    consult = flagged(consult, anna)
    assert consult.explanation_waits_for == "red_flag" and not consult.can_hand_out
    assert anna_client.get(step_url(consult, "uitleg"))["Location"] == step_url(consult, "scegs")
    assert anna_client.get(url("consult_handout", consult)).status_code == 302
    assert anna_client.get(url("consult_handout_pdf", consult)).status_code == 302
    finish = anna_client.get(step_url(consult, "afronden"))
    html = finish.content.decode()
    assert "De folder wacht: er is een alarmsymptoom" in html
    assert "wacht op beleid bij alarmsymptoom" in html
    journal = finish.context["journal_text"]
    assert "Alarmsymptoom aanwezig: onbedoeld gewichtsverlies 6 kg; beleid nog niet vastgelegd." in journal
    assert "E: Alarmsymptoom aanwezig; beleid nog niet vastgelegd, beoordeling als ALK wacht daarop." in journal
    assert "E: Aanhoudende lichamelijke klachten" not in journal


def test_the_scegs_step_asks_for_the_action(content, anna, anna_client):
    consult = flagged(mrs_k_consult(user=anna), anna)
    assert flow.get_step("scegs").missing(consult) == {"red_flag_action": "Leg vast wat u met het alarmsymptoom doet."}
    consult = save(consult, anna, red_flag_action="dealt_with")
    assert "red_flag_action_note" in flow.get_step("scegs").missing(consult)
    assert consult.red_flag_open


def test_once_the_action_is_recorded_the_texts_state_the_flag_and_the_action(content, anna, anna_client):
    consult = flagged(mrs_k_consult(user=anna), anna, red_flag_action="investigation",
                      red_flag_action_note="bloedonderzoek en X-thorax")
    assert consult.may_explain and consult.can_hand_out
    journal = anna_client.get(step_url(consult, "afronden")).context["journal_text"]
    line = ("Alarmsymptoom aanwezig: onbedoeld gewichtsverlies 6 kg; "
            "beleid: aanvullend onderzoek aangevraagd (bloedonderzoek en X-thorax)")
    assert line in journal and "E: Aanhoudende lichamelijke klachten (ALK), matig." in journal
    referral = anna_client.get(url("consult_referral", consult, "?ontvanger=specialist")).context["referral_text"]
    assert line in referral


def test_the_occupational_physician_reads_no_red_flag(content, anna, anna_client):
    consult = flagged(mrs_k_consult(user=anna), anna, consent_occupational_physician=True)
    text = anna_client.get(url("consult_referral", consult, "?ontvanger=bedrijfsarts")).context["referral_text"]
    assert "gewichtsverlies" not in text and "Alarmsymptoom" not in text
    assert "de beoordeling loopt nog" in text


def test_explanation_answers_are_refused_by_the_action_while_the_flag_is_open(content, anna):
    import pytest

    from consult.actions import NotReadyError, choose_explanation

    consult = flagged(mrs_k_consult(user=anna), anna)
    with pytest.raises(NotReadyError):
        choose_explanation(consult=consult, user=anna, model="stress-emmer", metaphors=["overlopende-stressemmer"])
    assert Consult.objects.get(pk=consult.pk).explanation_model == "centrale-sensitisatie"
