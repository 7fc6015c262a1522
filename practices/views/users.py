from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from audit.log import log_access
from audit.models import AccessEvent

from ..actions import invite_user
from ..decorators import role_required
from ..forms import InviteForm
from ..models import Role, User


@role_required(Role.MANAGER)
def practice_users(request):
    """The practice manager's users: invite a GP or POH-GGZ, deactivate, reset a second factor."""
    practice = request.user.practice
    form = InviteForm(request.POST or None)
    invitation = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invited, path = invite_user(
            practice=practice, username=data["username"], role=data["role"], first_name=data["first_name"],
            last_name=data["last_name"], email=data["email"], by=request.user, request=request,
        )
        invitation = {"user": invited, "url": request.build_absolute_uri(path)}
        messages.success(request, _("Uitnodiging gemaakt voor %(name)s.") % {"name": invited.display_name})
        form = InviteForm()
    elif request.method == "GET":
        log_access(user=request.user, action=AccessEvent.Action.READ, what="gebruikers", request=request)
    users = User.objects.filter(practice=practice).order_by("last_name", "username")
    return render(request, "practices/users.html", {
        "practice": practice, "users": users, "form": form, "invitation": invitation,
    })
