from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from audit.log import log_access
from audit.models import AccessEvent
from practices.decorators import role_required
from practices.models import Role

from ..actions import destroy_consult
from ..forms import DestroyForm
from ..models import Consult


@role_required(Role.MANAGER)
def consult_destroy(request):
    """Destruction on request (AVG art. 17), by the practice manager. The manager finds
    the consult by its patient reference and sees only its date and author, never its
    content; typing the reference again confirms."""
    form = DestroyForm(request.POST or None)
    found = []
    if request.method == "POST" and form.is_valid():
        reference = form.cleaned_data["patient_reference"]
        found = list(Consult.objects.for_user(request.user).filter(patient_reference=reference)
                     .select_related("created_by").order_by("-created_at"))
        chosen = next((c for c in found if str(c.pk) == request.POST.get("consult")), None)
        if chosen is not None and form.cleaned_data["confirm"] == reference:
            destroy_consult(consult=chosen, user=request.user, request=request)
            messages.success(request, _("Het consult is vernietigd. Het toegangslog bewaart dat het is gebeurd."))
            return redirect("consult_destroy")
        log_access(user=request.user, action=AccessEvent.Action.SEARCH, what=f"vernietigen:{len(found)}", request=request)
        if chosen is not None:
            form.add_error("confirm", _("Typ de patiëntreferentie precies over om te bevestigen."))
    return render(request, "consult/destroy.html", {"form": form, "found": found})
