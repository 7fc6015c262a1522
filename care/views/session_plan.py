from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consult.access import clinician_required
from patients.access import with_patient

from ..actions import plan_session
from ..forms import PlanSessionForm


@require_POST
@clinician_required
@with_patient
def session_plan(request, patient):
    form = PlanSessionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een geldige datum voor de sessie."))
        return redirect("patient_detail", patient.pk)
    session = plan_session(patient=patient, user=request.user, date=form.cleaned_data["date"], request=request)
    return redirect("session", session.pk)
