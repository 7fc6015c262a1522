from django.http import HttpResponse

from audit.decorators import logged_read

from ..access import clinician_required, with_consult, with_handout
from ..handout import render_handout_html


@clinician_required
@with_consult
@logged_read("folder")
@with_handout
def consult_handout(request, consult, issue):
    """The handout as a web page: the HTML twin of the PDF, or exactly what was issued."""
    return HttpResponse(issue.handout_html if issue else render_handout_html(consult))
