"""Referral texts a recipient can act on (issue 10, part 4): they state only what
happened, follow the Dutch referral structure, ask each recipient its own question, and
give each recipient what it needs and nothing more."""

import re

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from consult.documents import render_journal, render_referral
from consult.models import Consult
from explanations.models import ContentVersion, ExplanationModel, MaintainingFactor, Recipient, SeverityGrade
from tests.factories import mr_v_consult, mrs_k_consult, new_consult, save
from tests.helpers import oob, post_step, step_url, url


def referral(consult, slug, author):
    return render_referral(consult, consult.library.get(Recipient, slug), author=author)


def consult_date(consult):
    return date_format(timezone.localtime(consult.created_at), "j F Y")


# --- only what happened -------------------------------------------------------------

EXPECTED_SPECIALIST_BEFORE_EXPLANATION = """Verwijzing / overdracht aan: Medisch specialist
Van: Anna de Vries, Huisartsenpraktijk De Linde (tel. 0229 123 456)
Patiënt: MK-1979
Datum consult: {date}

REDEN EN VRAAGSTELLING
Aanhoudende lichamelijke klachten (ALK), ernst: matig.
Graag uw beoordeling van de vraag hieronder.
Specifieke vraag: Graag beoordeling van de hartkloppingen.
Urgentie: graag op korte termijn (binnen enkele weken)

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

VERWACHTINGEN VAN DE PATIËNT
Patiënt wil daarnaast graag verder onderzoek.

GEZAMENLIJKE PROBLEEMDEFINITIE
Aanhoudende pijn en moeheid zonder ziekte die het verklaart
In de woorden van de patiënt: "Mijn lichaam staat te hard afgesteld en ik ga te lang door"
Overeenstemming: gedeeltelijk; eerst nodig: eerst een verwijzing (cardioloog)

WAT IS UITGELEGD
Nog geen uitleg gegeven.

INSTANDHOUDENDE FACTOREN
- Somberheid (emotioneel)
- Niet (tijdig) om hulp vragen (gedragsmatig)

AFSPRAKEN
Eerst nodig, afgesproken met de patiënt: eerst een verwijzing (cardioloog)

VERZOEK
Er is nog geen uitleg gegeven. Wilt u ons laten weten welke uitleg en woorden u de patiënt geeft? Dan gebruiken wij dezelfde, en hoort de patiënt van iedereen hetzelfde verhaal.
"""


@pytest.fixture
def partly(content, anna):
    """Mrs K. agrees only partly: she wants to see a cardiologist first."""
    consult = mrs_k_consult(user=anna, agreement="partly")
    return save(consult, anna, needed_first_note="cardioloog", wants_further_investigation=True,
                referral_question={"specialist": "Graag beoordeling van de hartkloppingen."}, referral_urgency="soon")


def test_before_an_explanation_the_specialist_reads_what_was_agreed_instead(partly, anna):
    assert referral(partly, "specialist", anna) == EXPECTED_SPECIALIST_BEFORE_EXPLANATION.format(date=consult_date(partly))


def test_before_an_explanation_no_text_claims_one(partly, anna):
    for recipient in partly.library.all(Recipient, scope="full"):
        text = referral(partly, recipient.slug, anna)
        assert "Nog geen uitleg gegeven.\n" in text, recipient.slug
        assert "Eerst nodig, afgesproken met de patiënt: eerst een verwijzing (cardioloog)\n" in text
        for claim in ["folder", "al uitleg", "gegeven uitleg", "uitleg en termen als hieronder",
                      "Begrippen die de patiënt hoorde", "Verklaringsmodel"]:
            assert claim not in text, (recipient.slug, claim)


def test_before_an_explanation_the_soep_plan_names_the_referral_needed_first(partly):
    journal = render_journal(partly)
    assert journal.endswith("\nP: Nog geen uitleg; afgesproken: eerst een verwijzing (cardioloog).\n")
    assert "Folder meegegeven" not in journal and "Vangnet besproken" not in journal


