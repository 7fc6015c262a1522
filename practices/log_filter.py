"""The manager's filter on the access log. It is posted and kept in the session, never put
in a URL: a patient reference must not reach browser history or server logs."""

from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import AccessEvent

from .models import User

SESSION_KEY = "access_log_filter"


class LogFilterForm(forms.Form):
    patient_reference = forms.CharField(label=_("Patiëntreferentie"), max_length=40, required=False)
    user = forms.ModelChoiceField(label=_("Gebruiker"), queryset=User.objects.none(), required=False)
    action = forms.ChoiceField(label=_("Actie"), choices=[("", "—"), *AccessEvent.Action.choices], required=False)
    start = forms.DateField(label=_("Van"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, practice, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(practice=practice).order_by("last_name", "username")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            self.add_error("end", _("Deze datum ligt voor de begindatum."))
        return cleaned

    def stored(self):
        data = self.cleaned_data
        return {
            "patient_reference": data["patient_reference"].strip(),
            "user": data["user"].pk if data["user"] else None,
            "action": data["action"],
            "start": data["start"].isoformat() if data["start"] else "",
            "end": data["end"].isoformat() if data["end"] else "",
        }


def filtered_events(practice, stored):
    events = AccessEvent.objects.filter(practice=practice)
    if stored.get("patient_reference"):
        events = events.filter(patient_reference=stored["patient_reference"])
    if stored.get("user"):
        events = events.filter(user_id=stored["user"])
    if stored.get("action"):
        events = events.filter(action=stored["action"])
    zone = timezone.get_current_timezone()
    if stored.get("start"):
        events = events.filter(at__gte=datetime.combine(datetime.fromisoformat(stored["start"]).date(), time.min, zone))
    if stored.get("end"):
        events = events.filter(at__lte=datetime.combine(datetime.fromisoformat(stored["end"]).date(), time.max, zone))
    return events


def cursor(value):
    """A page cursor from the URL (an event id), or None."""
    return int(value) if value and value.isdigit() and len(value) < 19 else None
