from consult import flow
from consult.models import Consult
from tests.factories import mrs_k_consult, new_consult
from tests.helpers import assert_other_practice_gets_404, post_step, step_url


def test_agreement_leads_on_to_the_next_step_that_needs_the_gp(content, anna, anna_client):
    consult = new_consult(user=anna)
    response = post_step(anna_client, consult, "probleemdefinitie", htmx=False, problem_summary="Pijn en moeheid",
                         patient_words="Mijn lijf is op", agreement="yes", _next="1")
    # SCEGS is not finished yet, so the server sends the GP back there first.
    assert response["Location"] == step_url(consult, "scegs")


def test_no_agreement_stops_before_the_explanation_and_keeps_everything(content, anna, anna_client):
    consult = mrs_k_consult(user=anna, agreement="yes")
    response = post_step(anna_client, consult, "probleemdefinitie", htmx=False, patient_words="Ik wil eerst een MRI",
                         agreement="no", needed_first="investigation", needed_first_note="MRI knie", _next="1")
    assert response["Location"] == step_url(consult, "probleemdefinitie")
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.needed_first == "investigation" and saved.needed_first_note == "MRI knie"
    assert saved.explanation_model == "centrale-sensitisatie"  # the earlier explanation choice is kept
    assert not flow.get_step("explanation").is_applicable(saved)
    page = anna_client.get(step_url(saved, "probleemdefinitie")).content.decode()
    assert "Nog geen gezamenlijke probleemdefinitie: de uitleg wacht." in page
    assert "wacht op overeenstemming" in page
    assert anna_client.get(step_url(saved, "uitleg"))["Location"] == step_url(saved, "probleemdefinitie")


def test_partly_needs_what_comes_first(content, anna, anna_client):
    consult = new_consult(user=anna)
    response = post_step(anna_client, consult, "probleemdefinitie", htmx=False, problem_summary="Pijn",
                         agreement="partly", _next="1")
    assert "Leg vast wat eerst nodig is." in response.content.decode()


def test_the_gp_can_deliberately_go_on_without_agreement(content, anna, anna_client):
    consult = mrs_k_consult(user=anna, agreement="partly")
    response = post_step(anna_client, consult, "probleemdefinitie", htmx=False, needed_first="time",
                         proceed_without_agreement=True, _next="1")
    assert response["Location"] == step_url(consult, "uitleg")


def test_other_practice_gets_404(content, anna, bram_client):
    consult = new_consult(user=anna)
    assert_other_practice_gets_404(bram_client, step_url(consult, "probleemdefinitie"), consult)


def test_agreement_needs_the_patients_own_words_for_the_handout(content, anna, anna_client):
    consult = new_consult(user=anna)
    response = post_step(anna_client, consult, "probleemdefinitie", htmx=False, problem_summary="Pijn en moeheid",
                         agreement="yes", _next="1")
    assert "Noteer hoe de patiënt het zelf zegt" in response.content.decode()
    assert Consult.objects.get(pk=consult.pk).agreement == "yes"  # saved all the same


def test_the_agreement_has_a_named_action_for_imports_and_tests(content, anna):
    from consult.actions import record_agreement

    consult = new_consult(user=anna)
    result = record_agreement(consult=consult, user=anna, problem_summary="Pijn", patient_words="Op",
                              agreement="partly", needed_first="referral")
    assert result.record.agreement == "partly" and result.record.explanation_waits_for == "agreement"
