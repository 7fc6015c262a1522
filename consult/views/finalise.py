from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import flow
from ..access import clinician_required, posted_version, with_consult
from ..actions import ConsultFinalError, HandoutLanguageError, NotReadyError, StaleConsultError, finalise_consult

@require_POST
@clinician_required
@with_consult
def consult_finalise(request, consult):
    """Hand out: freeze the handout, referral texts and SOEP lines as they are now."""
    try:
        issue = finalise_consult(consult=consult, user=request.user, expected_version=posted_version(request), request=request)
    except StaleConsultError:
        messages.error(request, _("Niet afgerond: het consult is intussen gewijzigd. Controleer de teksten en probeer opnieuw."))
    except ConsultFinalError:
        messages.info(request, _("Dit consult was al afgerond."))
    except NotReadyError:
        messages.error(request, _("Niet afgerond: kies eerst een verklaringsmodel en metafoor, na een gezamenlijke probleemdefinitie."))
    except HandoutLanguageError:
        messages.error(request, _("Niet afgerond: de folder bevat woorden die herstel in de weg kunnen zitten. Pas de tekst aan."))
    else:
        messages.success(request, _("Afgerond. Uitgifte %(n)s is vastgelegd en kan later precies zo opnieuw worden afgedrukt.") % {"n": issue.number})
    return redirect(flow.get_step("finish").url(consult))
