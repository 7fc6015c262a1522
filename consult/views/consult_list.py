from django.core.paginator import Paginator
from django.shortcuts import render

from ..access import clinician_required
from ..models import Consult


@clinician_required
def consult_list(request):
    consults = Consult.objects.for_user(request.user).select_related("created_by").order_by("-created_at")
    page = Paginator(consults, 20).get_page(request.GET.get("pagina"))
    return render(request, "consult/list.html", {"page": page})
