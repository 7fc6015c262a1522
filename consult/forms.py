"""The consult's step forms. They only parse input: what may be stored is checked by the
model (field validators and Consult.clean), what a step still needs by the flow."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LIBRARY_CHOICES, SCEGS_NOTE_FIELDS, Consult
from .text import clean_text


def _label(name):
    return Consult._meta.get_field(name).verbose_name.capitalize()


def one_of(name, choices=(), widget=forms.RadioSelect):
    return forms.ChoiceField(label=_label(name), choices=choices, required=False, widget=widget)


def some_of(name):
    return forms.MultipleChoiceField(label=_label(name), required=False, widget=forms.CheckboxSelectMultiple)


class StepForm(forms.ModelForm):
    """Base of every step form: typed text is cleaned, choices come from the consult's
    own content library, and a too-long text is named, never cut off."""

    def __init__(self, data=None, *args, instance, **kwargs):
        if data is not None:
            data = data.copy()
            for key in data:
                data.setlist(key, [clean_text(v) if isinstance(v, str) else v for v in data.getlist(key)])
        super().__init__(data, *args, instance=instance, **kwargs)
        library = instance.library
        for name, field in self.fields.items():
            kind = LIBRARY_CHOICES.get(name)
            if kind is not None:
                field.choices = [(row.slug, str(row)) for row in library.all(kind)]
            if isinstance(field, forms.CharField):
                field.required = False
                if field.max_length:
                    # No maxlength in the browser: it would cut a long paste silently.
                    field.widget.attrs.pop("maxlength", None)
                    field.help_text = field.help_text or _("Maximaal %(n)s tekens.") % {"n": field.max_length}
                    field.error_messages["max_length"] = _(
                        "Maximaal %(limit_value)d tekens; u heeft er nu %(show_value)d. Maak de tekst korter."
                    )


class StartForm(StepForm):
    class Meta:
        model = Consult
        fields = ["patient_reference", "reference_is_not_bsn", "first_name", "permission_given", "wants_further_investigation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reference = self.fields["patient_reference"]
        reference.required = True
        reference.error_messages["required"] = _("Vul een patiëntreferentie in, bijvoorbeeld initialen en geboortejaar.")


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


class NewConsultForm(StartForm):
    """The start form before a consult exists."""

    def __init__(self, *args, content_version, **kwargs):
        super().__init__(*args, instance=Consult(content_version=content_version), **kwargs)


class SearchForm(forms.Form):
    zoek = forms.CharField(label=_("Zoek op patiëntreferentie"), max_length=40, strip=True)


class DestroyForm(forms.Form):
    patient_reference = forms.CharField(label=_("Patiëntreferentie"), max_length=40, strip=True)
    confirm = forms.CharField(label=_("Typ de patiëntreferentie nog eens om te bevestigen"), max_length=40,
                              strip=True, required=False)
