from django.http import HttpResponse
from django.views.decorators.http import require_POST

from ..access import clinician_required, with_consult
from ..actions import log_copy

COPYABLE = {"referral": "verwijstekst", "journal": "journaalregels"}


@require_POST
@clinician_required
@with_consult
def consult_copied(request, consult):
    """The copy buttons report here, so copying patient text is in the access log."""
    what = request.POST.get("what")
    if what in COPYABLE:
        log_copy(consult=consult, user=request.user, what=COPYABLE[what], request=request)
    return HttpResponse(status=204)
