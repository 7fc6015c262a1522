import logging

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from audit.decorators import logged_read
from audit.models import AccessEvent
from printing.pdf import RenderError

from ..access import clinician_required, with_consult
from ..export import consult_zip

log = logging.getLogger(__name__)


@clinician_required
@with_consult
@logged_read("inzage-export", action=AccessEvent.Action.COPY)
def consult_export(request, consult):
    """Everything about one consult as a ZIP, for the patient's right of access."""
    try:
        data = consult_zip(consult, author=request.user)
    except RenderError:
        log.exception("export PDF failed")
        return render(request, "consult/pdf_failed.html", {"consult": consult}, status=503)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="inzage-consult-{timezone.localdate():%Y-%m-%d}.zip"'
    return response
