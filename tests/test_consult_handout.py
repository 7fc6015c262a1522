import pytest

from consult.phrase_check import HANDOUT_FIELDS
from consult.models import Consult
from tests.factories import save
from tests.helpers import assert_other_practice_gets_404, step_url, url


def test_handout_preview_has_the_sections_in_order(mrs_k, anna_client):
    html = anna_client.get(url("consult_handout", mrs_k)).content.decode()
    headings = ["In het kort", "Wat we samen hebben afgesproken", "Waarom blijven uw klachten?",
                "Wat speelt bij u mee", "Wat u zelf kunt doen", "Wat gaat er nu gebeuren",
                "Wanneer neemt u contact op met de praktijk?", "Meer informatie"]
    positions = [html.index(f"<h2>{h}</h2>") for h in headings]
    assert positions == sorted(positions)
    assert "Uitleg over uw klachten, Karin" in html
    assert 'src="data:image/svg+xml;base64,' in html


def test_handout_uses_the_default_safety_netting_unless_the_gp_wrote_one(mrs_k, anna, anna_client):
    html = anna_client.get(url("consult_handout", mrs_k)).content.decode()
    assert "Neem contact op met de praktijk als u nieuwe klachten krijgt." in html
    mrs_k = save(mrs_k, anna, safety_netting="Bel als de pijn in uw borst zit.")
    assert "Bel als de pijn in uw borst zit." in anna_client.get(url("consult_handout", mrs_k)).content.decode()


def test_typed_html_is_escaped(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, patient_words="<script>alert(1)</script>", next_appointment="<img src=x>")
    html = anna_client.get(url("consult_handout", mrs_k)).content.decode()
    assert "<script>alert(1)" not in html and "<img src=x>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_handout", mrs_k)


def test_without_agreement_there_is_no_handout(content, anna, anna_client):
    from tests.factories import mrs_k_consult

    consult = mrs_k_consult(user=anna, agreement="no")
    assert anna_client.get(url("consult_handout", consult))["Location"] == step_url(consult, "probleemdefinitie")


def test_a_phrase_to_avoid_in_typed_text_keeps_the_handout_from_being_made(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, patient_words="Het zit tussen de oren, denk ik")
    response = anna_client.get(url("consult_handout", mrs_k))
    html = response.content.decode()
    assert response.status_code == 409
    assert "De folder bevat woorden die herstel in de weg kunnen zitten" in html
    assert "In de woorden van de patiënt:</strong> “tussen de oren”" in html


@pytest.mark.parametrize("field", HANDOUT_FIELDS)
def test_every_field_that_reaches_the_handout_is_guarded(mrs_k, anna, anna_client, field):
    limit = Consult._meta.get_field(field).max_length
    mrs_k = save(mrs_k, anna, **{field: "het is psychisch"[:limit]})
    assert anna_client.get(url("consult_handout", mrs_k)).status_code == 409


def test_the_handout_is_one_document_for_screen_print_and_pdf(mrs_k, anna_client):
    from consult.handout import render_handout_html

    html = anna_client.get(url("consult_handout", mrs_k)).content.decode()
    assert html == render_handout_html(mrs_k)
    assert '<nav class="screen-only toolbar">' in html  # hidden in print and in the PDF


# --- what the handout adds (issue 10, part 2) ---------------------------------------

