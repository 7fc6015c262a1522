"""Loading a patient for a request: scoped to the user's own practice."""

import uuid
from functools import wraps

from django.http import Http404

from audit.log import log_access
from audit.models import AccessEvent

from .models import Patient


def _patient(request, pk):
    try:
        uuid.UUID(str(pk))
    except ValueError:
        raise Http404 from None
    patient = Patient.objects.for_user(request.user).filter(pk=pk).first()
    if patient is None:
        if Patient.objects.filter(pk=pk).exists():
            log_access(user=request.user, action=AccessEvent.Action.DENIED, what="patient-andere-praktijk", request=request)
        raise Http404
    return patient


def with_patient(view):
    """Load the patient named in the URL (`pk`) from the user's own practice, or 404."""

    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        return view(request, _patient(request, pk), *args, **kwargs)

    wrapper.scoped_to_practice = True
    return wrapper


def chosen_patient(request):
    """The patient a form names (`patient`), from the user's own practice; None if none."""
    pk = request.POST.get("patient") or request.GET.get("patient")
    return _patient(request, pk) if pk else None