def test_no_shipped_request_claims_an_explanation(shipped_content, anna):
    consult = mrs_k_consult(user=anna, agreement="no")
    for recipient in consult.library.all(Recipient):
        for model in [""] + consult.library.slugs(ExplanationModel):
            request = recipient.request_for(model, motor=True)
            for claim in ["al uitleg", "gegeven uitleg", "als hieronder", "het genoemde model"]:
                assert claim not in request, (recipient.slug, model, claim)


def test_after_the_explanation_the_texts_say_it_was_given(mrs_k, anna):
    text = referral(mrs_k, "specialist", anna)
    assert "Patiënt kreeg een folder mee met deze uitleg.\n" in text
    assert "Verklaringsmodel: Centrale sensitisatie\n" in text and "Nog geen uitleg" not in text
    assert "Folder meegegeven." in render_journal(mrs_k)


def test_the_outputs_page_is_a_link_away_while_the_explanation_waits(partly, anna_client):
    finish = step_url(partly, "afronden")
    html = anna_client.get(step_url(partly, "probleemdefinitie")).content.decode()
    alert = html[html.index('class="alert alert-warning"'):]
    assert f'<a href="{finish}">Naar de verwijstekst en de journaalregels</a>' in alert
    assert re.search(rf'data-step="finish">\s*<a href="{re.escape(finish)}"', html)  # and in the steps
    page = anna_client.get(finish)
    assert page.status_code == 200 and "Nog geen uitleg gegeven." in page.context["referral_text"]


# --- a question per recipient ---------------------------------------------------------

def test_each_recipient_reads_only_its_own_question(mrs_k, anna):
    mrs_k = save(mrs_k, anna, consent_occupational_physician=True, referral_question={
        "poh_ggz": "Graag aandacht voor het niet om hulp vragen.",
        "fysiotherapeut": "Graag opbouw van wandelen.",
        "bedrijfsarts": "Kan zij haar uren tijdelijk verlagen?",
    })
    for slug, question in mrs_k.referral_question.items():
        text = referral(mrs_k, slug, anna)
        assert f"\nSpecifieke vraag: {question}\n" in text
        others = [q for s, q in mrs_k.referral_question.items() if s != slug]
        assert not any(q in text for q in others), slug
    assert "Specifieke vraag" not in referral(mrs_k, "psycholoog", anna)


def test_the_plan_asks_the_question_per_recipient_and_keeps_the_others(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, referral_question={"poh_ggz": "Vraag voor de POH"})
    html = anna_client.get(step_url(mrs_k, "plan")).content.decode()
    assert 'name="referral_question-fysiotherapeut"' in html and 'name="referral_question-poh_ggz"' in html
    assert ">Vraag voor de POH</textarea>" in html
    post_step(anna_client, mrs_k, "plan", **{"referral_question-fysiotherapeut": "Graag opbouw van fietsen"})
    saved = Consult.objects.get(pk=mrs_k.pk)
    assert saved.referral_question == {"poh_ggz": "Vraag voor de POH", "fysiotherapeut": "Graag opbouw van fietsen"}
    post_step(anna_client, mrs_k, "plan", **{"referral_question-poh_ggz": ""})
    assert Consult.objects.get(pk=mrs_k.pk).referral_question == {"fysiotherapeut": "Graag opbouw van fietsen"}


def test_the_question_for_a_referral_needed_first_is_asked_before_any_explanation(content, anna, anna_client):
    consult = mrs_k_consult(user=anna, agreement="no")
    response = post_step(anna_client, consult, "probleemdefinitie", referral_urgency="soon",
                         **{"referral_question-specialist": "Graag een MRI van de knie?"})
    assert response.status_code == 200
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.referral_question == {"specialist": "Graag een MRI van de knie?"} and saved.referral_urgency == "soon"
    text = referral(saved, "specialist", anna)
    assert "\nSpecifieke vraag: Graag een MRI van de knie?\nUrgentie: graag op korte termijn (binnen enkele weken)\n" in text


