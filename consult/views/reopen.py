from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import flow
from ..access import clinician_required, posted_version, with_consult
from ..actions import StaleConsultError, reopen_consult


@require_POST
@clinician_required
@with_consult
def consult_reopen(request, consult):
    """Open a finalised consult again; what was handed out stays as it was."""
    try:
        reopen_consult(consult=consult, user=request.user, expected_version=posted_version(request), request=request)
    except StaleConsultError:
        messages.error(request, _("Niet heropend: het consult is intussen gewijzigd. Laad de pagina opnieuw."))
    else:
        messages.success(request, _("Heropend. Een nieuwe afronding maakt een nieuwe uitgifte; de vorige blijft bewaard."))
    return redirect(flow.get_step("finish").url(consult))
