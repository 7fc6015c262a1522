from django.shortcuts import redirect

from ..forms import PlanForm
from .access import consult_view
from .step import handle_step


@consult_view()
def consult_plan(request, consult):
    if not consult.may_explain:
        return redirect("consult_problem_definition", consult.pk)
    return handle_step(request, consult, step_key="plan", form_class=PlanForm, fields_template="consult/steps/plan.html")
