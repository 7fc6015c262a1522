"""Consults built through the actions, as the app builds them."""

from consult.actions import create_consult, update_consult
from explanations.models import (
    ExplanationModel,
    MaintainingFactor,
    Metaphor,
    Recipient,
    SelfManagementAdvice,
    SeverityGrade,
)


def new_consult(*, user, reference="MK-1979", **kwargs):
    return create_consult(user=user, patient_reference=reference, permission_given=True, **kwargs)


def save(consult, user, fields=None, relations=None):
    return update_consult(consult=consult, user=user, expected_version=consult.version, fields=fields, relations=relations)


def of_version(model, consult, *slugs):
    rows = {r.slug: r for r in model.objects.filter(version=consult.content_version, slug__in=slugs)}
    return [rows[slug] for slug in slugs]


def mrs_k_consult(*, user, agreement="yes", model="centrale-sensitisatie", metaphors=("kapot-alarmsysteem",)):
    """Mrs K., 45, pain and fatigue; rheumatologist and internist found nothing."""
    consult = new_consult(user=user, reference="MK-1979", first_name="Karin")
    severity = SeverityGrade.objects.get(version=consult.content_version, slug="matig")
    consult = save(
        consult, user,
        fields={
            "complaints": "Pijn in spieren en gewrichten, moeheid",
            "duration": "ruim een jaar",
            "earlier_investigations": "Reumatoloog en internist: geen afwijkingen",
            "medication": "Paracetamol zo nodig",
            "red_flags_asked": "yes",
            "physical_examination": "Geen afwijkingen bij lichamelijk onderzoek",
            "cognitive_note": "Wil weten waarom de klachten niet overgaan",
            "emotional_note": "Voelt zich somber",
            "behavioural_note": "Gaat maar door, vraagt geen hulp",
            "social_note": "Werkt 24 uur als doktersassistente",
            "leading_complaint_icpc": "L18",
            "severity_id": severity.pk,
        },
        relations={"factors": of_version(MaintainingFactor, consult, "geen-hulp-vragen", "somberheid")},
    )
    consult = save(consult, user, fields={
        "problem_summary": "Aanhoudende pijn en moeheid zonder ziekte die het verklaart",
        "patient_words": "Mijn lichaam staat te hard afgesteld en ik ga te lang door",
        "agreement": agreement,
    })
    if agreement != "yes":
        return consult
    explanation_model = ExplanationModel.objects.get(version=consult.content_version, slug=model)
    consult = save(
        consult, user,
        fields={"explanation_model_id": explanation_model.pk, "teach_back": "Mijn alarm gaat af terwijl er geen brand is"},
        relations={"metaphors": of_version(Metaphor, consult, *metaphors)},
    )
    return save(
        consult, user,
        fields={"next_appointment": "Over vier weken bij de POH-GGZ"},
        relations={
            "advice": of_version(SelfManagementAdvice, consult, "slaap", "doseren", "bewegen"),
            "referrals": of_version(Recipient, consult, "poh_ggz", "fysiotherapeut"),
        },
    )
