from django.http import HttpResponse

from ..outputs import render_handout_html
from ..snapshots import chosen_snapshot
from .access import consult_view
from .gates import handout_gate


@consult_view(what="handout")
def consult_handout(request, consult):
    """The HTML twin of the handout PDF; for a finalised consult, exactly what was handed out."""
    snapshot = chosen_snapshot(request, consult)
    if stop := handout_gate(request, consult, snapshot):
        return stop
    html = snapshot.handout_html if snapshot else render_handout_html(consult)
    return HttpResponse(html)
