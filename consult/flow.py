"""The consult flow: an ordered list of steps; the server decides which one is next.

Each step knows whether it applies to a consult (the explanation waits for a joint
problem definition) and whether it is done.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Step:
    key = ""
    label = ""
    url_name = ""

    def is_applicable(self, consult):
        return True

    def is_completed(self, consult):
        raise NotImplementedError

    def url(self, consult):
        return reverse(self.url_name, args=[consult.pk])


class StartStep(Step):
    key = "start"
    label = _("Start en toestemming")
    url_name = "consult_start"

    def is_completed(self, consult):
        return consult.permission_given


class ScegsStep(Step):
    key = "scegs"
    label = _("SCEGS-verkenning")
    url_name = "consult_scegs"

    def is_completed(self, consult):
        return consult.severity_id is not None and bool(consult.red_flags_asked)


class ProblemDefinitionStep(Step):
    key = "problem_definition"
    label = _("Gezamenlijke probleemdefinitie")
    url_name = "consult_problem_definition"

    def is_completed(self, consult):
        return bool(consult.problem_summary) and bool(consult.agreement)


class ExplanationStep(Step):
    key = "explanation"
    label = _("Uitleg")
    url_name = "consult_explanation"

    def is_applicable(self, consult):
        return consult.may_explain

    def is_completed(self, consult):
        return consult.explanation_model_id is not None and consult.metaphors.exists()


class PlanStep(Step):
    key = "plan"
    label = _("Plan")
    url_name = "consult_plan"

    def is_applicable(self, consult):
        return consult.may_explain

    def is_completed(self, consult):
        return bool(consult.next_appointment) or consult.advice.exists() or consult.referrals.exists()


class OutputsStep(Step):
    key = "outputs"
    label = _("Folder en verwijstekst")
    url_name = "consult_outputs"

    def is_applicable(self, consult):
        return consult.may_explain and consult.explanation_model_id is not None

    def is_completed(self, consult):
        return consult.is_final


STEPS = [StartStep(), ScegsStep(), ProblemDefinitionStep(), ExplanationStep(), PlanStep(), OutputsStep()]


def get_step(key):
    return next(step for step in STEPS if step.key == key)


def next_step(consult):
    """The first applicable step that is not done; None when there is none."""
    for step in STEPS:
        if step.is_applicable(consult) and not step.is_completed(consult):
            return step
    return None


def progress(consult, current_key):
    """What the progress bar shows: every step with its state."""
    upcoming = next_step(consult)
    items = []
    for step in STEPS:
        applicable = step.is_applicable(consult)
        items.append(
            {
                "key": step.key,
                "label": step.label,
                "url": step.url(consult) if applicable else None,
                "current": step.key == current_key,
                "done": applicable and step.is_completed(consult),
                "next": upcoming is not None and upcoming.key == step.key,
                "waiting": not applicable,
            }
        )
    return items
