"""The consult flow: an ordered list of steps; the server decides which one is next.

Each step declares its URL, form, template and extra context, and one rule:
`missing(consult)` says, per field, what the step still needs. A step is done when
nothing is missing; the progress bar and "Opslaan en verder" both ask that one rule.
A step that does not apply yet says why it waits.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from autosave.rendering import options
from explanations.models import Dimension, ExplanationModel, MaintainingFactor, SampleQuestion, SeverityGrade

from . import forms
from .finish import finish_context
from .icpc import short_icpc_label
from .models import SCEGS_NOTE_FIELDS, Consult

FILL_IN = _("Vul dit in om verder te gaan.")
WAIT_REASONS = Consult.WAIT_REASONS


class Step:
    key = ""
    segment = ""  # the step's part of the URL
    label = ""
    form_class = None
    template = ""

    def waits_for(self, consult):
        """Why the step does not apply yet (a key of Consult.WAIT_REASONS), or None."""
        return None

    def is_applicable(self, consult):
        return self.waits_for(consult) is None

    def missing(self, consult):
        return {}

    def is_completed(self, consult):
        return not self.missing(consult)

    def url(self, consult):
        return reverse("consult_step", args=[consult.pk, self.segment])

    def context(self, request, consult, form):
        """What the full page needs besides the consult, its form and live_context."""
        return {}

    def live_context(self, request, consult, form):
        """What the stored answers change, and so what an autosave's answer redraws
        besides the saved fields' feedback; the full page draws it too."""
        return {}


class StartStep(Step):
    key = segment = "start"
    label = _("Start en toestemming")
    form_class = forms.StartForm
    template = "consult/steps/start.html"

    def missing(self, consult):
        missing = {}
        if not consult.permission_given:
            missing["permission_given"] = _("Vraag de patiënt om toestemming voordat u verder gaat.")
        return missing


class ScegsStep(Step):
    key = segment = "scegs"
    label = _("SCEGS-verkenning")
    form_class = forms.ScegsForm
    template = "consult/steps/scegs.html"

    def missing(self, consult):
        missing = {}
        if consult.red_flags in ("", Consult.RedFlags.NOT_ASKED):
            missing["red_flags"] = _("Vraag alarmsymptomen na voordat u verder gaat.")
        elif consult.red_flags == Consult.RedFlags.PRESENT:
            if not consult.red_flags_present.strip():
                missing["red_flags_present"] = _("Noteer welk alarmsymptoom er is.")
            if not consult.red_flag_action:
                missing["red_flag_action"] = _("Leg vast wat u met het alarmsymptoom doet.")
            elif consult.red_flag_open:
                missing["red_flag_action_note"] = _("Schrijf in een paar woorden waarom het is afgehandeld.")
        if not consult.severity:
            missing["severity"] = FILL_IN
        return missing

    def context(self, request, consult, form):
        library = consult.library
        questions = {row.slug: row.dimension for row in library.all(SampleQuestion)}
        factors = {row.slug: row.dimension for row in library.all(MaintainingFactor)}
        asked_options, factor_options = options(form["asked_questions"]), options(form["factors"])
        return {
            "panels": [
                {
                    "key": str(dimension),
                    "label": dimension.label,
                    "note": form[SCEGS_NOTE_FIELDS[dimension]],
                    "questions": [o for o in asked_options if questions.get(o.value) == dimension],
                    "factors": [o for o in factor_options if factors.get(o.value) == dimension],
                }
                for dimension in Dimension
            ],
            "severity_grades": library.all(SeverityGrade),
        }

    def live_context(self, request, consult, form):
        return live_scegs_context(consult)


def live_scegs_context(consult):
    """What the SCEGS page draws from the stored answers and redraws after each autosave:
    the grade the NHG criteria suggest, the measures with their bands, fitting ICPC codes."""
    return {
        "suggested_severity": consult.suggested_severity,
        "severity_criteria": consult.severity_criteria,
        "measures": consult.measure_bands(),
        "icpc_suggestions": [] if consult.leading_complaint_icpc in consult.icpc_suggestions else
                            [short_icpc_label(code) for code in consult.icpc_suggestions],
    }


class ProblemDefinitionStep(Step):
    key = "problem_definition"
    segment = "probleemdefinitie"
    label = _("Gezamenlijke probleemdefinitie")
    form_class = forms.ProblemDefinitionForm
    template = "consult/steps/problem_definition.html"

    def missing(self, consult):
        missing = {}
        if not consult.problem_summary.strip():
            missing["problem_summary"] = FILL_IN
        if not consult.agreement:
            missing["agreement"] = FILL_IN
        elif consult.has_agreement and not consult.patient_words.strip():
            missing["patient_words"] = _("Noteer hoe de patiënt het zelf zegt; dat staat in de folder.")
        elif not consult.has_agreement and not consult.needed_first:
            missing["needed_first"] = _("Leg vast wat eerst nodig is.")
        return missing

    def context(self, request, consult, form):
        return {"finish_url": get_step("finish").url(consult)}

    def live_context(self, request, consult, form):
        return {"question_rows": form.question_rows()}