def test_a_question_for_an_unknown_recipient_or_too_long_is_refused_beside_the_field(mrs_k, anna_client):
    response = post_step(anna_client, mrs_k, "plan", **{"referral_question-onbekend": "x"})
    assert "Onbekende ontvanger." in response.content.decode()
    response = post_step(anna_client, mrs_k, "plan", **{"referral_question-poh_ggz": "x" * 2001})
    assert "Maximaal 2000 tekens per vraag" in response.content.decode()
    assert Consult.objects.get(pk=mrs_k.pk).referral_question == {}


# --- the Dutch referral structure ---------------------------------------------------

EXPECTED_PHYSIO_FOR_MR_V = """Verwijzing / overdracht aan: (Psychosomatisch) fysiotherapeut of oefentherapeut
Van: Anna de Vries, Huisartsenpraktijk De Linde (tel. 0229 123 456)
Patiënt: JV-1990
Datum consult: {date}

REDEN EN VRAAGSTELLING
Aanhoudende lichamelijke klachten (ALK), ernst: matig.
Graag begeleiding bij geleidelijk opbouwen van activiteit. Graag ook motorische hertraining met de aandacht op het doel.
Specifieke vraag: Kunt u hem helpen de kruk af te bouwen?
Urgentie: regulier

RELEVANTE VOORGESCHIEDENIS EN ONDERZOEK
Klachten: Linkerbeen zwak en zakt door, moe
Duur: ruim een jaar, sinds een auto-ongeluk
ICPC leidende klacht: N18 Verlamming/krachtsverlies
De klacht is (ook) functionele zwakte of een bewegingsprobleem.
Voorgeschiedenis en comorbiditeit: Gebroken pols bij het ongeluk, genezen
Eerder onderzoek: Neuroloog: geen zenuwschade, Hoover-teken positief
Medicatie en middelen: Geen
Contra-indicaties: Geen bekend
Alarmsymptomen nagevraagd: geen aanwezig
Lichamelijk onderzoek: Kracht wisselend, normaal bij afleiding
PHQ-15: 12 (matig)
4DKL somatisatie: 14 (matig verhoogd)
Gevolgen voor het dagelijks functioneren: Loopt met een kruk; staand werk en traplopen lukken niet
Ernst: matig (NHG-criteria: 2 van de 4 klachtenclusters, ernstig beperkt in het dagelijks leven, langer dan 3 maanden). Huisarts plus POH-GGZ of fysiotherapie.

SCEGS-SAMENVATTING
Emotioneel: Schrikt nog van verkeer
Gedragsmatig: (factoren: vermijden van activiteiten)
Sociaal: Werkt als monteur, nu ziek gemeld (factoren: werkstress)

VERWACHTINGEN VAN DE PATIËNT
Wil weer zonder kruk lopen en terug naar zijn werk als monteur
Patiënt wil daarnaast graag verder onderzoek.

GEZAMENLIJKE PROBLEEMDEFINITIE
Zwak been sinds het ongeluk, zonder zenuwschade
In de woorden van de patiënt: "Mijn hersenen sturen mijn been nog niet goed aan"
Overeenstemming: ja

WAT IS UITGELEGD
Verklaringsmodel: Centrale sensitisatie
Metafoor: Kapot alarmsysteem
Begrippen die de patiënt hoorde:
- centrale sensitisatie: Versterking in ruggenmerg en hersenen.
- overgevoelig zenuwstelsel: Patiëntterm voor centrale sensitisatie.
- sneller pijn: Hyperalgesie.
- lichaam en geest: Biopsychosociaal uitgangspunt.
Teach-back (zo vertelde de patiënt het terug): Mijn been doet het wel, de aansturing moet opnieuw leren

INSTANDHOUDENDE FACTOREN
- Vermijden van activiteiten (gedragsmatig)
- Werkstress (sociaal)

AFSPRAKEN
Zelfmanagement: doseren en geleidelijk opbouwen, bewegen
Verwezen naar: (Psychosomatisch) fysiotherapeut of oefentherapeut
Volgende afspraak: Over zes weken
Patiënt kreeg een folder mee met deze uitleg.

VERZOEK
Wilt u in uw contact met de patiënt dezelfde woorden gebruiken: "centrale sensitisatie", "overgevoelig zenuwstelsel", "sneller pijn", "lichaam en geest", en de metafoor "kapot alarmsysteem"? Zo hoort de patiënt van iedereen hetzelfde verhaal.
"""


