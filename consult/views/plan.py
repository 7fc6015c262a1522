from django.shortcuts import redirect

from ..forms import PlanForm
from .access import consult_view
from .step import handle_step


def suggestions(consult):
    """What the chosen explanation model suggests, marked in the lists."""
    model = consult.explanation_model
    if model is None:
        return {}
    return {
        "suggested_advice": set(model.suggested_advice.values_list("pk", flat=True)),
        "suggested_referrals": set(model.suggested_referrals.values_list("pk", flat=True)),
    }


@consult_view()
def consult_plan(request, consult):
    if not consult.may_explain:
        return redirect("consult_problem_definition", consult.pk)
    return handle_step(
        request, consult, step_key="plan", form_class=PlanForm,
        fields_template="consult/steps/plan.html", extra_context=suggestions,
    )
