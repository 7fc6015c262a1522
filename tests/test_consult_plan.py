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


def test_the_models_suggestions_are_marked(mrs_k, anna_client):
    html = anna_client.get(url("consult_plan", mrs_k)).content.decode()
    model = mrs_k.explanation_model
    badge = f"past bij {model.name}"
    assert html.count(badge) == model.suggested_advice.count() + model.suggested_referrals.count()
    first = model.suggested_advice.first()
    label_at = html.index(f">{first.label}</label>")
    assert html.index(badge, label_at) - label_at < 200  # the badge sits right after its label


def test_the_default_safety_netting_is_shown_while_the_field_is_empty(mrs_k, anna_client):
    from explanations.models import GeneralText

    default = GeneralText.objects.get(version=mrs_k.content_version, slug="safety_netting").text
    form = anna_client.get(url("consult_plan", mrs_k)).context["form"]
    assert form.fields["safety_netting"].widget.attrs["placeholder"] == default