def test_the_physiotherapist_reads_the_whole_referral_structure_for_mr_v(content, anna):
    consult = mr_v_consult(user=anna)
    assert referral(consult, "fysiotherapeut", anna) == EXPECTED_PHYSIO_FOR_MR_V.format(date=consult_date(consult))


def test_the_sections_come_in_the_dutch_referral_order(content, anna):
    consult = mr_v_consult(user=anna)
    text = referral(save(consult, anna, referral_question={"specialist": "Graag uw oordeel"}), "specialist", anna)
    order = ["REDEN EN VRAAGSTELLING", "Specifieke vraag", "Urgentie:", "RELEVANTE VOORGESCHIEDENIS",
             "ICPC leidende klacht", "Voorgeschiedenis en comorbiditeit", "Medicatie en middelen", "Contra-indicaties",
             "VERWACHTINGEN VAN DE PATIËNT", "GEZAMENLIJKE PROBLEEMDEFINITIE", "WAT IS UITGELEGD", "AFSPRAKEN",
             "VERZOEK"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)


def test_the_psychologist_alone_reads_the_suspected_dsm5_classification(content, anna):
    consult = save(mr_v_consult(user=anna), anna, consent_occupational_physician=True,
                   dsm5_classification="somatische-symptoomstoornis (vermoedelijk)")
    line = "\nVermoedelijke DSM-5-classificatie: somatische-symptoomstoornis (vermoedelijk)\n"
    assert line in referral(consult, "psycholoog", anna)
    for recipient in consult.library.all(Recipient):
        if not recipient.asks_classification:
            assert "DSM-5" not in referral(consult, recipient.slug, anna), recipient.slug
    assert "DSM-5" not in render_journal(consult)
    assert [r.slug for r in consult.library.all(Recipient) if r.asks_classification] == ["psycholoog"]


def test_the_shipped_psychologist_asks_for_the_classification(shipped_content):
    assert Recipient.objects.get(version=shipped_content, slug="psycholoog").asks_classification


# --- new recipients, and what severe care means -------------------------------------

def test_severe_suggests_exactly_specialised_ggz_an_alk_centre_and_a_rehabilitation_physician(shipped_content):
    severe = SeverityGrade.objects.get(version=shipped_content, slug="ernstig")
    assert {r.slug for r in severe.suggested_referrals.all()} == {"specialistische_ggz", "alk_centrum", "revalidatiearts"}
    assert all(name in severe.stepped_care for name in ["specialistische GGZ", "ALK-centrum", "revalidatiearts"])
    assert Recipient.objects.get(version=shipped_content, slug="revalidatiearts").label == "Revalidatiearts"


def test_the_plan_shows_what_the_severity_suggests(content, anna, anna_client):
    consult = save(mrs_k_consult(user=anna), anna, severity="ernstig")
    html = anna_client.get(step_url(consult, "plan")).content.decode()
    assert "Bij ernst ernstig past: Specialistische GGZ, ALK-centrum (multidisciplinair), Revalidatiearts." in html


# --- the physiotherapist's request fits the model and the complaint -----------------

