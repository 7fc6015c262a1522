import logging

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django_weasyprint.compat import content_disposition_header

from ..models import AccessEvent
from ..outputs import handout_context
from ..pdf import HandoutPDFResponse, PDFCache, PDFRenderError
from ..snapshots import chosen_snapshot
from .access import consult_view
from .gates import handout_gate

log = logging.getLogger(__name__)


@consult_view(log_as=AccessEvent.Action.PRINT, what="handout_pdf")
def consult_handout_pdf(request, consult):
    filename = f"uitleg-{timezone.localdate(consult.created_at):%Y-%m-%d}.pdf"
    snapshot = chosen_snapshot(request, consult)
    if stop := handout_gate(request, consult, snapshot):
        return stop
    cache = PDFCache()
    if snapshot:
        cached = cache.get(snapshot.handout_hash)
        if cached is not None:
            response = HttpResponse(cached, content_type="application/pdf")
            response["Content-Disposition"] = content_disposition_header(True, filename)
            response["X-PDF-Cache"] = "hit"
            return response
        response = HandoutPDFResponse(request, "outputs/stored.html", {"html": snapshot.handout_html}, filename=filename)
    else:
        response = HandoutPDFResponse(
            request, "outputs/handout.html", {**handout_context(consult), "for_pdf": True}, filename=filename
        )
    try:
        response.render()
    except PDFRenderError:
        log.exception("handout PDF failed")
        return render(request, "consult/pdf_failed.html", {"consult": consult}, status=503)
    if snapshot:
        cache.put(snapshot.handout_hash, response.content)
        response["X-PDF-Cache"] = "miss"
    return response
