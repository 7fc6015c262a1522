from explanations.models import SeverityGrade

from ..forms import ScegsForm
from .access import consult_view
from .step import handle_step


def severity_context(consult):
    return {"severity_grades": SeverityGrade.objects.filter(version=consult.content_version)}


@consult_view()
def consult_scegs(request, consult):
    return handle_step(
        request, consult, step_key="scegs", form_class=ScegsForm,
        fields_template="consult/steps/scegs.html", extra_context=severity_context,
    )