def test_the_request_follows_the_explained_model_and_a_motor_complaint(content, anna):
    physio = mrs_k_consult(user=anna).library.get(Recipient, "fysiotherapeut")
    bucket = mrs_k_consult(user=anna, model="stress-emmer", metaphors=("overlopende-stressemmer",))
    assert f"\n{physio.model_requests['stress-emmer']}\n" in referral(bucket, "fysiotherapeut", anna)
    weak = save(bucket, anna, functional_weakness=True)
    assert f"\n{physio.model_requests['stress-emmer']} {physio.motor_request}\n" in referral(weak, "fysiotherapeut", anna)
    # Before an explanation the request says nothing of a model.
    waiting = save(mrs_k_consult(user=anna, agreement="no"), anna, functional_weakness=True)
    assert f"\n{physio.request} {physio.motor_request}\n" in referral(waiting, "fysiotherapeut", anna)


@pytest.mark.parametrize("model", ["somatosensorische-amplificatie", "predictive-processing"])
def test_the_shipped_physio_request_moves_attention_away_from_the_body(shipped_content, anna, model):
    consult = mrs_k_consult(user=anna, model=model, metaphors=("zoomlens",))
    text = referral(consult, "fysiotherapeut", anna)
    assert "in plaats van op het lichaam" in text and "lichaamssignalen" not in text.split("RELEVANTE")[0]


def test_the_shipped_physio_request_names_motor_retraining_and_graded_activity_for_weakness(shipped_content, anna):
    consult = save(mrs_k_consult(user=anna, model="predictive-processing", metaphors=("olifantenpaadjes",)), anna,
                   functional_weakness=True, leading_complaint_icpc="N18")
    reason = referral(consult, "fysiotherapeut", anna).split("RELEVANTE")[0]
    assert "motorische hertraining" in reason and "graded activity" in reason
    assert "in plaats van op het lichaam" in reason


# --- the occupational physician: only what work needs ---------------------------------

PRIVATE_WORDS = re.compile(r"\b(ernst|matig|ernstig|trauma\w*|hechting\w*|misbruik|somber\w*|PHQ-15|4DKL|SCEGS)\b", re.I)


def test_the_occupational_physician_reads_only_what_work_needs(shipped_content, anna):
    factors = [f.slug for f in MaintainingFactor.objects.filter(version=shipped_content)]
    notes = {"somatic_note": "Somatische notitie A1", "cognitive_note": "Cognitieve notitie B2",
             "emotional_note": "Emotionele notitie C3", "behavioural_note": "Gedragsnotitie D4",
             "social_note": "Sociale notitie E5"}
    checked = 0
    for model in ExplanationModel.objects.filter(version=shipped_content):
        consult = mrs_k_consult(user=anna, model=model.slug, metaphors=(model.metaphors.first().slug,))
        consult = save(consult, anna, consent_occupational_physician=True, factors=factors, severity="ernstig",
                       symptom_clusters=["maag-darm", "hart-longen", "bewegingsapparaat", "algemeen"],
                       daily_limitation="severe", course="months", phq15=20, fourdkl_somatisation=25,
                       medication="Amitriptyline 10 mg", comorbidity="Eerder depressie",
                       functional_consequences="Werkt nu 12 van de 24 uur; tillen lukt niet",
                       referral_question={"bedrijfsarts": "Kan zij tijdelijk minder uren werken?",
                                          "poh_ggz": "Graag aandacht voor trauma"}, **notes)
        text = referral(consult, "bedrijfsarts", anna)
        assert "De patiënt heeft toestemming gegeven voor deze overdracht." in text
        assert "GEVOLGEN VOOR HET DAGELIJKS FUNCTIONEREN\nWerkt nu 12 van de 24 uur; tillen lukt niet\n" in text
        assert "Specifieke vraag: Kan zij tijdelijk minder uren werken?\n" in text
        work = [f.label for f in consult.chosen("factors") if f.work]
        assert work and "WAT BIJ WERK EN HERSTEL MEESPEELT\n" + "".join(f"- {label}\n" for label in work) in text
        for term in model.key_terms.all():
            assert f"- {term.term}: {term.patient_definition}\n" in text
            assert term.clinician_definition not in text
        for private in [consult.complaints, consult.duration, consult.medication, consult.comorbidity,
                        consult.problem_summary, consult.patient_words, consult.teach_back, *notes.values()]:
            assert private not in text, (model.slug, private)
        for factor in consult.chosen("factors"):
            if not factor.work:
                assert f"- {factor.label}\n" not in text, factor.slug
        assert not PRIVATE_WORDS.search(text), (model.slug, PRIVATE_WORDS.search(text))
        checked += 1
    assert checked == ExplanationModel.objects.filter(version=shipped_content).count() >= 4


