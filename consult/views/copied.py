from django.http import HttpResponse
from django.views.decorators.http import require_POST

from ..actions import log_access
from ..models import AccessEvent
from .access import client_ip, consult_view

COPYABLE = {"referral", "journal"}


@require_POST
@consult_view()
def consult_copied(request, consult):
    """The copy buttons report here, so copying patient text is in the access log."""
    what = request.POST.get("what")
    if what in COPYABLE:
        log_access(user=request.user, consult=consult, action=AccessEvent.Action.COPY, what=what, ip_address=client_ip(request))
    return HttpResponse(status=204)
