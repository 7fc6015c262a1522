"""The consult's step forms. They only parse input: what may be stored is checked by the
model (field validators and Consult.clean), what a step still needs by the flow."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from explanations.models import ContentVersion, Recipient

from .models import LIBRARY_CHOICES, SCEGS_NOTE_FIELDS, Cluster, Consult, Course, Limitation
from autosave.forms import AutosaveForm
from autosave.merge import token
from autosave.text import clean_text

QUESTIONS = "referral_question"


def _label(name):
    return Consult._meta.get_field(name).verbose_name.capitalize()


def one_of(name, choices=(), widget=forms.RadioSelect):
    return forms.ChoiceField(label=_label(name), choices=choices, required=False, widget=widget)


def some_of(name):
    return forms.MultipleChoiceField(label=_label(name), required=False, widget=forms.CheckboxSelectMultiple)


class QuestionsWidget(forms.Widget):
    """One text per recipient, posted as `<name>-<recipient slug>`; the step template draws
    them (see consult/steps/_referral_fields.html). Without those, the value may come as
    one JSON object under the field's own name, as the page's stored value reads."""

    def value_from_datadict(self, data, files, name):
        prefix = f"{name}-"
        posted = {key[len(prefix):]: data.get(key) for key in data if key.startswith(prefix)}
        return posted if posted else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and not any(key.startswith(f"{name}-") for key in data)


class QuestionsField(forms.Field):
    """A text per recipient slug. An empty text removes that recipient's question; a
    recipient the page did not show keeps what is stored (see StepForm)."""

    widget = QuestionsWidget
    default_error_messages = {"invalid": _("Dit is geen vraag per ontvanger.")}

    def to_python(self, value):
        if value in (None, ""):
            return {}
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except (ValueError, RecursionError):
                raise ValidationError(self.error_messages["invalid"], code="invalid")
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return {slug: clean_text(text).strip() for slug, text in value.items()}

    def prepare_value(self, value):
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(value, dict) else value


class StepForm(AutosaveForm):
    """Base of every step form: choices come from the consult's own content library."""

    def __init__(self, data=None, *args, instance, **kwargs):
        super().__init__(data, *args, instance=instance, **kwargs)
        library = instance.library
        for name, field in self.fields.items():
            kind = LIBRARY_CHOICES.get(name)
            if kind is not None:
                field.choices = [(row.slug, str(row)) for row in library.all(kind)]
        self.recipients = library.all(Recipient)

    def clean_referral_urgency(self):
        """Always one urgency: none sent keeps the stored one."""
        return self.cleaned_data["referral_urgency"] or self.instance.referral_urgency

    def clean_referral_question(self):
        """The stored questions with what this page changed put over them, merged per
        recipient: a question someone else changed meanwhile is kept, unless this page
        changed the same one, which is refused beside the field (nothing is overwritten)."""
        sent = self.cleaned_data["referral_question"]
        stored = self.instance.referral_question or {}
        page_base = self.data.get(f"base-{QUESTIONS}")
        untouched_since = page_base is not None and page_base == token(stored)
        merged, clashes = dict(stored), []
        for slug, text in sent.items():
            theirs = stored.get(slug, "")
            if text == theirs:
                continue
            base = self.data.get(f"base-{QUESTIONS}-{slug}")
            mine_changed = base is None or token(text) != base
            theirs_changed = not untouched_since if base is None else token(theirs) != base
            if not mine_changed:
                continue
            if theirs_changed:
                clashes.append((slug, theirs))
                continue
            merged[slug] = text
        if clashes:
            labels = {r.slug: r.label for r in self.recipients}
            raise ValidationError(_(
                "Iemand anders heeft intussen de vraag aan %(who)s gewijzigd in: “%(theirs)s”. Uw tekst is niet "
                "opgeslagen en staat er nog. Kopieer hem en laad de pagina opnieuw.") % {
                "who": ", ".join(labels.get(slug, slug) for slug, _t in clashes),
                "theirs": "”, “".join(t or str(_("(leeg)")) for _s, t in clashes)})
        if page_base is not None:
            # Merged per recipient here, against what is stored now: the whole field's
            # base moves along, so the save does not see a conflict that was settled.
            self.data[f"base-{QUESTIONS}"] = token(stored)
        return {slug: text for slug, text in merged.items() if text}

    def question_rows(self):
        """What the template draws for the question per recipient: every recipient with
        its text as the page holds it and the base of that text (what is stored, or after
        a refused save what the page started from), the chosen referrals first."""
        if QUESTIONS not in self.field_names():
            return []
        stored = self.instance.referral_question or {}
        try:
            # A narrowed autosave form without the questions: the page holds what is stored.
            texts = self.fields[QUESTIONS].to_python(self[QUESTIONS].value()) if QUESTIONS in self.fields else stored
        except ValidationError:
            texts = stored
        refused = self.is_bound and QUESTIONS in self.errors
        chosen = set(self.instance.referrals or [])
        rows = []
        for r in self.recipients:
            base = self.data.get(f"base-{QUESTIONS}-{r.slug}") if refused else None
            rows.append({
                "recipient": r, "name": f"{QUESTIONS}-{r.slug}", "id": f"id_{QUESTIONS}_{r.slug}",
                "base_name": f"base-{QUESTIONS}-{r.slug}", "base": base or token(stored.get(r.slug, "")),
                "text": texts.get(r.slug, ""), "chosen": r.slug in chosen or bool(texts.get(r.slug)),
            })
        return sorted(rows, key=lambda row: not row["chosen"])


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
    symptom_clusters = forms.MultipleChoiceField(label=_label("symptom_clusters"), choices=Cluster.choices,
                                                 required=False, widget=forms.CheckboxSelectMultiple)
    daily_limitation = one_of("daily_limitation", Limitation.choices)
    course = one_of("course", Course.choices)

    class Meta:
        model = Consult
        fields = [
            "complaints", "duration", "earlier_investigations", "medication", "comorbidity", "contraindications",
            "functional_weakness", "red_flags", "red_flags_present",
            "red_flag_action", "red_flag_action_note", "physical_examination", "cs_tests", "phq15",
            "fourdkl_somatisation", "csi", "leading_complaint_icpc", "patient_expectations",
            "functional_consequences", *SCEGS_NOTE_FIELDS.values(),
            "asked_questions", "factors", "symptom_clusters", "daily_limitation", "course", "severity",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3}) for name in [
                "complaints", "earlier_investigations", "medication", "comorbidity", "contraindications",
                "red_flags_present", "physical_examination", "cs_tests", "patient_expectations",
                "functional_consequences", *SCEGS_NOTE_FIELDS.values()]
        }


