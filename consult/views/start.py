from ..forms import StartForm
from .access import consult_view
from .step import handle_step


@consult_view()
def consult_start(request, consult):
    return handle_step(request, consult, step_key="start", form_class=StartForm, fields_template="consult/steps/start.html")
