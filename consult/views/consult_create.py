from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from explanations.models import ContentVersion
from patients.actions import find_or_create_patient
from patients.forms import PatientForm
from patients.access import chosen_patient
from practices.decorators import role_required
from practices.models import Role

from .. import flow
from ..actions import create_consult
from ..forms import NewConsultForm


@role_required(Role.GP)
def consult_create(request):
    """A new consult for a patient of the practice: a known one, or one made here."""
    if ContentVersion.current() is None:
        return render(request, "consult/no_content.html", status=503)
    patient = chosen_patient(request)
    patient_form = None if patient else PatientForm(request.POST or None)
    form = NewConsultForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (patient_form is None or patient_form.is_valid()):
        if patient is None:
            data = patient_form.cleaned_data
            patient, created = find_or_create_patient(
                user=request.user, reference=data["reference"], first_name=data["first_name"],
                reference_is_not_bsn=data["reference_is_not_bsn"], request=request,
            )
            if not created:
                messages.info(request, _("Deze patiënt stond al in de praktijk; het consult staat bij de eerdere contacten."))
        consult = create_consult(
            user=request.user, patient=patient, permission_given=form.cleaned_data["permission_given"],
            wants_further_investigation=form.cleaned_data["wants_further_investigation"], request=request,
        )
        return redirect(flow.where_to_go(consult).url(consult))
    return render(request, "consult/create.html", {
        "form": form, "patient_form": patient_form, "patient": patient, "title": _("Nieuw consult"),
    })
