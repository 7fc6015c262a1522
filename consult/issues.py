from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from .models import Issue

ISSUE_PARAMETER = "uitgifte"


def chosen_issue(request, consult, *, texts=True):
    """The issue (uitgifte) a request asks for (?uitgifte=N), else the latest of a
    finalised consult. None means: show the consult as it is now. Without `texts` the
    issue's stored HTML and texts (large) are left in the database until asked for."""
    issues = consult.issues.all() if texts else consult.issues.defer(*Issue.TEXTS)
    number = request.GET.get(ISSUE_PARAMETER)
    if number:
        if not number.isdigit() or len(number) > 6:
            raise Http404
        issue = issues.filter(number=int(number)).first()
        if issue is None:
            raise Http404
        return issue
    if consult.is_final:
        return issues.order_by("-number").first()
    return None


def issue_handout_url(consult, issue):
    """The handout of one issue in the browser."""
    return f"{reverse('consult_handout', args=[consult.pk])}?{ISSUE_PARAMETER}={issue.number}"


# htmx stops polling on this status.
STOP_POLLING = 286


def pdf_waiting(request, *, handout_url, ready=False):
    """"PDF wordt gemaakt…", polled by htmx until the task worker stored the PDF; with a
    link to the handout in the browser (`handout_url`) meanwhile."""
    template = "consult/pdf_waiting.html#pdf-status" if request.htmx else "consult/pdf_waiting.html"
    response = render(request, template, {"handout_url": handout_url, "ready": ready},
                      status=STOP_POLLING if ready else 200)
    patch_vary_headers(response, ["HX-Request"])
    return response
