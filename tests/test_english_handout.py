"""A handout in the patient's language: chosen per consult on the plan step, independent
of the GP's screen; the English handout names the Dutch term beside each English one;
referral texts and SOEP lines stay Dutch."""

import datetime
import re

import pytest
from django.urls import reverse

from care.actions import plan_session, save_session_answers
from consult.documents import render_journal
from consult.models import Consult
from explanations.actions import create_draft_from, publish
from explanations.models import ContentVersion, Metaphor
from practices.actions import set_ui_language
from tests.conftest import client_for
from tests.factories import fresh, mrs_k_consult, save
from tests.handouts import IN_ENGLISH
from tests.helpers import assert_other_practice_gets_404, oob, post_step, step_url, url
from tests.pdf_text import pdf_text


@pytest.fixture
def consult(english_content, anna):
    """Mrs K. on the shipped library, her handout in English."""
    return save(mrs_k_consult(user=anna), anna, **IN_ENGLISH)


def test_the_plan_step_offers_the_handout_language_once_english_is_published(shipped_content, anna, anna_client):
    dutch_only = mrs_k_consult(user=anna)
    html = anna_client.get(step_url(dutch_only, "plan")).content.decode()
    assert 'name="handout_language"' not in html  # nothing to choose yet
    from explanations.actions import load_library

    load_library(language="en")
    html = anna_client.get(step_url(dutch_only, "plan")).content.decode()
    assert "Taal van de folder" in html and 'value="en"' in html and ">Engels<" in html
    response = post_step(anna_client, dutch_only, "plan", handout_language="en")
    assert response.status_code == 200
    assert fresh(dutch_only).handout_language == "en"


def test_a_language_without_a_library_is_refused_next_to_the_field(shipped_content, anna, anna_client):
    consult = mrs_k_consult(user=anna)
    response = post_step(anna_client, consult, "plan", handout_language="fr")
    html = response.content.decode()
    assert fresh(consult).handout_language == "nl"
    assert "Selecteer een geldige keuze" in oob(html, "feedback-handout_language")


def test_the_plan_step_shows_the_english_default_safety_netting(consult, anna_client):
    html = anna_client.get(step_url(consult, "plan")).content.decode()
    assert 'placeholder="Contact the practice if you get new symptoms.' in html


def test_the_english_handout_is_english_with_the_dutch_term_beside_each_term(consult, anna_client):
    html = anna_client.get(url("consult_handout", consult)).content.decode()
    assert '<html lang="en">' in html
    for heading in ["In short", "What we agreed together", "Why do your symptoms continue?", "What you can do yourself",
                    "When should you contact the practice?", "More information"]:
        assert f"<h2>{heading}</h2>" in html, heading
    assert "Your symptoms fit with an <strong>oversensitive nervous system</strong>" in html
    assert "Alarm set too sensitive" in html
    assert '<dt>central sensitisation <span class="term-nl">(Dutch: <span lang="nl">centrale sensitisatie</span>)' in html
    assert '<dt>oversensitive nervous system <span class="term-nl">(Dutch: <span lang="nl">overgevoelig zenuwstelsel</span>)' in html
    assert "My body is set too loud" in html  # what the GP typed, as typed
    assert "Uitleg over uw klachten" not in html and "In het kort" not in html


def test_the_pdf_is_english_and_declares_it(consult, anna_client):
    import io

    from pypdf import PdfReader

    pdf = anna_client.get(url("consult_handout_pdf", consult)).content
    text = pdf_text(pdf)
    assert "About your symptoms, Karin" in text and "central sensitisation" in text and "centrale sensitisatie" in text
    assert "Page 1 of 2" in text and "Pagina" not in text
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.metadata.title == "About your symptoms"


def test_referral_and_soep_stay_dutch_in_the_dutch_terms(consult, anna_client):
    import html as html_lib

    referral = html_lib.unescape(anna_client.get(url("consult_referral", consult, "?ontvanger=fysiotherapeut")).content.decode())
    assert "Verklaringsmodel: Centrale sensitisatie" in referral
    assert '"overgevoelig zenuwstelsel"' in referral and "oversensitive" not in referral
    journal = render_journal(consult)
    assert "centrale sensitisatie" in journal and "overgevoelig zenuwstelsel" in journal
    assert "central sensitisation" not in journal.lower() and "oversensitive" not in journal


def test_the_presentation_speaks_the_handout_language(consult, anna_client):
    html = anna_client.get(url("consult_presentation", consult)).content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Alarm set too sensitive</h1>" in html
    assert re.findall(r'<p class="line">(.*?)</p>', html)[0] == "Your alarm is set too sensitive."


def test_the_handout_language_does_not_follow_the_screen(consult, anna, anna_client):
    set_ui_language(user=anna, language="en")
    english_screen = client_for(anna)
    assert '<html lang="en">' in english_screen.get(url("consult_handout", consult)).content.decode()
    consult = save(consult, anna, handout_language="nl")
    html = english_screen.get(url("consult_handout", consult)).content.decode()
    assert '<html lang="nl">' in html and "In het kort" in html and "Dutch:" not in html


def test_an_english_phrase_to_avoid_keeps_the_english_handout_from_being_made(consult, anna, anna_client):
    consult = save(consult, anna, safety_netting="Honestly, it's all in your head.")
    response = anna_client.get(url("consult_handout", consult))
    html = response.content.decode()
    assert response.status_code == 409
    assert "De folder bevat woorden die herstel in de weg kunnen zitten" in html
    assert "all in your head”" in html  # the matched words, quoted in the finding
    # ... and the plan step warns while it is typed, by the English list.
    html = post_step(anna_client, consult, "plan", safety_netting="You are exaggerating, really.").content.decode()
    assert "Liever niet: “exaggerating”" in oob(html, "feedback-safety_netting")


def test_finalising_freezes_the_english_handout_even_when_the_english_library_changes(consult, anna, anna_client):
    anna_client.post(url("consult_finalise", consult), {"version": consult.version})
    final = Consult.objects.get(pk=consult.pk)
    issued = anna_client.get(url("consult_handout", final)).content.decode()
    assert "Alarm set too sensitive" in issued
    draft = create_draft_from(version=ContentVersion.current("en"))
    alarm = Metaphor.objects.get(version=draft, slug="kapot-alarmsysteem")
    alarm.name = "Smoke alarm"
    alarm.save()
    publish(version=draft)
    assert anna_client.get(url("consult_handout", final)).content.decode() == issued


def test_a_new_visit_keeps_the_patients_language(consult, anna):
    from consult.actions import create_consult

    second_visit = create_consult(user=anna, patient=consult.patient, permission_given=True)
    assert second_visit.previous == consult and second_visit.handout_language == "en"


def test_the_follow_up_handout_speaks_the_patients_language(consult, sanne):
    session = plan_session(patient=consult.patient, user=sanne, date=datetime.date(2026, 12, 1))
    session = save_session_answers(session=session, user=sanne, answers={"worked_on": "We talked about pacing."}).record
    html = client_for(sanne).get(reverse("followup_handout", args=[session.pk])).content.decode()
    assert '<html lang="en">' in html and "oversensitive nervous system" in html and "We talked about pacing." in html


def test_other_practice_gets_404(consult, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_handout", consult)
    assert_other_practice_gets_404(bram_client, step_url(consult, "plan"), consult)
