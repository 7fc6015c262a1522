"""Work done by the task worker (`manage.py db_worker`), outside the web requests."""

from django_tasks import task

from printing.stored import render_once

from .actions import attach_issue_pdf
from .models import Issue


@task()
def render_issue_pdf(issue_id):
    """Render an issue's stored handout once, so that every download is a file read."""
    render_once(Issue.objects.get(pk=issue_id), attach=attach_issue_pdf)
