from consult.models import Consult
from tests.helpers import assert_other_practice_gets_404, post_step, step_url


def test_plan_saves_advice_referrals_and_appointment(mrs_k, anna_client):
    response = post_step(anna_client, mrs_k, "plan", htmx=False, advice=["bewegen"], referrals=["psycholoog"],
                         next_appointment="Over 2 weken", safety_netting="Bel bij koorts", _next="1")
    assert response["Location"] == step_url(mrs_k, "afronden")
    saved = Consult.objects.get(pk=mrs_k.pk)
    assert saved.advice == ["bewegen"] and saved.referrals == ["psycholoog"]
    assert saved.next_appointment == "Over 2 weken" and saved.safety_netting == "Bel bij koorts"


def test_an_empty_plan_is_not_done(mrs_k, anna_client):
    response = post_step(anna_client, mrs_k, "plan", htmx=False, advice=[], referrals=[], next_appointment="", _next="1")
    assert "Spreek een vervolg af, of kies een advies of verwijzing." in response.content.decode()


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, step_url(mrs_k, "plan"), mrs_k)


def test_the_models_suggestions_are_marked(mrs_k, anna_client):
    html = anna_client.get(step_url(mrs_k, "plan")).content.decode()
    model = mrs_k.chosen("explanation_model")
    badge = f"past bij {model.name}"
    assert html.count(badge) == model.suggested_advice.count() + model.suggested_referrals.count()
    first = model.suggested_advice.first()
    label_at = html.index(f">{first.label}</label>")
    assert html.index(badge, label_at) - label_at < 200  # the badge sits right after its label


def test_the_default_safety_netting_is_shown_while_the_field_is_empty(mrs_k, anna_client):
    html = anna_client.get(step_url(mrs_k, "plan")).content.decode()
    assert 'placeholder="Neem contact op met de praktijk als u nieuwe klachten krijgt.' in html
