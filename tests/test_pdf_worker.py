"""A finalised consult's PDF is made by the task worker, not by the web request."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from consult.actions import finalise_consult
from consult.models import Issue
from tests.factories import mrs_k_consult
from tests.helpers import HTMX, url
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queued_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_worker_renders_the_pdf_and_the_download_is_a_file_read(queued_tasks, content, anna, anna_client, monkeypatch):
    consult = mrs_k_consult(user=anna)
    issue = finalise_consult(consult=consult, user=anna, expected_version=consult.version)
    assert not Issue.objects.get(pk=issue.pk).handout_pdf  # the request did not render

    page = anna_client.get(url("consult_handout_pdf", consult)).content.decode()
    assert "PDF wordt gemaakt…" in page and 'hx-trigger="every 1s"' in page
    poll = anna_client.get(url("consult_handout_pdf", consult), **HTMX)
    assert poll.status_code == 200 and "PDF wordt gemaakt…" in poll.content.decode()
    assert "<html" not in poll.content.decode()  # only the status piece

    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    stored = Issue.objects.get(pk=issue.pk).handout_pdf
    assert stored and stored.read().startswith(b"%PDF")

    import consult.views.handout_pdf as view
    import printing.stored

    def no_rendering_in_the_request(html):
        raise AssertionError("the download rendered")

    monkeypatch.setattr(view, "render_pdf", no_rendering_in_the_request)
    monkeypatch.setattr(printing.stored, "render_pdf", no_rendering_in_the_request)
    poll = anna_client.get(url("consult_handout_pdf", consult), **HTMX)
    assert poll.status_code == 286 and "De PDF is klaar." in poll.content.decode()  # htmx stops polling
    with CaptureQueriesContext(connection) as queries:
        download = anna_client.get(url("consult_handout_pdf", consult))
    assert download["Content-Type"] == "application/pdf" and download.content.startswith(b"%PDF")
    # The file is read; what was handed out (tens of kB of HTML and texts) stays in the database.
    assert not [q["sql"] for q in queries.captured_queries if "handout_html" in q["sql"]]


def test_a_handed_out_follow_up_handout_is_rendered_by_the_worker(queued_tasks, mrs_k_session, sanne, bram_client):
    from care.actions import issue_followup_handout
    from care.models import FollowUpIssue
    from tests.conftest import client_for

    session = mrs_k_session
    issue = issue_followup_handout(session=session, user=sanne, expected_version=session.version)
    assert not FollowUpIssue.objects.get(pk=issue.pk).handout_pdf  # the request did not render

    client, pdf_url = client_for(sanne), reverse("followup_handout_pdf", args=[session.pk])
    page = client.get(pdf_url).content.decode()
    assert "PDF wordt gemaakt…" in page and f'href="{reverse("followup_handout", args=[session.pk])}"' in page
    assert bram_client.get(pdf_url).status_code == 404  # another practice

    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    stored = FollowUpIssue.objects.get(pk=issue.pk).handout_pdf
    assert stored and stored.read().startswith(b"%PDF")
    poll = client.get(pdf_url, **HTMX)
    assert poll.status_code == 286 and "De PDF is klaar." in poll.content.decode()
    download = client.get(pdf_url)
    assert download["Content-Type"] == "application/pdf" and "We bespraken hoe u uw dag verdeelt." in pdf_text(download.content)
