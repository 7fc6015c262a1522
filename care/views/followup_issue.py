from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consult.access import clinician_required, posted_version
from consult.actions import StaleConsultError

from ..access import with_session
from ..actions import HandoutLanguageError, SessionFinalError, issue_followup_handout


@require_POST
@clinician_required
@with_session
def followup_issue(request, session):
    """Hand out the follow-up handout: it is frozen as it is now."""
    try:
        issue_followup_handout(session=session, user=request.user, expected_version=posted_version(request), request=request)
    except StaleConsultError:
        messages.error(request, _("Niet meegegeven: de sessie is intussen gewijzigd. Controleer de folder en probeer opnieuw."))
    except SessionFinalError:
        messages.info(request, _("Deze vervolgfolder was al meegegeven."))
    except HandoutLanguageError:
        messages.error(request, _("Niet meegegeven: de folder bevat woorden die herstel in de weg kunnen zitten. Pas de tekst aan."))
    else:
        messages.success(request, _("Meegegeven. De vervolgfolder ligt vast en kan later precies zo opnieuw worden afgedrukt."))
    return redirect("session", session.pk)
