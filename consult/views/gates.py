"""Checks shared by the views that produce the patient handout."""

from django.shortcuts import redirect, render

from ..language import handout_problems


def handout_gate(request, consult, snapshot):
    """A response that stops the handout, or None when it may be made.

    What was handed out (a snapshot) can always be shown again. Otherwise the handout
    needs a joint problem definition and an explanation, and no phrase to avoid.
    """
    if snapshot is not None:
        return None
    if not (consult.may_explain and consult.explanation_model_id):
        return redirect("consult_problem_definition", consult.pk)
    problems = handout_problems(consult)
    if problems:
        return render(request, "consult/handout_blocked.html", {"consult": consult, "problems": problems}, status=409)
    return None
