"""The referral text is plain text, checked on the exact string."""

from django.utils import timezone
from django.utils.formats import date_format

from audit.models import AccessEvent
from explanations.models import Recipient
from tests.factories import save
from tests.helpers import assert_other_practice_gets_404, url

EXPECTED_PHYSIO = """Verwijzing / overdracht aan: (Psychosomatisch) fysiotherapeut of oefentherapeut
Van: Anna de Vries, Huisartsenpraktijk De Linde (tel. 0229 123 456)
Patiënt: MK-1979
Datum consult: {date}

REDEN EN VRAAGSTELLING
Aanhoudende lichamelijke klachten (ALK), ernst: matig.
Graag begeleiding bij geleidelijk opbouwen van activiteit.
Urgentie: regulier

RELEVANTE VOORGESCHIEDENIS EN ONDERZOEK
Klachten: Pijn in spieren en gewrichten, moeheid
Duur: ruim een jaar
ICPC leidende klacht: L18 Spierpijn
Eerder onderzoek: Reumatoloog en internist: geen afwijkingen
Medicatie en middelen: Paracetamol zo nodig
Alarmsymptomen nagevraagd: geen aanwezig
Lichamelijk onderzoek: Geen afwijkingen bij lichamelijk onderzoek
Ernst: matig. Huisarts plus POH-GGZ of fysiotherapie.

SCEGS-SAMENVATTING
Cognitief: Wil weten waarom de klachten niet overgaan
Emotioneel: Voelt zich somber (factoren: somberheid)
Gedragsmatig: Gaat maar door, vraagt geen hulp (factoren: niet (tijdig) om hulp vragen)
Sociaal: Werkt 24 uur als doktersassistente

GEZAMENLIJKE PROBLEEMDEFINITIE
Aanhoudende pijn en moeheid zonder ziekte die het verklaart
In de woorden van de patiënt: "Mijn lichaam staat te hard afgesteld en ik ga te lang door"
Overeenstemming: ja

WAT IS UITGELEGD
Verklaringsmodel: Centrale sensitisatie
Metafoor: Kapot alarmsysteem
Begrippen die de patiënt hoorde:
- centrale sensitisatie: Versterking in ruggenmerg en hersenen.
- overgevoelig zenuwstelsel: Patiëntterm voor centrale sensitisatie.
- sneller pijn: Hyperalgesie.
- lichaam en geest: Biopsychosociaal uitgangspunt.
Teach-back (zo vertelde de patiënt het terug): Mijn alarm gaat af terwijl er geen brand is

INSTANDHOUDENDE FACTOREN
- Somberheid (emotioneel)
- Niet (tijdig) om hulp vragen (gedragsmatig)

AFSPRAKEN
Zelfmanagement: slaap, doseren en geleidelijk opbouwen, bewegen
Verwezen naar: POH-GGZ, (Psychosomatisch) fysiotherapeut of oefentherapeut
Volgende afspraak: Over vier weken bij de POH-GGZ
Patiënt kreeg een folder mee met deze uitleg.

VERZOEK
Wilt u in uw contact met de patiënt dezelfde woorden gebruiken: "centrale sensitisatie", "overgevoelig zenuwstelsel", "sneller pijn", "lichaam en geest", en de metafoor "kapot alarmsysteem"? Zo hoort de patiënt van iedereen hetzelfde verhaal.
"""


def consult_date(consult):
    return date_format(timezone.localtime(consult.created_at), "j F Y")


def test_referral_for_the_physiotherapist_is_exact(mrs_k, anna_client):
    response = anna_client.get(url("consult_referral", mrs_k, "?ontvanger=fysiotherapeut"))
    assert response.context["referral_text"] == EXPECTED_PHYSIO.format(date=consult_date(mrs_k))


