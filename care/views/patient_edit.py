from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from audit.decorators import logged_read
from consult.access import clinician_required
from patients.access import with_patient
from patients.actions import update_patient
from patients.forms import PatientForm


@clinician_required
@with_patient
@logged_read("patient")
def patient_edit(request, patient):
    """The patient's reference label and the first name on the handouts."""
    form = PatientForm(request.POST or None, instance=patient)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        update_patient(patient=patient, user=request.user, reference=data["reference"], first_name=data["first_name"],
                       reference_is_not_bsn=data["reference_is_not_bsn"], request=request)
        messages.success(request, _("Opgeslagen."))
        return redirect("patient_detail", patient.pk)
    return render(request, "care/patient_edit.html", {"patient": patient, "form": form})
