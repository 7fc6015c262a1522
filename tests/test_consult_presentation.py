import re

from explanations.models import Metaphor
from tests.factories import mrs_k_consult, of_version, save
from tests.helpers import assert_other_practice_gets_404, url


def test_shows_the_chosen_metaphor_large_without_any_clinical_text(mrs_k, anna_client):
    html = anna_client.get(url("consult_presentation", mrs_k)).content.decode()
    alarm = mrs_k.metaphors.get()
    assert f"<h1>{alarm.name}</h1>" in html
    assert 'class="drawing" src="data:image/svg+xml;base64,' in html
    lines = re.findall(r'<p class="line">(.*?)</p>', html)
    assert lines == alarm.presentation_lines[:3] and 1 <= len(lines) <= 3
    for clinical in [mrs_k.patient_reference, mrs_k.teach_back, mrs_k.complaints, mrs_k.behavioural_note,
                     mrs_k.problem_summary, mrs_k.patient_words, "Karin"]:
        assert clinical not in html


def test_browses_through_several_metaphors(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, relations={"metaphors": of_version(Metaphor, mrs_k, "kapot-alarmsysteem", "volumeknoppen")})
    first = anna_client.get(url("consult_presentation", mrs_k)).content.decode()
    assert "1 / 2" in first and 'href="?dia=2" rel="next"' in first and 'rel="prev"' not in first
    second = anna_client.get(url("consult_presentation", mrs_k, "?dia=2")).content.decode()
    assert "<h1>Volumeknoppen</h1>" in second and 'href="?dia=1" rel="prev"' in second
    assert "<h1>Kapot alarmsysteem</h1>" in anna_client.get(url("consult_presentation", mrs_k, "?dia=abc")).content.decode()


def test_before_a_choice_it_shows_every_metaphor_of_the_library(content, anna, anna_client):
    consult = mrs_k_consult(user=anna, agreement="no")
    html = anna_client.get(url("consult_presentation", consult)).content.decode()
    assert "1 / 6" in html


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_presentation", mrs_k)
