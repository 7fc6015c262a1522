"""Work done by the task worker (`manage.py db_worker`), outside the web requests."""

from django_tasks import task

from printing.pdf import render_pdf

from .actions import attach_issue_pdf
from .models import Issue


@task()
def render_issue_pdf(issue_id):
    """Render an issue's stored handout once, so that every download is a file read."""
    issue = Issue.objects.get(pk=issue_id)
    if issue.handout_pdf:
        return
    attach_issue_pdf(issue=issue, pdf=render_pdf(issue.handout_html))
