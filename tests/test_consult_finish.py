"""The finish step: SOEP lines (exact), referral and handout links, finalising."""

from audit.models import AccessEvent
from tests.factories import mrs_k_consult, save
from tests.helpers import assert_other_practice_gets_404, step_url, url

EXPECTED_JOURNAL = """S: Pijn in spieren en gewrichten, moeheid, ruim een jaar. Cognitief: Wil weten waarom de klachten niet overgaan | Emotioneel: Voelt zich somber (factoren: somberheid) | Gedragsmatig: Gaat maar door, vraagt geen hulp (factoren: niet (tijdig) om hulp vragen) | Sociaal: Werkt 24 uur als doktersassistente
O: Geen afwijkingen bij lichamelijk onderzoek. Alarmsymptomen nagevraagd: geen aanwezig.
E: Aanhoudende lichamelijke klachten (ALK), matig. Probleemdefinitie: Aanhoudende pijn en moeheid zonder ziekte die het verklaart (overeenstemming: ja). ICPC: L18 Spierpijn.
P: Uitleg met het model centrale sensitisatie en de metafoor kapot alarmsysteem; termen: centrale sensitisatie, overgevoelig zenuwstelsel, sneller pijn, lichaam en geest. Folder meegegeven. Zelfmanagement: slaap, doseren en geleidelijk opbouwen, bewegen. Verwijzing: de praktijkondersteuner GGZ (POH-GGZ), een fysiotherapeut of oefentherapeut. Vervolg: Over vier weken bij de POH-GGZ. Vangnet besproken.
"""


def test_soep_lines_are_exact(mrs_k, anna_client):
    response = anna_client.get(step_url(mrs_k, "afronden"))
    assert response.context["journal_text"] == EXPECTED_JOURNAL


def test_finish_page_offers_handout_pdf_referral_and_copy_buttons(mrs_k, anna_client):
    html = anna_client.get(step_url(mrs_k, "afronden")).content.decode()
    assert url("consult_handout_pdf", mrs_k) in html
    assert url("consult_handout", mrs_k) in html
    assert "Kopieer journaalregels" in html and "Kopieer verwijstekst" in html
    # The first chosen referral of the plan is preselected.
    assert "Verwijzing / overdracht aan: POH-GGZ" in html


def test_typed_html_is_escaped_in_the_soep_textarea(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, complaints="<img src=x onerror=alert(1)>")
    response = anna_client.get(step_url(mrs_k, "afronden"))
    assert response.context["journal_text"].startswith("S: <img src=x onerror=alert(1)>, ruim een jaar.")
    assert "<img src=x" not in response.content.decode()


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, step_url(mrs_k, "afronden"), mrs_k)
    assert not AccessEvent.objects.filter(record_id=mrs_k.pk, user__username="bram").exists()


def test_the_gp_sees_the_readability_of_the_assembled_handout(mrs_k, anna_client):
    response = anna_client.get(step_url(mrs_k, "afronden"))
    score = response.context["readability"]
    assert 3 < score.words_per_sentence <= 12
    assert f"Gemiddeld {score.words_per_sentence:.1f}".replace(".", ",") in response.content.decode()


def test_without_agreement_the_referral_is_there_but_the_handout_waits(content, anna, anna_client):
    consult = mrs_k_consult(user=anna, agreement="no")
    response = anna_client.get(step_url(consult, "afronden"))
    html = response.content.decode()
    assert "De folder volgt na een gezamenlijke probleemdefinitie" in html
    assert url("consult_handout_pdf", consult) not in html
    assert "Afronden en uitgifte vastleggen" not in html
    assert "Nog geen uitleg gegeven." in response.context["referral_text"]


def test_phrases_in_notes_warn_for_the_referral_without_blocking(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, cognitive_note="Eerdere arts zei: het is psychisch")
    html = anna_client.get(step_url(mrs_k, "afronden")).content.decode()
    assert "Let op de woorden in uw aantekeningen" in html
    assert "Notitie cognitief: “het is psychisch”" in html
    assert "Afronden en uitgifte vastleggen" in html


def test_reading_the_page_is_logged_under_a_stable_name(mrs_k, anna_client):
    anna_client.get(step_url(mrs_k, "afronden"))
    assert AccessEvent.objects.filter(record_id=mrs_k.pk, action="read", what="stap:afronden").count() == 1


def test_an_unknown_step_is_404(mrs_k, anna_client):
    assert anna_client.get(f"/consulten/{mrs_k.pk}/onbekend/").status_code == 404
