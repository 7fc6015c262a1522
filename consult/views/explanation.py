from django.shortcuts import redirect

from explanations.models import ExplanationModel

from ..forms import ExplanationForm
from .access import consult_view
from .step import handle_step


def models_context(consult):
    models = ExplanationModel.objects.filter(version=consult.content_version).prefetch_related("metaphors", "key_terms")
    return {"models": models}


@consult_view()
def consult_explanation(request, consult):
    if not consult.may_explain:
        return redirect("consult_problem_definition", consult.pk)
    return handle_step(
        request, consult, step_key="explanation", form_class=ExplanationForm,
        fields_template="consult/steps/explanation.html", extra_context=models_context,
    )
