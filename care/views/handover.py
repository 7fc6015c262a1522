from django.shortcuts import render

from audit.decorators import logged_read
from consult.access import clinician_required
from consult.documents import ConsultContent
from consult.models import Consult
from patients.access import with_patient

from ..documents import explained_consult


@clinician_required
@with_patient
@logged_read("overdracht")
def handover(request, patient):
    """For the POH-GGZ, on one screen: what the GP explored, agreed, explained and planned,
    in the exact words the patient heard, and the handout as it was given."""
    consult = explained_consult(patient) or Consult.objects.filter(patient=patient).order_by("-created_at").first()
    return render(request, "care/handover.html", {
        "patient": patient,
        "consult": consult,
        "content": ConsultContent.of(consult) if consult else None,
        "issue": consult.issues.order_by("-number").first() if consult else None,
    })
