from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from patients.actions import UnknownFindingError

from .. import flow
from ..access import clinician_required, with_consult
from ..actions import ConsultFinalError, accept_handout_finding


@require_POST
@clinician_required
@with_consult
def consult_language_override(request, consult):
    """The GP marks words the language guard found as not harmful in this context."""
    try:
        accept_handout_finding(
            consult=consult, user=request.user, field=request.POST.get("field", ""),
            phrase=request.POST.get("phrase", ""), matched=request.POST.get("matched", ""), request=request,
        )
    except UnknownFindingError:
        messages.error(request, _("Deze woorden staan niet meer in de tekst. Er is niets vastgelegd."))
    except ConsultFinalError:
        messages.error(request, _("Dit consult is afgerond. Heropen het om iets te veranderen."))
    else:
        messages.success(request, _("Vastgelegd: niet schadelijk in deze context."))
    return redirect(flow.get_step("finish").url(consult))
