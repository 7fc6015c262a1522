from django import forms
from django.utils.translation import gettext_lazy as _

from explanations.models import Dimension, GeneralText, MaintainingFactor, SampleQuestion

from .models import SCEGS_NOTE_FIELDS, Consult
from .text import clean_text, looks_like_bsn

class ConsultStepForm(forms.ModelForm):
    """Base for every step form.

    It carries the consult's version (to refuse stale saves) and cleans typed text.
    Saving is lenient (half-filled is fine while typing); what the GP needs before the
    next step is checked after saving, by finish_problems().
    """

    version = forms.IntegerField(widget=forms.HiddenInput)
    required_to_finish = ()

    def __init__(self, data=None, *args, consult, **kwargs):
        self.consult = consult
        if data is not None:
            # Control characters are dropped before validation, so they never block a save.
            data = data.copy()
            for key in data:
                data.setlist(key, [clean_text(v) if isinstance(v, str) else v for v in data.getlist(key)])
        kwargs.setdefault("instance", consult)
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("version", consult.version)
        super().__init__(data, *args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.required = False
                if field.max_length:
                    # No maxlength in the browser: it would cut a long paste silently.
                    field.widget.attrs.pop("maxlength", None)
                    field.help_text = field.help_text or _("Maximaal %(n)s tekens.") % {"n": field.max_length}
                    field.error_messages["max_length"] = _(
                        "Maximaal %(limit_value)d tekens; u heeft er nu %(show_value)d. Uw tekst is niet opgeslagen; maak hem korter."
                    )
        self.limit_to_content_version()
        self.style_widgets()

    def style_widgets(self):
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.CheckboxInput)):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = css

    def limit_to_content_version(self):
        version = self.consult.content_version
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and hasattr(queryset.model, "version"):
                field.queryset = queryset.filter(version=version)

    def finish_problems(self):
        """What still keeps the GP from the next step, per field (checked after saving)."""
        problems = {}
        for name in self.required_to_finish:
            value = self.cleaned_data.get(name)
            if value in (None, "", [], False) or (hasattr(value, "exists") and not value.exists()):
                problems[name] = _("Vul dit in om verder te gaan.")
        return problems

    def changed_values(self):
        """(fields, relations) to pass to update_consult."""
        fields, relations = {}, {}
        for name in self._meta.fields:
            value = self.cleaned_data.get(name)
            model_field = Consult._meta.get_field(name)
            if model_field.many_to_many:
                relations[name] = list(value or [])
            elif model_field.is_relation:
                fields[f"{name}_id"] = value.pk if value else None
            else:
                fields[name] = value
        return fields, relations


