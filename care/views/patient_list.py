from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from audit.log import log_access
from audit.models import AccessEvent
from consult.access import clinician_required
from patients.models import Patient

from ..forms import SearchForm
from ..overview import overview

MAX_FOUND = 100


@clinician_required
def patient_list(request):
    """The practice's patients, most recent contact first: who saw them and what is open.
    A search by reference is posted, so it never reaches a URL or a server log."""
    patients = Patient.objects.for_user(request.user).order_by("-last_visit_at", "reference")
    today = timezone.localdate()
    form = SearchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = list(patients.filter(reference__icontains=form.cleaned_data["zoek"])[:MAX_FOUND])
        log_access(user=request.user, action=AccessEvent.Action.SEARCH, what=f"patientenlijst:{len(found)}", request=request)
        return render(request, "care/patient_list.html", {"rows": overview(found, today), "found": found, "form": form})
    page = Paginator(patients, 20).get_page(request.GET.get("pagina"))
    log_access(user=request.user, action=AccessEvent.Action.READ, what=f"patientenlijst:pagina {page.number}", request=request)
    return render(request, "care/patient_list.html", {
        "rows": overview(list(page.object_list), today), "page": page, "found": None, "form": SearchForm(),
    })
