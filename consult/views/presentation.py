from django.shortcuts import redirect, render

from explanations.models import Metaphor

from .access import consult_view


def slides_for(consult):
    """The metaphors to show: those chosen, else all that fit the chosen model."""
    chosen = list(consult.metaphors.order_by("order", "slug"))
    if chosen:
        return chosen
    if consult.explanation_model_id:
        return list(consult.explanation_model.metaphors.order_by("order", "slug"))
    return list(Metaphor.objects.filter(version=consult.content_version).order_by("order", "slug"))


@consult_view(what="presentation")
def consult_presentation(request, consult):
    """Full screen for turning towards the patient: one drawing, at most three lines.

    Only the metaphor is shown: no patient reference, no notes.
    """
    if not consult.may_explain:
        return redirect("consult_problem_definition", consult.pk)
    slides = slides_for(consult)
    try:
        index = min(max(int(request.GET.get("dia", 1)), 1), len(slides)) - 1
    except ValueError:
        index = 0
    return render(request, "consult/presentation.html", {
        "consult": consult,
        "slide": slides[index] if slides else None,
        "number": index + 1,
        "total": len(slides),
        "previous": index if index > 0 else None,
        "next": index + 2 if index + 1 < len(slides) else None,
    })
