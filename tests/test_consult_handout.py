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