# The question per recipient, the urgency and the DSM-5 classification: on the plan, and
# on the problem definition (a referral can be what is needed first).
REFERRAL_FIELDS = ["referral_question", "referral_urgency", "dsm5_classification"]


def questions_field():
    field = Consult._meta.get_field("referral_question")
    return QuestionsField(label=field.verbose_name.capitalize(), help_text=field.help_text, required=False)


class ProblemDefinitionForm(StepForm):
    agreement = one_of("agreement", Consult.Agreement.choices)
    needed_first = one_of("needed_first", Consult.NeededFirst.choices)
    referral_question = questions_field()
    referral_urgency = one_of("referral_urgency", Consult.Urgency.choices)

    class Meta:
        model = Consult
        fields = ["problem_summary", "patient_words", "agreement", "needed_first", "needed_first_note",
                  "proceed_without_agreement", *REFERRAL_FIELDS]
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
    referral_question = questions_field()
    referral_urgency = one_of("referral_urgency", Consult.Urgency.choices)
    handout_language = one_of("handout_language")

    class Meta:
        model = Consult
        fields = ["advice", "referrals", "referral_other", "consent_occupational_physician", *REFERRAL_FIELDS,
                  "next_appointment", "safety_netting", "handout_language"]
        widgets = {"safety_netting": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, instance, **kwargs):
        super().__init__(*args, instance=instance, **kwargs)
        # Only a language with a published library can be chosen (and the one chosen).
        published = ContentVersion.published_languages()
        field = self.fields.get("handout_language")  # absent from an autosave that did not send it
        if field is not None:
            field.choices = [(code, label) for code, label in Consult.HandoutLanguage.choices
                             if code in published or code == instance.handout_language]
            field.help_text = Consult._meta.get_field("handout_language").help_text


class NewConsultForm(forms.Form):
    """Starting a consult: the patient it is for, and the permission to explore."""

    permission_given = forms.BooleanField(label=_label("permission_given"), required=False)
    wants_further_investigation = forms.BooleanField(label=_label("wants_further_investigation"), required=False)
