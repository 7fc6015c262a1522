from django.shortcuts import render
from django.utils import timezone

from audit.decorators import logged_read
from consult.access import clinician_required
from explanations.library import library_for
from explanations.models import ContentVersion, Measure
from patients.access import with_patient
from patients.forms import TimelineEntryForm
from patients.timeline import timeline_svg

from ..chart import phq15_points, phq15_svg
from ..forms import PlanSessionForm
from ..overview import overview


@clinician_required
@with_patient
@logged_read("patientverhaal")
def patient_detail(request, patient):
    """The patient's story in one place: every consult, the intake and sessions in time
    order, the goals, the timeline and the PHQ-15 over time."""
    [row] = overview([patient], timezone.localdate())
    latest = (row.sessions or row.consults or [None])[-1]
    version = latest.content_version if latest else ContentVersion.current()
    points = phq15_points(patient, row.consults, row.sessions)
    entries = list(patient.timeline.all())
    return render(request, "care/patient_detail.html", {
        "patient": patient,
        "row": row,
        "goals": list(patient.goals.all()),
        "timeline": timeline_svg(entries, f"Tijdlijn van {patient.reference}"),
        "timeline_entries": entries,
        "timeline_form": TimelineEntryForm(),
        "chart": phq15_svg(points, library_for(version).get(Measure, "phq15") if version else None) if points else "",
        "plan_form": PlanSessionForm(initial={"date": timezone.localdate()}),
    })
