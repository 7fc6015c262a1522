"""What the care pathway hands out or passes on: the follow-up handout for the patient,
and the POH-GGZ's referral text in the same terms as the GP's."""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from consult.documents import DOCUMENT_LANGUAGE, ConsultContent, in_dutch, plain_text
from consult.models import Consult
from consult.phrase_check import findings
from explanations.models import Recipient

from .models import Goal, Session


def explained_consult(patient):
    """The patient's latest consult in which the explanation was given (its terms are the
    shared vocabulary); None before any explanation."""
    for consult in Consult.objects.filter(patient=patient).select_related("content_version", "practice").order_by("-created_at"):
        if consult.can_hand_out:
            return consult
    return None


def followup_context(session, consult):
    content = ConsultContent.of(consult, consult.handout_library) if consult else None
    return {
        "session": session,
        "patient": session.patient,
        "practice": session.patient.practice,
        "date": date_format(session.date, "j F Y"),
        "content": content,
        "goals": list(Goal.objects.filter(patient=session.patient).exclude(status=Goal.Status.REACHED)),
        "reached": list(Goal.objects.filter(patient=session.patient, status=Goal.Status.REACHED)),
        "safety_netting": (content.library if content else session.library).general("safety_netting"),
    }


def followup_handout_html(session):
    """The follow-up handout: one A4 page, B1, in the terms and the language of the
    handout the patient was given."""
    consult = explained_consult(session.patient)
    with translation.override(consult.handout_library.language if consult else DOCUMENT_LANGUAGE):
        return render_to_string("documents/followup_handout.html", followup_context(session, consult))


def followup_problems(session):
    """[Finding]: phrases to avoid that would reach the follow-up handout, without those
    a clinician marked as not harmful in this context."""
    texts = [(name, Session._meta.get_field(name).verbose_name, getattr(session, name)) for name in Session.HANDOUT_FIELDS]
    goal_label = Goal._meta.get_field("text").verbose_name
    texts += [(f"goal:{goal.pk}", goal_label, goal.text) for goal in Goal.objects.filter(patient=session.patient)]
    return findings(session, session.library, texts)


def intake_recipient(intake):
    slug = intake.REFERRALS.get(intake.decision)
    return intake.library.get(Recipient, slug) if slug else None


@in_dutch
def poh_referral_text(intake, *, author):
    """The POH-GGZ's referral after the intake, with the GP's explanation in its terms."""
    consult = explained_consult(intake.patient)
    return plain_text(render_to_string("documents/referral_poh.txt", {
        "intake": intake,
        "recipient": intake_recipient(intake),
        "content": ConsultContent.of(consult) if consult else None,
        "author": author,
        "practice": intake.patient.practice,
        "date": date_format(timezone.localdate(intake.created_at), "j F Y"),
    }))
