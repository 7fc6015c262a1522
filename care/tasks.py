"""Work done by the task worker (`manage.py db_worker`), outside the web requests."""

from django_tasks import task

from printing.stored import render_once

from .actions import attach_followup_pdf
from .models import FollowUpIssue


@task()
def render_followup_pdf(issue_id):
    """Render a handed-out follow-up handout once, so that every download is a file read."""
    render_once(FollowUpIssue.objects.get(pk=issue_id), attach=attach_followup_pdf)
