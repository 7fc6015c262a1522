from django import forms
from django.utils.translation import gettext_lazy as _

from autosave.forms import AutosaveForm

from .models import PHQ15_ITEMS, Goal, Intake, Session


class IntakeForm(AutosaveForm):
    problem_definition_holds = forms.ChoiceField(label=_("Klopt de gezamenlijke probleemdefinitie nog?"),
                                                 choices=Intake.Holds.choices, required=False, widget=forms.RadioSelect)
    decision = forms.ChoiceField(label=_("Besluit"), choices=Intake.Decision.choices, required=False,
                                 widget=forms.RadioSelect)

    class Meta:
        model = Intake
        fields = ["problem_definition_holds", "problem_definition_note", "depression_note", "anxiety_note",
                  "trauma_note", "fourdkl_distress", "fourdkl_depression", "fourdkl_anxiety", "fourdkl_somatisation",
                  "decision", "decision_note", "referral_question"]
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in [
            "problem_definition_note", "depression_note", "anxiety_note", "trauma_note", "decision_note", "referral_question"]}


class SessionForm(AutosaveForm):
    class Meta:
        model = Session
        fields = ["date", "note", "worked_on", "next_steps", "next_appointment", "phq15_total", *PHQ15_ITEMS]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
            "worked_on": forms.Textarea(attrs={"rows": 3}),
            "next_steps": forms.Textarea(attrs={"rows": 2}),
            **{name: forms.RadioSelect(choices=[(0, "0"), (1, "1"), (2, "2")]) for name in PHQ15_ITEMS},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "date" in self.fields:  # an autosave sends only the fields that changed
            self.fields["date"].required = True
        measure = self.instance.measure("phq15")
        scale = measure.item_scale if measure else ["0", "1", "2"]
        for number, name in enumerate(PHQ15_ITEMS):
            field = self.fields.get(name)
            if field is None:
                continue
            field.widget = forms.RadioSelect(choices=[(value, label) for value, label in enumerate(scale)])
            if measure and number < len(measure.items):
                field.label = measure.items[number]


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["text"]


class GoalStatusForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["status"]


class PlanSessionForm(forms.Form):
    date = forms.DateField(label=_("Datum van de sessie"), widget=forms.DateInput(attrs={"type": "date"}))


class SearchForm(forms.Form):
    zoek = forms.CharField(label=_("Zoek op patiëntreferentie"), max_length=40, strip=True)


class DestroyForm(forms.Form):
    patient_reference = forms.CharField(label=_("Patiëntreferentie"), max_length=40, strip=True)
    confirm = forms.CharField(label=_("Typ de patiëntreferentie nog eens om te bevestigen"), max_length=40,
                              strip=True, required=False)
