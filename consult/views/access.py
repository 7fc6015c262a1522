"""Decorators that load a consult scoped to the user's practice and check the role."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from ..actions import log_access
from ..models import AccessEvent, Consult


def client_ip(request):
    """The client's address for the access log (the proxy's view of it when configured)."""
    if settings.USE_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR") or None


def clinician_required(view):
    """GP and POH-GGZ of a practice; anyone else is refused.

    An htmx request after the session expired gets 401 instead of the login page, so
    the page keeps what was typed and says why it was not saved.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.htmx:
                return HttpResponse(status=401)
            return redirect_to_login(request.get_full_path())
        if not request.user.is_clinician:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def consult_view(log_as=AccessEvent.Action.READ, what=""):
    """Load the consult named in the URL from the user's own practice, or answer 404.

    GET requests are written to the access log as `log_as`; changes are logged by the
    actions that make them.
    """

    def decorator(view):
        @clinician_required
        @wraps(view)
        def wrapper(request, pk, *args, **kwargs):
            consult = get_object_or_404(
                Consult.objects.for_user(request.user).select_related("content_version", "explanation_model", "severity"),
                pk=pk,
            )
            if request.method == "GET":
                log_access(user=request.user, consult=consult, action=log_as, what=what or view.__name__, ip_address=client_ip(request))
            return view(request, consult, *args, **kwargs)

        return wrapper

    return decorator
