import logging

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from audit.log import log_access
from audit.models import AccessEvent
from printing.pdf import RenderError, render_pdf
from printing.stored import issued_pdf

from ..access import clinician_required, with_consult, with_handout
from ..actions import attach_issue_pdf
from ..handout import render_handout_html
from ..issues import issue_handout_url, pdf_waiting

log = logging.getLogger(__name__)


@clinician_required
@with_consult
@with_handout(texts=False)
def consult_handout_pdf(request, consult, issue):
    """The handout as A4 PDF. An issued handout is the PDF the task worker stored after
    finalising; until it is there the GP sees that it is being made, then the download.
    The handout of an open consult (a preview) renders now, in one of the process's warm renderers."""
    try:
        data = render_pdf(render_handout_html(consult)) if issue is None else issued_pdf(issue, attach=attach_issue_pdf)
        if data is None:
            return pdf_waiting(request, handout_url=issue_handout_url(consult, issue))
    except RenderError:
        log.exception("handout PDF failed")
        return render(request, "consult/pdf_failed.html", {"consult": consult}, status=503)
    if request.htmx:  # the waiting page asked: the PDF is there now
        return pdf_waiting(request, handout_url=issue_handout_url(consult, issue), ready=True)
    log_access(user=request.user, action=AccessEvent.Action.PRINT, what="folder-pdf", subject=consult, request=request)
    response = HttpResponse(data, content_type="application/pdf")
    filename = f"uitleg-{timezone.localdate(consult.created_at):%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_vary_headers(response, ["HX-Request"])
    return response

