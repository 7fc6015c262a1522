from ..forms import ProblemDefinitionForm
from .access import consult_view
from .step import handle_step


@consult_view()
def consult_problem_definition(request, consult):
    return handle_step(
        request, consult, step_key="problem_definition", form_class=ProblemDefinitionForm,
        fields_template="consult/steps/problem_definition.html",
    )
