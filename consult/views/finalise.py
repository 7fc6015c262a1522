from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..actions import (
    ConsultFinalError,
    HandoutLanguageError,
    NotReadyError,
    StaleConsultError,
    finalise_consult,
    reopen_consult,
)
from .access import client_ip, consult_view


def _version(request):
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


@require_POST
@consult_view()
def consult_finalise(request, consult):
    """Hand out: freeze the handout, referral texts and SOEP lines as they are now."""
    try:
        snapshot = finalise_consult(
            consult=consult, user=request.user, expected_version=_version(request), ip_address=client_ip(request)
        )
    except StaleConsultError:
        messages.error(request, _("Niet afgerond: het consult is intussen gewijzigd. Controleer de teksten en probeer opnieuw."))
    except ConsultFinalError:
        messages.info(request, _("Dit consult was al afgerond."))
    except NotReadyError:
        messages.error(request, _("Kies eerst een verklaringsmodel en metafoor."))
    except HandoutLanguageError:
        messages.error(request, _("Niet afgerond: de folder bevat woorden die herstel in de weg kunnen zitten. Pas de tekst aan."))
    else:
        messages.success(request, _("Afgerond. Uitgifte %(n)s is vastgelegd en kan later precies zo opnieuw worden afgedrukt.") % {"n": snapshot.number})
    return redirect("consult_outputs", consult.pk)


@require_POST
@consult_view()
def consult_reopen(request, consult):
    """Open a finalised consult again; what was handed out stays as it was."""
    try:
        reopen_consult(consult=consult, user=request.user, expected_version=_version(request), ip_address=client_ip(request))
    except StaleConsultError:
        messages.error(request, _("Niet heropend: het consult is intussen gewijzigd. Laad de pagina opnieuw."))
    else:
        messages.success(request, _("Heropend. Een nieuwe afronding maakt een nieuwe uitgifte; de vorige blijft bewaard."))
    return redirect("consult_outputs", consult.pk)