def test_htmx_swaps_only_the_text_for_another_recipient(mrs_k, anna_client):
    response = anna_client.get(url("consult_referral", mrs_k, "?ontvanger=poh_ggz"), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="referral-text">')
    assert "Verwijzing / overdracht aan: POH-GGZ" in html
    assert "<nav" not in html
    assert "HX-Request" in response["Vary"]


def test_every_recipient_gets_its_own_request(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, consent_occupational_physician=True)
    for recipient in mrs_k.library.all(Recipient):
        text = anna_client.get(url("consult_referral", mrs_k, f"?ontvanger={recipient.slug}")).context["referral_text"]
        assert text.startswith(f"Verwijzing / overdracht aan: {recipient.label}\n")
        assert f"\n{recipient.request_for(mrs_k.explanation_model)}\n" in text


def test_typed_html_stays_literal_text_and_is_escaped_on_the_page(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, patient_words='<script>alert("x")</script> & meer')
    response = anna_client.get(url("consult_referral", mrs_k, "?ontvanger=poh_ggz"))
    text = response.context["referral_text"]
    assert 'In de woorden van de patiënt: "<script>alert("x")</script> & meer"' in text
    assert not any(entity in text for entity in ("&amp;", "&lt;", "&gt;", "&quot;", "&#"))
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer" in html


def test_reading_the_referral_is_logged(mrs_k, anna_client):
    anna_client.get(url("consult_referral", mrs_k, "?ontvanger=poh_ggz"))
    event = AccessEvent.objects.filter(record_id=mrs_k.pk, action="read", what="verwijstekst").get()
    assert event.patient_reference == "MK-1979"


def test_unknown_recipient_is_404(mrs_k, anna_client):
    assert anna_client.get(url("consult_referral", mrs_k, "?ontvanger=onbekend")).status_code == 404


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_referral", mrs_k)


def test_the_occupational_physician_gets_nothing_without_recorded_consent(mrs_k, anna_client):
    response = anna_client.get(url("consult_referral", mrs_k, "?ontvanger=bedrijfsarts"))
    assert response.context["referral_text"] == ""
    assert "geen toestemming gegeven voor informatie aan de bedrijfsarts" in response.content.decode()


def test_the_occupational_physician_gets_no_consult_notes(mrs_k, anna, anna_client):
    mrs_k = save(
        mrs_k, anna, medication="Amitriptyline 10 mg", phq15=14, consent_occupational_physician=True,
        referral_question={"specialist": "Graag scopie ivm rectaal bloedverlies"}, needed_first_note="MRI knie",
    )
    response = anna_client.get(url("consult_referral", mrs_k, "?ontvanger=bedrijfsarts"))
    text = response.context["referral_text"]
    assert "De patiënt heeft toestemming gegeven voor deze overdracht." in text
    for private in ["Amitriptyline", "PHQ-15", "Voelt zich somber", "SCEGS", "INSTANDHOUDENDE FACTOREN",
                    "Teach-back", "Verwezen naar", "POH-GGZ", mrs_k.problem_summary, mrs_k.patient_words,
                    "rectaal bloedverlies", "MRI knie", "PROBLEEMDEFINITIE"]:
        assert private not in text, private
    assert '"overgevoelig zenuwstelsel"' in text  # the same words, still
    assert "bevat geen aantekeningen uit het consult" in response.content.decode()


def test_the_specific_question_is_part_of_the_reason_for_its_own_recipient_only(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, referral_question={"specialist": "Is er een indicatie voor een reumatologische heroverweging?"})
    text = anna_client.get(url("consult_referral", mrs_k, "?ontvanger=specialist")).context["referral_text"]
    assert "\nSpecifieke vraag: Is er een indicatie voor een reumatologische heroverweging?\n" in text
    assert text.index("Specifieke vraag") < text.index("RELEVANTE VOORGESCHIEDENIS")
    physio = anna_client.get(url("consult_referral", mrs_k, "?ontvanger=fysiotherapeut")).context["referral_text"]
    assert "Specifieke vraag" not in physio and "reumatologische" not in physio
