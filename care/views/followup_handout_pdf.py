import logging

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from audit.log import log_access
from audit.models import AccessEvent
from consult.access import clinician_required
from consult.issues import pdf_waiting
from printing.pdf import RenderError, render_pdf
from printing.stored import issued_pdf

from ..access import with_session
from ..actions import attach_followup_pdf
from ..documents import followup_handout_html, followup_problems

log = logging.getLogger(__name__)


@clinician_required
@with_session
def followup_handout_pdf(request, session):
    """The follow-up handout as A4 PDF. A handed-out one is the PDF the task worker
    stored; until it is there the POH-GGZ sees that it is being made, then the download.
    One not handed out yet (a preview) renders now, in one of the process's warm renderers."""
    issue = session.issues.order_by("-number").first()
    if issue is None and (problems := followup_problems(session)):
        return render(request, "consult/handout_blocked.html",
                      {"problems": problems, "session": session, "back": f"/sessies/{session.pk}/"}, status=409)
    try:
        data = render_pdf(followup_handout_html(session)) if issue is None else issued_pdf(issue, attach=attach_followup_pdf)
        if data is None:
            return pdf_waiting(request, handout_url=reverse("followup_handout", args=[session.pk]))
    except RenderError:
        log.exception("follow-up PDF failed")
        return render(request, "consult/pdf_failed.html", {"back": f"/sessies/{session.pk}/"}, status=503)
    if request.htmx:  # the waiting page asked: the PDF is there now
        return pdf_waiting(request, handout_url=reverse("followup_handout", args=[session.pk]), ready=True)
    log_access(user=request.user, action=AccessEvent.Action.PRINT, what="vervolgfolder-pdf", subject=session, request=request)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="vervolg-{session.date:%Y-%m-%d}.pdf"'
    patch_vary_headers(response, ["HX-Request"])
    return response
