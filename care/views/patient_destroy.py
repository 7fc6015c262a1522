from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from audit.log import log_access
from audit.models import AccessEvent
from patients.models import Patient
from practices.decorators import role_required
from practices.models import Role

from ..actions import destroy_patient
from ..forms import DestroyForm


@role_required(Role.MANAGER)
def patient_destroy(request):
    """Destruction on request (AVG art. 17), by the practice manager. The manager finds the
    patient by reference and sees only how many consults and sessions there are, never
    their content; typing the reference again confirms."""
    form = DestroyForm(request.POST or None)
    patient = None
    if request.method == "POST" and form.is_valid():
        reference = form.cleaned_data["patient_reference"]
        patient = Patient.objects.for_user(request.user).filter(reference=reference).first()
        if patient is not None and form.cleaned_data["confirm"] == reference:
            destroy_patient(patient=patient, user=request.user, request=request)
            messages.success(request, _("Alle gegevens van deze patiënt zijn vernietigd. Het toegangslog bewaart dat het is gebeurd."))
            return redirect("patient_destroy")
        log_access(user=request.user, action=AccessEvent.Action.SEARCH, what=f"vernietigen:{1 if patient else 0}", request=request)
        if patient is not None and form.cleaned_data["confirm"]:
            form.add_error("confirm", _("Typ de patiëntreferentie precies over om te bevestigen."))
    return render(request, "care/patient_destroy.html", {"form": form, "patient": patient})
