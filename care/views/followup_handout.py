from django.http import HttpResponse
from django.shortcuts import render

from audit.decorators import logged_read
from consult.access import clinician_required

from ..access import with_session
from ..documents import followup_handout_html, followup_problems


@clinician_required
@with_session
@logged_read("vervolgfolder")
def followup_handout(request, session):
    """The follow-up handout as a web page: as handed out, or as it would be now."""
    issue = session.issues.order_by("-number").first()
    if issue is None:
        problems = followup_problems(session)
        if problems:
            return render(request, "consult/handout_blocked.html",
                          {"problems": problems, "session": session, "back": f"/sessies/{session.pk}/"},
                          status=409)
    return HttpResponse(issue.handout_html if issue else followup_handout_html(session))
