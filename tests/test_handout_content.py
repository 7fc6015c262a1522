"""What every handout tells the patient (issue 10, part 2)."""

from consult.handout import render_handout_html
from explanations.models import ExplanationModel
from tests.factories import mrs_k_consult


def test_every_handout_says_the_patient_was_examined_names_alk_and_body_and_mind(shipped_content, anna):
    for model in ExplanationModel.objects.filter(version=shipped_content):
        html = render_handout_html(mrs_k_consult(user=anna, model=model.slug, metaphors=(model.metaphors.first().slug,)))
        assert "De huisarts heeft u goed onderzocht." in html, model.slug
        assert "geen ziekte die een andere behandeling nodig heeft" in html, model.slug
        assert "aanhoudende lichamelijke klachten, kort gezegd ALK" in html, model.slug
        assert "Lichaam en geest werken samen als één systeem." in html, model.slug
        assert "Bij veel mensen worden de klachten na een tijd minder." in html, model.slug