def test_without_consent_the_occupational_physician_gets_nothing(mrs_k, anna_client):
    assert anna_client.get(url("consult_referral", mrs_k, "?ontvanger=bedrijfsarts")).context["referral_text"] == ""


# --- one vocabulary: the metaphor's key words reach the colleague ---------------------

def test_every_bold_word_of_a_metaphor_text_reaches_every_colleague(content, anna, tmp_path):
    """Built on a copy of the test library whose metaphor texts have bold key words."""
    import shutil

    from consult.handout import render_handout_html
    from explanations.actions import load_library
    from tests.conftest import TEST_LIBRARY

    library = tmp_path / "library"
    shutil.copytree(TEST_LIBRARY, library)
    alarm = library / "metaphors" / "kapot-alarmsysteem.yaml"
    alarm.write_text(alarm.read_text().replace(
        "patient_text: Uw alarm gaat af terwijl er geen brand is. U kunt het opnieuw afstellen.",
        "patient_text: Uw **alarm** gaat af terwijl er geen brand is. U kunt het **opnieuw afstellen**."))
    zoom = library / "metaphors" / "zoomlens.yaml"
    zoom.write_text(zoom.read_text().replace("Aandacht zoomt in", "Aandacht **zoomt in**"))
    version, _ = load_library(source_dir=library)
    assert ContentVersion.current() == version

    consult = mrs_k_consult(user=anna, metaphors=("kapot-alarmsysteem", "zoomlens"))
    words = {"kapot-alarmsysteem": ["alarm", "opnieuw afstellen"], "zoomlens": ["zoomt in"]}
    handout = render_handout_html(consult)
    for metaphor in consult.chosen("metaphors"):
        for word in words[metaphor.slug]:
            assert f"<strong>{word}</strong>" in handout  # the patient reads it in bold
    for recipient in consult.library.all(Recipient):
        text = referral(save(consult, anna, consent_occupational_physician=True), recipient.slug, anna)
        assert "Woorden uit de metafoor (kapot alarmsysteem): alarm, opnieuw afstellen\n" in text
        assert "Woorden uit de metafoor (zoomlens): zoomt in\n" in text
        assert 'met de woorden "alarm", "opnieuw afstellen", "zoomt in"?' in text


def test_every_bold_word_of_every_shipped_metaphor_reaches_the_colleague(shipped_content, anna):
    from consult.documents import bold_words

    for model in ExplanationModel.objects.filter(version=shipped_content):
        for metaphor in model.metaphors.all():
            consult = mrs_k_consult(user=anna, model=model.slug, metaphors=(metaphor.slug,))
            text = referral(consult, "fysiotherapeut", anna)
            for word in bold_words(metaphor.patient_text):
                assert f'"{word}"' in text and word in text.split("Metafoor:")[1], (metaphor.slug, word)


def test_bold_words_are_read_once_in_order():
    from consult.documents import bold_words

    assert bold_words("Het **alarm** gaat af. Het **Alarm** en de **volume\nknop**. Niet *schuin*.") == ["alarm", "volume knop"]
    assert bold_words("") == [] and bold_words(None) == []


