from django.shortcuts import redirect

from .. import flow
from ..access import clinician_required, with_consult


@clinician_required
@with_consult
def consult_detail(request, consult):
    """Open a consult where it needs the GP next."""
    return redirect(flow.where_to_go(consult).url(consult))
