import logging

from django.http import HttpResponse
from django.shortcuts import render

from audit.decorators import logged_read
from audit.models import AccessEvent
from consult.access import clinician_required
from printing.pdf import RenderError, render_pdf

from ..access import with_session
from ..documents import followup_handout_html, followup_problems

log = logging.getLogger(__name__)


@clinician_required
@with_session
@logged_read("vervolgfolder-pdf", action=AccessEvent.Action.PRINT)
def followup_handout_pdf(request, session):
    issue = session.issues.order_by("-number").first()
    if issue is None and (problems := followup_problems(session)):
        return render(request, "consult/handout_blocked.html",
                      {"problems": problems, "session": session, "back": f"/sessies/{session.pk}/"}, status=409)
    try:
        if issue and issue.handout_pdf:
            with issue.handout_pdf.open("rb") as stored:
                data = stored.read()
        else:
            data = render_pdf(issue.handout_html if issue else followup_handout_html(session))
    except RenderError:
        log.exception("follow-up PDF failed")
        return render(request, "consult/pdf_failed.html", {"back": f"/sessies/{session.pk}/"}, status=503)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="vervolg-{session.date:%Y-%m-%d}.pdf"'
    return response
