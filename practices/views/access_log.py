from django.core.paginator import Paginator
from django.shortcuts import render

from audit.models import AccessEvent

from ..decorators import role_required
from ..models import Role, User


@role_required(Role.MANAGER)
def access_log(request):
    """NEN 7513: who read, changed, printed or copied which consult of this practice."""
    practice = request.user.practice
    events = AccessEvent.objects.filter(practice=practice).select_related("user")
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    users = User.objects.filter(practice=practice).order_by("last_name", "username")
    return render(request, "practices/access_log.html", {"practice": practice, "page": page, "users": users})
