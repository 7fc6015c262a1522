from django.shortcuts import redirect, render
from django.utils import translation

from audit.decorators import logged_read

from .. import flow
from ..access import clinician_required, with_consult
from ..documents import presentation_slides


@clinician_required
@with_consult
@logged_read("presentatie")
def consult_presentation(request, consult):
    """Full screen for turning towards the patient: one drawing, at most three lines.

    Only the metaphor is shown: no patient reference, no notes.
    """
    if not consult.may_explain:
        return redirect(flow.where_to_go(consult).url(consult))
    slides = presentation_slides(consult)
    try:
        index = min(max(int(request.GET.get("dia", 1)), 1), len(slides)) - 1
    except ValueError:
        index = 0
    with translation.override(consult.handout_library.language):  # the patient's screen: the handout's language
        return render(request, "consult/presentation.html", {
            "consult": consult,
            "back_url": flow.get_step("explanation").url(consult),
            "slide": slides[index] if slides else None,
            "number": index + 1,
            "total": len(slides),
            "previous": index if index > 0 else None,
            "next": index + 2 if index + 1 < len(slides) else None,
        })
