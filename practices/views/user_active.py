from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..actions import set_active
from ..decorators import role_required
from ..models import Role, User


@require_POST
@role_required(Role.MANAGER)
def user_active(request, pk):
    """Deactivate (or reactivate) a colleague; a deactivated account cannot log in."""
    user = get_object_or_404(User.objects.filter(practice=request.user.practice).exclude(pk=request.user.pk), pk=pk)
    active = request.POST.get("active") == "1"
    set_active(user=user, active=active, by=request.user, request=request)
    messages.success(request, (_("%(name)s is weer actief.") if active else _("%(name)s kan niet meer inloggen."))
                     % {"name": user.display_name})
    return redirect("practice_users")
