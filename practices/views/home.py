from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from ..models import Role


def home(request):
    """Each role starts on its own page."""
    user = request.user
    if user.practice_id is not None and user.role == Role.MANAGER:
        return redirect("access_log")
    if user.practice_id is not None and user.role in {Role.GP, Role.POH_GGZ}:
        return redirect("patient_list")
    if user.is_staff:
        return redirect("admin:index")
    raise PermissionDenied
