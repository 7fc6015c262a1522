"""The consult's step forms. They only parse input: what may be stored is checked by the
model (field validators and Consult.clean), what a step still needs by the flow."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LIBRARY_CHOICES, SCEGS_NOTE_FIELDS, Consult
from autosave.forms import AutosaveForm


def _label(name):
    return Consult._meta.get_field(name).verbose_name.capitalize()


def one_of(name, choices=(), widget=forms.RadioSelect):
    return forms.ChoiceField(label=_label(name), choices=choices, required=False, widget=widget)


def some_of(name):
    return forms.MultipleChoiceField(label=_label(name), required=False, widget=forms.CheckboxSelectMultiple)


class StepForm(AutosaveForm):
    """Base of every step form: choices come from the consult's own content library."""

    def __init__(self, data=None, *args, instance, **kwargs):
        super().__init__(data, *args, instance=instance, **kwargs)
        library = instance.library
        for name, field in self.fields.items():
            kind = LIBRARY_CHOICES.get(name)
            if kind is not None:
                field.choices = [(row.slug, str(row)) for row in library.all(kind)]


class StartForm(StepForm):
    class Meta:
        model = Consult
        fields = ["permission_given", "wants_further_investigation"]


class ScegsForm(StepForm):
    red_flags = one_of("red_flags", Consult.RedFlags.choices)
    red_flag_action = one_of("red_flag_action", Consult.RedFlagAction.choices)
    asked_questions = some_of("asked_questions")
    factors = some_of("factors")
    severity = one_of("severity")

    class Meta:
        model = Consult
        fields = [
            "complaints", "duration", "earlier_investigations", "medication", "red_flags", "red_flags_present",
            "red_flag_action", "red_flag_action_note", "physical_examination", "cs_tests", "phq15",
            "fourdkl_somatisation", "csi", "leading_complaint_icpc", *SCEGS_NOTE_FIELDS.values(),
            "asked_questions", "factors", "severity",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3}) for name in [
                "complaints", "earlier_investigations", "medication", "red_flags_present",
                "physical_examination", "cs_tests", *SCEGS_NOTE_FIELDS.values()]
        }


class ProblemDefinitionForm(StepForm):
    agreement = one_of("agreement", Consult.Agreement.choices)
    needed_first = one_of("needed_first", Consult.NeededFirst.choices)

    class Meta:
        model = Consult
        fields = ["problem_summary", "patient_words", "agreement", "needed_first", "needed_first_note",
                  "proceed_without_agreement"]
        widgets = {
            "problem_summary": forms.Textarea(attrs={"rows": 3}),
            "patient_words": forms.Textarea(attrs={"rows": 3}),
            "needed_first_note": forms.Textarea(attrs={"rows": 2}),
        }


class ExplanationForm(StepForm):
    explanation_model = one_of("explanation_model")
    metaphors = some_of("metaphors")

    class Meta:
        model = Consult
        fields = ["explanation_model", "metaphors", "teach_back"]
        widgets = {"teach_back": forms.Textarea(attrs={"rows": 3})}


class PlanForm(StepForm):
    advice = some_of("advice")
    referrals = some_of("referrals")

    class Meta:
        model = Consult
        fields = ["advice", "referrals", "referral_other", "referral_question", "consent_occupational_physician",
                  "next_appointment", "safety_netting"]
        widgets = {
            "referral_question": forms.Textarea(attrs={"rows": 2}),
            "safety_netting": forms.Textarea(attrs={"rows": 3}),
        }


class NewConsultForm(forms.Form):
    """Starting a consult: the patient it is for, and the permission to explore."""

    permission_given = forms.BooleanField(label=_label("permission_given"), required=False)
    wants_further_investigation = forms.BooleanField(label=_label("wants_further_investigation"), required=False)
