import re

from tests.factories import mrs_k_consult, save
from tests.helpers import assert_other_practice_gets_404, step_url, url


def test_shows_the_chosen_metaphor_large_without_any_clinical_text(mrs_k, anna_client):
    html = anna_client.get(url("consult_presentation", mrs_k)).content.decode()
    [alarm] = mrs_k.chosen("metaphors")
    assert f"<h1>{alarm.name}</h1>" in html
    assert 'class="drawing" src="data:image/svg+xml;base64,' in html
    lines = re.findall(r'<p class="line">(.*?)</p>', html)
    assert lines == alarm.presentation_lines[:3] and 1 <= len(lines) <= 3
    for clinical in [mrs_k.patient_reference, mrs_k.teach_back, mrs_k.complaints, mrs_k.behavioural_note,
                     mrs_k.problem_summary, mrs_k.patient_words, "Karin"]:
        assert clinical not in html


def test_browses_through_several_metaphors(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, metaphors=["kapot-alarmsysteem", "volumeknoppen"])
    first = anna_client.get(url("consult_presentation", mrs_k)).content.decode()
    assert "1 / 2" in first and 'href="?dia=2" rel="next"' in first and 'rel="prev"' not in first
    second = anna_client.get(url("consult_presentation", mrs_k, "?dia=2")).content.decode()
    assert "<h1>Volumeknoppen</h1>" in second and 'href="?dia=1" rel="prev"' in second
    assert "<h1>Kapot alarmsysteem</h1>" in anna_client.get(url("consult_presentation", mrs_k, "?dia=abc")).content.decode()


def test_before_a_metaphor_is_chosen_it_shows_all_of_the_model(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, metaphors=[])
    html = anna_client.get(url("consult_presentation", mrs_k)).content.decode()
    assert f"1 / {mrs_k.chosen('explanation_model').metaphors.count()}" in html


def test_without_agreement_there_is_nothing_to_present(content, anna, anna_client):
    consult = mrs_k_consult(user=anna, agreement="no")
    response = anna_client.get(url("consult_presentation", consult))
    assert response["Location"] == step_url(consult, "probleemdefinitie")


def test_clinician_hints_and_script_stay_off_the_patient_screen(mrs_k, anna_client):
    html = anna_client.get(url("consult_presentation", mrs_k)).content.decode()
    [metaphor] = mrs_k.chosen("metaphors")
    assert metaphor.clinician_hint[:40] not in html
    for step in mrs_k.chosen("explanation_model").clinician_script:
        assert step["text"][:40] not in html


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_presentation", mrs_k)


def test_closing_goes_back_to_the_explanation_step(mrs_k, anna_client):
    html = anna_client.get(url("consult_presentation", mrs_k)).content.decode()
    assert f'id="close" class="close" href="{step_url(mrs_k, "uitleg")}"' in html


def test_each_drawing_has_its_text_alternative_for_screen_readers(mrs_k, anna, anna_client):
    """An SVG shown as an image hides its own title and description: the alt carries them."""
    from django.utils.html import escape

    from explanations.drawings import drawing_text

    mrs_k = save(mrs_k, anna, metaphors=["kapot-alarmsysteem", "volumeknoppen"])
    [alarm, volume] = mrs_k.chosen("metaphors")
    expected = [escape(drawing_text(m.drawing_svg)) for m in (alarm, volume)]
    for path, alts_expected in ((url("consult_presentation", mrs_k), expected[:1]),
                                (url("consult_presentation", mrs_k, "?dia=2"), expected[1:]),
                                (url("consult_handout", mrs_k), expected)):
        html = anna_client.get(path).content.decode()
        alts = re.findall(r'<img[^>]*src="data:image/svg\+xml[^"]*"[^>]*alt="([^"]*)"', html)
        alts = [alt for alt in alts if not alt.startswith("QR-code")]
        assert alts == alts_expected, path
        assert all(alt.count(". ") >= 1 for alt in alts)  # the title, then the description
    from pathlib import Path

    shipped = Path(__file__).resolve().parent.parent / "explanations/content/drawings/kapot-alarmsysteem.svg"
    text = drawing_text(shipped.read_text())
    assert text.startswith("Te gevoelig alarmsysteem. Een rookmelder") and text.endswith("Er is geen brand.")
