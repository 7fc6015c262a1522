import logging

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from audit.decorators import logged_read
from audit.models import AccessEvent
from printing.pdf import RenderError, render_pdf

from ..access import clinician_required, with_consult, with_handout
from ..handout import render_handout_html

log = logging.getLogger(__name__)


@clinician_required
@with_consult
@logged_read("folder-pdf", action=AccessEvent.Action.PRINT)
@with_handout
def consult_handout_pdf(request, consult, issue):
    """The handout as A4 PDF. An issued handout is the PDF stored when it was finalised."""
    try:
        if issue and issue.handout_pdf:
            with issue.handout_pdf.open("rb") as stored:
                data = stored.read()
        else:
            data = render_pdf(issue.handout_html if issue else render_handout_html(consult))
    except RenderError:
        log.exception("handout PDF failed")
        return render(request, "consult/pdf_failed.html", {"consult": consult}, status=503)
    response = HttpResponse(data, content_type="application/pdf")
    filename = f"uitleg-{timezone.localdate(consult.created_at):%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