class ExplanationStep(Step):
    key = "explanation"
    segment = "uitleg"
    label = _("Uitleg")
    form_class = forms.ExplanationForm
    template = "consult/steps/explanation.html"

    def waits_for(self, consult):
        return consult.explanation_waits_for

    def missing(self, consult):
        missing = {}
        if not consult.explanation_model:
            missing["explanation_model"] = FILL_IN
        if not consult.metaphors:
            missing["metaphors"] = _("Kies ten minste één metafoor die bij het model past.")
        return missing

    def context(self, request, consult, form):
        library = consult.library
        models = library.all(ExplanationModel)
        metaphors = {m.slug: m for m in library.metaphors}
        return {
            "models": models,
            "metaphor_cards": [
                {
                    "choice": choice,
                    "metaphor": metaphors[choice.data["value"]],
                    "models": [m for m in models if choice.data["value"] in library.metaphors_for(m.slug)],
                }
                for choice in form["metaphors"]
            ],
        }


class PlanStep(Step):
    key = "plan"
    segment = "plan"
    label = _("Plan")
    form_class = forms.PlanForm
    template = "consult/steps/plan.html"

    def waits_for(self, consult):
        return consult.explanation_waits_for

    def missing(self, consult):
        if consult.next_appointment or consult.advice or consult.referrals:
            return {}
        return {"next_appointment": _("Spreek een vervolg af, of kies een advies of verwijzing.")}

    def context(self, request, consult, form):
        severity = consult.chosen("severity")
        context = {
            "severity": severity,
            "severity_referrals": list(severity.suggested_referrals.all()) if severity else [],
        }
        model = consult.chosen("explanation_model")
        if model is None:
            return context
        return {
            **context,
            "suggested_advice": [a.slug for a in model.suggested_advice.all()],
            "suggested_referrals": [r.slug for r in model.suggested_referrals.all()],
            "suggested_label": _("past bij %(model)s") % {"model": model.name},
            # The default the handout prints when the field is left empty, in its language.
            "safety_netting_default": consult.handout_library.general("safety_netting"),
        }

    def live_context(self, request, consult, form):
        return {"question_rows": form.question_rows()}


class FinishStep(Step):
    """Handout, referral texts and SOEP lines; finalising freezes what is handed out.

    Always reachable: the referral and SOEP texts are usable before an explanation.
    """

    key = "finish"
    segment = "afronden"
    label = _("Folder en verwijstekst")
    template = "consult/finish.html"

    def missing(self, consult):
        return {} if consult.is_final else {"finalise": _("Nog niet afgerond.")}

    def context(self, request, consult, form):
        return finish_context(request, consult)


STEPS = [StartStep(), ScegsStep(), ProblemDefinitionStep(), ExplanationStep(), PlanStep(), FinishStep()]
_BY_SEGMENT = {step.segment: step for step in STEPS}
_BY_KEY = {step.key: step for step in STEPS}


def get_step(key):
    return _BY_KEY[key]


def step_for_segment(segment):
    return _BY_SEGMENT.get(segment)


def next_step(consult):
    """The first applicable step that is not done; None when there is none."""
    for step in STEPS:
        if step.is_applicable(consult) and not step.is_completed(consult):
            return step
    return None


# Where the GP is stopped, with the reason in view, while the explanation waits.
STOPS = {"agreement": "problem_definition", "red_flag": "scegs"}


def where_to_go(consult):
    """Where the consult opens, and where "Opslaan en verder" leads: the next step that
    needs the GP. While the explanation waits, that is the step that says why (a clear
    stop that the GP can override), not the texts at the end."""
    upcoming = next_step(consult)
    waits_for = consult.explanation_waits_for
    if waits_for and (upcoming is None or upcoming.key == "finish"):
        return get_step(STOPS[waits_for])
    return upcoming or get_step("finish")


def progress(consult, current_key):
    """What the progress bar shows: every step with its state."""
    upcoming = next_step(consult)
    items = []
    for step in STEPS:
        waits_for = step.waits_for(consult)
        items.append(
            {
                "key": step.key,
                "label": step.label,
                "url": step.url(consult) if waits_for is None else None,
                "current": step.key == current_key,
                "done": waits_for is None and step.is_completed(consult),
                "next": upcoming is not None and upcoming.key == step.key,
                "waiting": WAIT_REASONS.get(waits_for, ""),
            }
        )
    return items

