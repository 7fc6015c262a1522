"""The GP marks a false alarm of the language guard as not harmful in this context."""

from audit.models import AccessEvent
from consult.handout import render_handout_html
from consult.models import Consult, Issue
from consult.phrase_check import handout_problems
from patients.models import LanguageOverride
from tests.conftest import client_for
from tests.factories import save
from tests.helpers import step_url, url

SAFETY_LINE = "Bel bij onverklaarbaar gewichtsverlies. Het is ingebeeld als u denkt dat het goed gaat."


def mark(client, consult, finding):
    return client.post(url("consult_language_override", consult), {
        "field": finding.field, "phrase": finding.hit.slug, "matched": finding.hit.matched,
    })


def test_the_gp_sees_why_and_can_mark_a_finding_so_the_handout_can_be_made(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, next_appointment="Als het ingebeeld blijkt, stoppen we")
    page = anna_client.get(step_url(mrs_k, "afronden")).content.decode()
    assert "“ingebeeld”" in page and "Waarom:" in page and "Niet schadelijk in deze context" in page
    [finding] = handout_problems(mrs_k)

    response = mark(anna_client, mrs_k, finding)

    assert response.status_code == 302
    override = LanguageOverride.objects.get()
    assert (override.field, override.phrase, override.matched, override.decided_by) == (
        "next_appointment", finding.hit.slug, "ingebeeld", anna)
    assert handout_problems(Consult.objects.get(pk=mrs_k.pk)) == []
    assert "ingebeeld" in render_handout_html(Consult.objects.get(pk=mrs_k.pk))
    event = AccessEvent.objects.filter(what="niet-schadelijk:next_appointment").get()
    assert event.user == anna and event.record_id == mrs_k.pk
    anna_client.post(url("consult_finalise", mrs_k), {"version": Consult.objects.get(pk=mrs_k.pk).version})
    assert Issue.objects.filter(consult=mrs_k).exists()


def test_the_mark_is_for_those_words_only(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, next_appointment="Als het ingebeeld blijkt, stoppen we")
    mark(anna_client, mrs_k, handout_problems(mrs_k)[0])
    mrs_k = save(Consult.objects.get(pk=mrs_k.pk), anna, patient_words="Het is vast ingebeeld, denk ik")
    assert [f.field for f in handout_problems(mrs_k)] == ["patient_words"]


def test_words_no_longer_in_the_text_are_not_recorded(mrs_k, anna, anna_client):
    response = anna_client.post(url("consult_language_override", mrs_k), {
        "field": "next_appointment", "phrase": "ingebeeld", "matched": "ingebeeld"}, follow=True)
    assert "Deze woorden staan niet meer in de tekst" in response.content.decode()
    assert not LanguageOverride.objects.exists()


def test_the_poh_ggz_reads_the_consult_but_does_not_mark_it(mrs_k, anna, sanne):
    mrs_k = save(mrs_k, anna, next_appointment="Als het ingebeeld blijkt, stoppen we")
    sanne_client = client_for(sanne)
    assert "Niet schadelijk in deze context" not in sanne_client.get(step_url(mrs_k, "afronden")).content.decode()
    assert mark(sanne_client, mrs_k, handout_problems(mrs_k)[0]).status_code == 403
    assert not LanguageOverride.objects.exists()


def test_other_practice_gets_404(mrs_k, anna, bram_client):
    mrs_k = save(mrs_k, anna, next_appointment="Als het ingebeeld blijkt, stoppen we")
    assert mark(bram_client, mrs_k, handout_problems(mrs_k)[0]).status_code == 404
    assert not LanguageOverride.objects.exists()
