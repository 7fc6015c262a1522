import json

from django.utils.html import escape

from autosave.merge import token
from consult.models import Consult
from tests.factories import save
from tests.helpers import assert_other_practice_gets_404, oob, post_step, step_url


def test_page_shows_models_with_their_clinician_script_and_the_metaphor_hints(mrs_k, anna_client):
    html = anna_client.get(step_url(mrs_k, "uitleg")).content.decode()
    for model in mrs_k.library.models:
        assert model.name in html
        assert model.clinician_script[0]["title"] in html
    assert "Zeg niet dat het alarm uit gaat." in html


def test_choosing_a_model_and_its_metaphors(mrs_k, anna_client):
    post_step(anna_client, mrs_k, "uitleg", explanation_model="stress-emmer",
              metaphors=["overlopende-stressemmer"], teach_back="Mijn emmer loopt over")
    saved = Consult.objects.get(pk=mrs_k.pk)
    assert saved.explanation_model == "stress-emmer" and saved.metaphors == ["overlopende-stressemmer"]


def test_switching_the_model_keeps_fitting_metaphors_drops_the_others_and_says_so(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, metaphors=["kapot-alarmsysteem", "zoomlens"])
    response = post_step(anna_client, mrs_k, "uitleg", explanation_model="stress-emmer")
    html = response.content.decode()
    # The page sent only the model; the metaphors a rule changed are drawn again all the same.
    assert "metaphors" not in response.wsgi_request.POST
    assert "Uitgevinkt omdat ze niet bij Stress-emmer passen: Kapot alarmsysteem." in oob(html, "feedback-metaphors")
    assert f'value="{token(["zoomlens"])}"' in oob(html, "base-metaphors")
    assert json.loads(response["HX-Trigger"])["autosaved"]["values"] == {"metaphors": ["zoomlens"]}
    saved = Consult.objects.get(pk=mrs_k.pk)
    assert saved.explanation_model == "stress-emmer" and saved.metaphors == ["zoomlens"]


def test_a_metaphor_that_does_not_fit_is_never_stored(mrs_k, anna):
    from consult.actions import choose_explanation

    result = choose_explanation(consult=mrs_k, user=anna, model="stress-emmer", metaphors=["volumeknoppen", "zoomlens"])
    assert result.record.metaphors == ["zoomlens"]
    assert "Volumeknoppen" in result.notes["metaphors"]


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, step_url(mrs_k, "uitleg"), mrs_k)


def test_the_gp_sees_how_to_tell_each_metaphor_in_its_card(mrs_k, anna_client):
    from explanations.models import Metaphor

    html = anna_client.get(step_url(mrs_k, "uitleg")).content.decode()
    metaphors = [m for m in mrs_k.library.all(Metaphor) if m.clinician_hint]
    assert len(metaphors) >= 2
    cards = html.split('<div class="card h-100 metaphor-choice"')[1:]
    for metaphor in metaphors:
        card = next(c for c in cards if f'value="{metaphor.slug}"' in c)
        assert f"Tip voor het vertellen:</span> {escape(metaphor.clinician_hint)}" in card, metaphor.slug
    # Each card tells its own metaphor only.
    alarm = next(c for c in cards if 'value="kapot-alarmsysteem"' in c)
    assert "Teken de emmer samen." not in alarm
