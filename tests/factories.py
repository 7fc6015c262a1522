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


def mrs_k_consult(*, user, agreement="yes", model="centrale-sensitisatie", metaphors=("kapot-alarmsysteem",)):
    """Mrs K., 45, pain and fatigue; rheumatologist and internist found nothing."""
    consult = new_consult(user=user, reference="MK-1979", first_name="Karin")
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
