from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from practices.models import Role

from ..models import Consult
from .access import clinician_required


def consult_list(request):
    if request.user.is_authenticated and request.user.role == Role.MANAGER and request.user.practice_id:
        return redirect("access_log")  # the manager's home: users and the access log
    return clinician_list(request)


@clinician_required
def clinician_list(request):
    consults = Consult.objects.for_user(request.user).select_related("created_by", "severity").order_by("-created_at")
    page = Paginator(consults, 20).get_page(request.GET.get("pagina"))
    return render(request, "consult/list.html", {"page": page})
