from consult.models import Consult
from explanations.models import ExplanationModel, Metaphor
from tests.helpers import assert_other_practice_gets_404, url


def test_page_shows_models_with_their_clinician_script(mrs_k, anna_client):
    html = anna_client.get(url("consult_explanation", mrs_k)).content.decode()
    for model in ExplanationModel.objects.filter(version=mrs_k.content_version):
        assert model.name in html
        assert model.clinician_script[0]["title"] in html


def test_choosing_a_model_and_its_metaphors(mrs_k, anna_client):
    model = ExplanationModel.objects.get(version=mrs_k.content_version, slug="stress-emmer")
    bucket = Metaphor.objects.get(version=mrs_k.content_version, slug="overlopende-stressemmer")
    anna_client.post(url("consult_explanation", mrs_k), {
        "version": mrs_k.version, "explanation_model": model.pk, "metaphors": [bucket.pk], "teach_back": "Mijn emmer loopt over",
    }, HTTP_HX_REQUEST="true")
    saved = Consult.objects.get(pk=mrs_k.pk)
    assert saved.explanation_model == model and list(saved.metaphors.all()) == [bucket]


def test_a_metaphor_that_does_not_fit_the_model_is_refused(mrs_k, anna_client):
    model = ExplanationModel.objects.get(version=mrs_k.content_version, slug="stress-emmer")
    lens = Metaphor.objects.get(version=mrs_k.content_version, slug="volumeknoppen")
    response = anna_client.post(url("consult_explanation", mrs_k), {
        "version": mrs_k.version, "explanation_model": model.pk, "metaphors": [lens.pk],
    }, HTTP_HX_REQUEST="true")
    assert "Past niet bij Stress-emmer: Volumeknoppen." in response.content.decode()


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_explanation", mrs_k)
