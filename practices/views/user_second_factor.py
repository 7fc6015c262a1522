from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..actions import reset_second_factor
from ..decorators import role_required
from ..models import Role, User


@require_POST
@role_required(Role.MANAGER)
def user_second_factor(request, pk):
    """Reset a colleague's second factor (a lost phone): they are logged out everywhere
    and set up a new one at their next login."""
    user = get_object_or_404(User.objects.filter(practice=request.user.practice).exclude(pk=request.user.pk), pk=pk)
    reset_second_factor(user=user, by=request.user, request=request)
    messages.success(request, _("De tweede factor van %(name)s is gewist; bij de volgende keer inloggen stelt die een nieuwe in.")
                     % {"name": user.display_name})
    return redirect("practice_users")
