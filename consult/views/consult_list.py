from django.core.paginator import Paginator
from django.shortcuts import render

from audit.log import log_access
from audit.models import AccessEvent

from ..access import clinician_required
from ..forms import SearchForm
from ..models import Consult

MAX_FOUND = 100


@clinician_required
def consult_list(request):
    """The practice's consults, newest first. A search by patient reference is posted, so
    the reference never reaches a URL, the browser history or a server log."""
    consults = Consult.objects.for_user(request.user).select_related("created_by", "content_version").order_by("-created_at")
    form = SearchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = list(consults.filter(patient_reference__icontains=form.cleaned_data["zoek"])[:MAX_FOUND])
        log_access(user=request.user, action=AccessEvent.Action.SEARCH, what=f"consultlijst:{len(found)}", request=request)
        return render(request, "consult/list.html", {"rows": found, "found": found, "form": form})
    page = Paginator(consults, 20).get_page(request.GET.get("pagina"))
    log_access(user=request.user, action=AccessEvent.Action.READ, what=f"consultlijst:pagina {page.number}", request=request)
    return render(request, "consult/list.html", {"rows": page.object_list, "page": page, "found": None, "form": SearchForm()})