class StartForm(ConsultStepForm):
    not_a_bsn = forms.BooleanField(
        required=False,
        label=_("Dit is geen BSN, maar een ander nummer (bijvoorbeeld het HIS-nummer)"),
    )
    required_to_finish = ("permission_given",)

    class Meta:
        model = Consult
        fields = ["patient_reference", "first_name", "permission_given", "wants_further_investigation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["patient_reference"].required = True
        self.fields["patient_reference"].error_messages["required"] = _(
            "Vul een patiëntreferentie in, bijvoorbeeld initialen en geboortejaar."
        )

    def clean_patient_reference(self):
        value = self.cleaned_data["patient_reference"].strip()
        if not value:
            raise forms.ValidationError(self.fields["patient_reference"].error_messages["required"])
        if looks_like_bsn(value) and not self.data.get("not_a_bsn"):
            raise forms.ValidationError(
                _("Dit lijkt op een BSN. Gebruik geen BSN; kies initialen met geboortejaar of het HIS-nummer. "
                  "Is het echt geen BSN? Vink dat dan hieronder aan.")
            )
        return value


class NewConsultForm(StartForm):
    """The start form before a consult exists."""

    def __init__(self, *args, content_version, **kwargs):
        super().__init__(*args, consult=Consult(content_version=content_version), **kwargs)
        del self.fields["version"]


class ScegsForm(ConsultStepForm):
    required_to_finish = ("red_flags_asked", "severity")

    class Meta:
        model = Consult
        fields = [
            "complaints", "duration", "earlier_investigations", "medication", "red_flags_asked",
            "red_flags_present", "physical_examination", "cs_tests", "phq15", "fourdkl_somatisation",
            "csi", "leading_complaint_icpc", "somatic_note", "cognitive_note", "emotional_note",
            "behavioural_note", "social_note", "severity",
        ]
        widgets = {
            "red_flags_asked": forms.RadioSelect,
            "severity": forms.RadioSelect,
            **{name: forms.Textarea(attrs={"rows": 3}) for name in [
                "complaints", "earlier_investigations", "medication", "red_flags_present",
                "physical_examination", "cs_tests", *SCEGS_NOTE_FIELDS.values()]},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        version = self.consult.content_version
        self.fields["severity"].empty_label = None
        self.fields["red_flags_asked"].choices = Consult.YesNo.choices
        for name, top in [("phq15", 30), ("fourdkl_somatisation", 32), ("csi", 100)]:
            self.fields[name] = forms.IntegerField(
                label=self.fields[name].label, required=False, min_value=0, max_value=top,
                help_text=_("Totaalscore, 0 tot en met %(top)s.") % {"top": top},
            )
        questions = SampleQuestion.objects.filter(version=version)
        factors = MaintainingFactor.objects.filter(version=version)
        asked = list(self.consult.asked_questions.values_list("pk", flat=True))
        ticked = list(self.consult.factors.values_list("pk", flat=True))
        for dimension in Dimension:
            self.fields[f"questions_{dimension}"] = forms.ModelMultipleChoiceField(
                queryset=questions.filter(dimension=dimension), required=False,
                widget=forms.CheckboxSelectMultiple, label=_("Gevraagd"),
                initial=asked,
            )
            self.fields[f"factors_{dimension}"] = forms.ModelMultipleChoiceField(
                queryset=factors.filter(dimension=dimension), required=False,
                widget=forms.CheckboxSelectMultiple, label=_("Instandhoudende factoren"),
                initial=ticked,
            )
        self.style_widgets()

    def finish_problems(self):
        problems = super().finish_problems()
        if self.cleaned_data.get("red_flags_asked") == Consult.YesNo.NO:
            problems["red_flags_asked"] = _("Vraag alarmsymptomen na voordat u verder gaat.")
        return problems

    def changed_values(self):
        fields, relations = super().changed_values()
        relations["asked_questions"] = [q for d in Dimension for q in self.cleaned_data.get(f"questions_{d}", [])]
        relations["factors"] = [f for d in Dimension for f in self.cleaned_data.get(f"factors_{d}", [])]
        return fields, relations

    def panels(self):
        """The five SCEGS panels: their note, questions and factors fields."""
        return [
            {
                "key": str(dimension),
                "label": dimension.label,
                "note": self[SCEGS_NOTE_FIELDS[dimension]],
                "questions": self[f"questions_{dimension}"],
                "factors": self[f"factors_{dimension}"],
            }
            for dimension in Dimension
        ]


class ProblemDefinitionForm(ConsultStepForm):
    required_to_finish = ("problem_summary", "agreement")

    class Meta:
        model = Consult
        fields = ["problem_summary", "patient_words", "agreement", "needed_first", "needed_first_note",
                  "proceed_without_agreement"]
        widgets = {
            "agreement": forms.RadioSelect,
            "needed_first": forms.RadioSelect,
            "problem_summary": forms.Textarea(attrs={"rows": 3}),
            "patient_words": forms.Textarea(attrs={"rows": 3}),
            "needed_first_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].choices = Consult.Agreement.choices
        self.fields["needed_first"].choices = Consult.NeededFirst.choices

    def finish_problems(self):
        problems = super().finish_problems()
        agreement = self.cleaned_data.get("agreement")
        if agreement and agreement != Consult.Agreement.YES and not self.cleaned_data.get("needed_first"):
            problems["needed_first"] = _("Leg vast wat eerst nodig is.")
        if agreement == Consult.Agreement.YES and not self.cleaned_data.get("patient_words"):
            problems["patient_words"] = _("Noteer hoe de patiënt het zelf zegt; dat staat in de folder.")
        return problems

    def clean(self):
        cleaned = super().clean()
        agreement = cleaned.get("agreement")
        if agreement == Consult.Agreement.YES:
            cleaned["needed_first"] = ""
            cleaned["proceed_without_agreement"] = False
        return cleaned


class ExplanationForm(ConsultStepForm):
    required_to_finish = ("explanation_model", "metaphors")

    class Meta:
        model = Consult
        fields = ["explanation_model", "metaphors", "teach_back"]
        widgets = {
            "explanation_model": forms.RadioSelect,
            "metaphors": forms.CheckboxSelectMultiple,
            "teach_back": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["explanation_model"].empty_label = None
        self.fields["metaphors"].queryset = self.fields["metaphors"].queryset.prefetch_related("models")

    def clean(self):
        cleaned = super().clean()
        model = cleaned.get("explanation_model")
        metaphors = cleaned.get("metaphors") or []
        if model is not None:
            fitting = set(model.metaphors.values_list("pk", flat=True))
            misfits = [m.name for m in metaphors if m.pk not in fitting]
            if misfits:
                self.add_error("metaphors", _("Past niet bij %(model)s: %(names)s.") % {
                    "model": model.name, "names": ", ".join(misfits)})
        return cleaned


class PlanForm(ConsultStepForm):
    class Meta:
        model = Consult
        fields = ["advice", "referrals", "referral_other", "referral_question", "consent_occupational_physician",
                  "next_appointment", "safety_netting"]
        widgets = {
            "referral_question": forms.Textarea(attrs={"rows": 2}),
            "advice": forms.CheckboxSelectMultiple,
            "referrals": forms.CheckboxSelectMultiple,
            "safety_netting": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = GeneralText.objects.filter(version=self.consult.content_version, slug="safety_netting").values_list("text", flat=True).first()
        if default:
            self.fields["safety_netting"].widget.attrs["placeholder"] = default
