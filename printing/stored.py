"""A handed-out handout's PDF, rendered once by the task worker and then only read.

Shared by the consult's issue (uitgifte) and the follow-up handout of a session: both
are stored with their HTML when handed out, and their PDF is attached once, later.
"""

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from .pdf import render_pdf


class StoredPdf:
    """For a model with `handout_pdf` (a FileField, blank until rendered) and `created_at`."""

    @property
    def pdf_overdue(self):
        """No worker made the PDF in time (none runs, or it failed): the download makes it."""
        waited = timezone.now() - self.created_at
        return not self.handout_pdf and waited.total_seconds() > settings.PDF_WORKER_GRACE


def attach_pdf_once(*, record, pdf, name):
    """Store a rendered PDF as `record.handout_pdf`. The first PDF stored is kept; a second
    render of the same record (a worker and a download racing) is thrown away."""
    stored = default_storage.save(name, ContentFile(pdf))
    with transaction.atomic():
        attached = type(record).objects.filter(pk=record.pk, handout_pdf="").update(handout_pdf=stored)
    if not attached:
        default_storage.delete(stored)
    return type(record).objects.get(pk=record.pk)


def issued_pdf(record, *, attach):
    """The PDF of a handed-out handout as the task worker stored it; when no worker made
    it in time, made now and stored with `attach`; None while a worker still may."""
    if not record.handout_pdf:
        if not record.pdf_overdue:
            return None
        record = attach(issue=record, pdf=render_pdf(record.handout_html))
    with record.handout_pdf.open("rb") as stored:
        return stored.read()


def render_once(record, *, attach):
    """The task worker's job: render a handed-out handout's PDF, unless it is there."""
    if not record.handout_pdf:
        attach(issue=record, pdf=render_pdf(record.handout_html))
