from django import forms
from django.utils.translation import gettext_lazy as _

from autosave.forms import AutosaveForm

from .models import Patient, TimelineEntry


class PatientForm(AutosaveForm):
    class Meta:
        model = Patient
        fields = ["reference", "reference_is_not_bsn", "first_name"]
        error_messages = {"reference": {"required": _("Vul een patiëntreferentie in, bijvoorbeeld initialen en geboortejaar.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reference"].required = True

    def validate_unique(self):
        pass  # the practice is set by the action; find_or_create_patient handles an existing reference


class TimelineEntryForm(AutosaveForm):
    class Meta:
        model = TimelineEntry
        fields = ["date", "kind", "text"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = True
