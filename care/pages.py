"""What the intake and session pages show besides their form."""

from .documents import explained_consult, followup_problems, intake_recipient
from .forms import GoalForm


def intake_context(intake, form):
    return {"intake": intake, "patient": intake.patient, "consult": explained_consult(intake.patient),
            "recipient": intake_recipient(intake), "bands": intake.fourdkl_bands(), "missing": intake.missing()}


def session_context(session, form):
    return {
        "session": session, "patient": session.patient, "consult": explained_consult(session.patient),
        "goals": list(session.patient.goals.all()), "goal_form": GoalForm(), "problems": followup_problems(session),
        "issue": session.issues.order_by("-number").first(),
    }
