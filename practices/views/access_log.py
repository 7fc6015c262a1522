from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from consult.models import AccessEvent

from ..models import Role, User


def manager_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if request.user.practice_id is None or request.user.role != Role.MANAGER:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@manager_required
def access_log(request):
    """NEN 7513: who read, changed, printed or copied which consult of this practice."""
    practice = request.user.practice
    events = AccessEvent.objects.filter(practice=practice).select_related("user").order_by("-at", "-pk")
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    users = User.objects.filter(practice=practice).order_by("last_name", "username")
    return render(request, "practices/access_log.html", {"practice": practice, "page": page, "users": users})
