"""Consults built through the actions, as the app builds them."""

from consult.actions import create_consult, save_answers
from consult.models import Consult
from patients.actions import find_or_create_patient


def patient_of(user, reference="MK-1979", first_name=""):
    return find_or_create_patient(user=user, reference=reference, first_name=first_name)[0]


def new_consult(*, user, reference="MK-1979", first_name="", **kwargs):
    """A new consult (a visit) for the practice's patient with this reference."""
    return create_consult(user=user, patient=patient_of(user, reference, first_name), permission_given=True, **kwargs)


def save(consult, user, **answers):
    """Store answers as a clinician would, without conflict checks; the consult as stored."""
    return save_answers(consult=consult, user=user, answers=answers).record


def fresh(consult):
    return Consult.objects.get(pk=consult.pk)


def mrs_k_consult(*, user, agreement="yes", model="centrale-sensitisatie", metaphors=("kapot-alarmsysteem",),
                  reference="MK-1979"):
    """Mrs K., 45, pain and fatigue; rheumatologist and internist found nothing."""
    consult = new_consult(user=user, reference=reference, first_name="Karin")
    consult = save(
        consult, user,
        complaints="Pijn in spieren en gewrichten, moeheid",
        duration="ruim een jaar",
        earlier_investigations="Reumatoloog en internist: geen afwijkingen",
        medication="Paracetamol zo nodig",
        red_flags="none",
        physical_examination="Geen afwijkingen bij lichamelijk onderzoek",
        cognitive_note="Wil weten waarom de klachten niet overgaan",
        emotional_note="Voelt zich somber",
        behavioural_note="Gaat maar door, vraagt geen hulp",
        social_note="Werkt 24 uur als doktersassistente",
        leading_complaint_icpc="L18",
        severity="matig",
        factors=["geen-hulp-vragen", "somberheid"],
    )
    consult = save(
        consult, user,
        problem_summary="Aanhoudende pijn en moeheid zonder ziekte die het verklaart",
        patient_words="Mijn lichaam staat te hard afgesteld en ik ga te lang door",
        agreement=agreement,
        needed_first="" if agreement == "yes" else "referral",
    )
    if agreement != "yes":
        return consult
    consult = save(consult, user, explanation_model=model, metaphors=list(metaphors),
                   teach_back="Mijn alarm gaat af terwijl er geen brand is")
    return save(
        consult, user,
        next_appointment="Over vier weken bij de POH-GGZ",
        advice=["slaap", "doseren", "bewegen"],
        referrals=["poh_ggz", "fysiotherapeut"],
    )


def mr_v_consult(*, user, model="centrale-sensitisatie", metaphors=("kapot-alarmsysteem",)):
    """Mr V., 34: his left leg gives way since a car accident a year ago (functional leg
    weakness, as in the FND case of seed 000). The neurologist found no nerve damage."""
    consult = new_consult(user=user, reference="JV-1990", first_name="Jeroen")
    consult = save(
        consult, user,
        wants_further_investigation=True,
        complaints="Linkerbeen zwak en zakt door, moe",
        duration="ruim een jaar, sinds een auto-ongeluk",
        earlier_investigations="Neuroloog: geen zenuwschade, Hoover-teken positief",
        medication="Geen",
        comorbidity="Gebroken pols bij het ongeluk, genezen",
        contraindications="Geen bekend",
        functional_weakness=True,
        red_flags="none",
        physical_examination="Kracht wisselend, normaal bij afleiding",
        leading_complaint_icpc="N18",
        patient_expectations="Wil weer zonder kruk lopen en terug naar zijn werk als monteur",
        functional_consequences="Loopt met een kruk; staand werk en traplopen lukken niet",
        social_note="Werkt als monteur, nu ziek gemeld",
        emotional_note="Schrikt nog van verkeer",
        factors=["vermijden", "werkstress"],
        phq15=12,
        fourdkl_somatisation=14,
        symptom_clusters=["bewegingsapparaat", "algemeen"],
        daily_limitation="severe",
        course="months",
        severity="matig",
    )
    consult = save(
        consult, user,
        problem_summary="Zwak been sinds het ongeluk, zonder zenuwschade",
        patient_words="Mijn hersenen sturen mijn been nog niet goed aan",
        agreement="yes",
        referral_question={"fysiotherapeut": "Kunt u hem helpen de kruk af te bouwen?"},
    )
    consult = save(consult, user, explanation_model=model, metaphors=list(metaphors),
                   teach_back="Mijn been doet het wel, de aansturing moet opnieuw leren")
    return save(consult, user, advice=["bewegen", "doseren"], referrals=["fysiotherapeut"],
                next_appointment="Over zes weken")
