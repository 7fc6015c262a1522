"""Work done by the task worker (`manage.py db_worker`), outside the web requests."""

from django_tasks import task

from printing.pdf import render_pdf

from .actions import attach_followup_pdf
from .models import FollowUpIssue


@task()
def render_followup_pdf(issue_id):
    """Render a handed-out follow-up handout once, so that every download is a file read."""
    issue = FollowUpIssue.objects.get(pk=issue_id)
    if issue.handout_pdf:
        return
    attach_followup_pdf(issue=issue, pdf=render_pdf(issue.handout_html))
