from django.shortcuts import redirect, render

from audit.decorators import logged_read
from consult.access import clinician_required
from patients.access import with_patient
from patients.actions import add_timeline_entry
from patients.forms import TimelineEntryForm
from patients.timeline import timeline_svg


@clinician_required
@with_patient
@logged_read("tijdlijn")
def patient_timeline(request, patient):
    """The timeline to print (GET), or a new moment on it (POST, from any page that shows it)."""
    form = TimelineEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        add_timeline_entry(patient=patient, user=request.user, request=request, **form.cleaned_data)
        back = request.POST.get("terug", "")
        return redirect(back if back.startswith("/") and not back.startswith("//") else f"/patienten/{patient.pk}/")
    entries = list(patient.timeline.all())
    return render(request, "care/timeline.html", {
        "patient": patient, "form": form, "entries": entries,
        "timeline": timeline_svg(entries, f"Tijdlijn van {patient.reference}"),
    }, status=200 if request.method == "GET" else 400)
