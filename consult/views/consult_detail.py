from django.shortcuts import redirect

from .. import flow
from .access import consult_view


@consult_view()
def consult_detail(request, consult):
    """Open a consult where it needs the GP next."""
    step = flow.next_step(consult)
    if step is None:
        step = flow.get_step("outputs" if consult.may_explain else "problem_definition")
    return redirect(step.url(consult))