def items(html, css_class):
    import re

    section = html.split(f'<section class="{css_class}">', 1)[1].split("</section>", 1)[0]
    return [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li>(.*?)</li>", section, re.S)]


def test_in_het_kort_puts_the_shared_bullets_around_the_models_own(mrs_k):
    from consult.handout import render_handout_html

    bullets = items(render_handout_html(mrs_k), "in-short")
    model = mrs_k.chosen("explanation_model")
    assert bullets == ["U voelt echt iets.", *model.in_short, "Vaak worden de klachten minder.", "Bel bij nieuwe klachten."]
    assert 5 <= len(bullets) <= 8


def test_a_library_without_the_shared_texts_still_makes_a_handout(anna, tmp_path):
    """A consult keeps the content version it was made with; an older one lacks the new
    general texts, and its handout still renders with what it has."""
    import shutil

    import yaml

    from consult.handout import render_handout_html
    from explanations.actions import load_library
    from tests.conftest import TEST_LIBRARY
    from tests.factories import mrs_k_consult

    older = tmp_path / "content"
    shutil.copytree(TEST_LIBRARY, older)
    general = older / "general.yaml"
    rows = [r for r in yaml.safe_load(general.read_text()) if r["slug"] in {"safety_netting", "body_and_mind"}]
    general.write_text(yaml.safe_dump(rows, allow_unicode=True))
    load_library(source_dir=older)
    consult = save(mrs_k_consult(user=anna), anna, advice=["slaap", "dagboek"])
    html = render_handout_html(consult)
    assert items(html, "in-short") == list(consult.chosen("explanation_model").in_short)
    assert '<table class="diary"' not in html and "113" not in html
    assert "Lichaam en geest werken samen als één systeem." in html


def test_the_mental_health_safety_net_comes_with_low_mood_only(mrs_k, anna):
    from consult.handout import render_handout_html

    assert "somberheid" in mrs_k.factors
    net = '<p class="mood-safety-net">Voelt u zich somber? Bel de praktijk. Dag en nacht kunt u 113 of 0800-0113 bellen.</p>'
    assert net in render_handout_html(mrs_k)
    without = save(mrs_k, anna, factors=["geen-hulp-vragen"])
    assert "mood-safety-net" not in render_handout_html(without) and "0800-0113" not in render_handout_html(without)


def test_the_symptom_diary_is_printed_with_the_diary_advice_only(mrs_k, anna):
    import re

    from consult.handout import DIARY_ROWS, render_handout_html

    assert '<table class="diary"' not in render_handout_html(mrs_k)
    html = render_handout_html(save(mrs_k, anna, advice=["slaap", "dagboek"]))
    table = html.split('<table class="diary"', 1)[1].split("</table>", 1)[0]
    assert re.findall(r'<th scope="col">(.*?)</th>', table) == [
        "Datum", "Meer of minder klachten?", "Wat dacht, voelde en deed u?", "Hoe reageerden anderen?"]
    assert table.count("<tr>") == 1 + DIARY_ROWS >= 6
    assert html.index("Klachtendagboek.") < html.index('<table class="diary"')


def test_every_shipped_handout_says_examined_names_alk_and_tells_body_mind_and_prognosis(shipped_content, anna):
    from consult.handout import render_handout_html
    from explanations.models import ExplanationModel
    from tests.factories import mrs_k_consult

    for model in ExplanationModel.objects.filter(version=shipped_content):
        html = render_handout_html(mrs_k_consult(user=anna, model=model.slug, metaphors=(model.metaphors.first().slug,)))
        for words in ["De huisarts heeft u goed onderzocht.", "geen ziekte die een andere behandeling nodig heeft",
                      "aanhoudende lichamelijke klachten (ALK)", "Lichaam en geest werken samen als één systeem.",
                      "Bij veel mensen worden de klachten na een tijd minder.", "U voelt echt iets.",
                      "www.thuisarts.nl", "www.nalk.info"]:
            assert words in html, (model.slug, words)
        assert html.index("onderzocht") < html.index('<div class="metaphors')  # first what was found


def test_the_metaphor_text_is_printed_with_its_key_words_in_bold(shipped_content, anna):
    from consult.handout import render_handout_html
    from tests.factories import mrs_k_consult

    html = render_handout_html(mrs_k_consult(user=anna, metaphors=("kapot-alarmsysteem", "volumeknoppen")))
    figures = html.split('<div class="metaphors metaphors-2">', 1)[1].split("</div>", 1)[0]
    assert "<h3>Te gevoelig alarmsysteem</h3>" in figures and "<h3>Volumeknoppen</h3>" in figures
    assert "<strong>alarm</strong>" in figures and "<strong>te gevoelig afgesteld</strong>" in figures
    assert "<strong>volumeknoppen</strong>" in figures and "**" not in figures
