from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consult.access import clinician_required
from patients.actions import UnknownFindingError

from ..access import with_session
from ..actions import SessionFinalError, accept_followup_finding


@require_POST
@clinician_required
@with_session
def followup_language_override(request, session):
    """A clinician marks words the language guard found as not harmful in this context."""
    try:
        accept_followup_finding(
            session=session, user=request.user, field=request.POST.get("field", ""),
            phrase=request.POST.get("phrase", ""), matched=request.POST.get("matched", ""), request=request,
        )
    except UnknownFindingError:
        messages.error(request, _("Deze woorden staan niet meer in de tekst. Er is niets vastgelegd."))
    except SessionFinalError:
        messages.error(request, _("Deze vervolgfolder is al meegegeven."))
    else:
        messages.success(request, _("Vastgelegd: niet schadelijk in deze context."))
    return redirect("session", session.pk)
