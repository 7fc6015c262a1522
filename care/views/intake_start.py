from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from patients.access import with_patient
from practices.decorators import role_required
from practices.models import Role

from ..actions import start_intake


@require_POST
@role_required(Role.POH_GGZ)
@with_patient
def intake_start(request, patient):
    intake = start_intake(patient=patient, user=request.user, request=request)
    return redirect("intake", intake.pk)