# --- a new visit does not carry referral answers ----------------------------------------

def test_a_new_visit_starts_without_the_earlier_questions_but_with_the_exploration(content, anna):
    first = mr_v_consult(user=anna)
    second = new_consult(user=anna, reference="JV-1990")
    assert second.referral_question == {} and second.dsm5_classification == ""
    assert second.functional_weakness and second.comorbidity == first.comorbidity
    assert second.symptom_clusters == first.symptom_clusters and second.course == "months"


# --- two people writing questions at once ---------------------------------------------

def page_data(client, consult):
    """What the plan page posts from the browser: a text and a base per recipient."""
    import html as html_lib

    from tests.helpers import form_data

    path = step_url(consult, "plan")
    data = form_data(client, path)
    del data["referral_question"]
    page = client.get(path).content.decode()
    for slug, base in re.findall(r'name="base-referral_question-([\w-]+)" id="[^"]+" value="([^"]*)"', page):
        data[f"base-referral_question-{slug}"] = base
    for slug, text in re.findall(r'<textarea name="referral_question-([\w-]+)"[^>]*>(.*?)</textarea>', page, re.S):
        data[f"referral_question-{slug}"] = html_lib.unescape(text)
    return data


def test_two_people_writing_questions_for_different_recipients_both_keep_theirs(mrs_k, anna, anna_client, joost):
    from tests.conftest import client_for

    mine, theirs = page_data(anna_client, mrs_k), client_for(joost)
    post_step(theirs, mrs_k, "plan", data=page_data(theirs, mrs_k), **{"referral_question-poh_ggz": "Vraag van Joost"})
    response = post_step(anna_client, mrs_k, "plan", data=mine, **{"referral_question-fysiotherapeut": "Vraag van Anna"})
    assert "Opgeslagen om" in response.content.decode()
    assert Consult.objects.get(pk=mrs_k.pk).referral_question == {"poh_ggz": "Vraag van Joost",
                                                                  "fysiotherapeut": "Vraag van Anna"}


def test_the_same_question_changed_by_someone_else_is_refused_not_overwritten(mrs_k, anna, anna_client, joost):
    from tests.conftest import client_for

    mine, theirs = page_data(anna_client, mrs_k), client_for(joost)
    post_step(theirs, mrs_k, "plan", data=page_data(theirs, mrs_k), **{"referral_question-poh_ggz": "Vraag van Joost"})
    response = post_step(anna_client, mrs_k, "plan", data=mine, **{"referral_question-poh_ggz": "Vraag van Anna"},
                         next_appointment="Over twee weken")
    html = response.content.decode()
    assert "Iemand anders heeft intussen de vraag aan POH-GGZ gewijzigd in: “Vraag van Joost”." in oob(html, "feedback-referral_question")
    saved = Consult.objects.get(pk=mrs_k.pk)
    assert saved.referral_question == {"poh_ggz": "Vraag van Joost"}
    assert saved.next_appointment == "Over twee weken"  # the other fields still save


def test_after_a_save_the_page_holds_the_new_bases_and_can_change_the_question_again(mrs_k, anna_client):
    data = page_data(anna_client, mrs_k)
    response = post_step(anna_client, mrs_k, "plan", data=data, **{"referral_question-poh_ggz": "Eerste versie"})
    new_base = re.search(r'id="base-referral_question-poh_ggz" value="([^"]+)" hx-swap-oob="true"',
                         response.content.decode()).group(1)
    data.update({"base-referral_question-poh_ggz": new_base,
                 "base-referral_question": oob(response.content.decode(), "base-referral_question").split('value="')[1].split('"')[0]})
    response = post_step(anna_client, mrs_k, "plan", data=data, **{"referral_question-poh_ggz": "Tweede versie"})
    assert "Opgeslagen om" in response.content.decode()
    assert Consult.objects.get(pk=mrs_k.pk).referral_question == {"poh_ggz": "Tweede versie"}
