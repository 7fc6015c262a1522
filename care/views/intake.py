import functools

from audit.decorators import logged_read
from autosave.page import autosave_page
from consult.access import clinician_required
from consult.phrase_check import warnings_by_field
from practices.models import Role

from ..access import with_intake
from ..actions import save_intake_answers
from ..forms import IntakeForm
from ..pages import intake_context


@clinician_required
@with_intake
@logged_read("intake")
def intake(request, intake):
    """The POH-GGZ's intake; the GP reads it."""
    save = functools.partial(save_intake_answers, intake=intake, user=request.user, request=request)
    return autosave_page(request, record=intake, form_class=IntakeForm, save=save, template="care/intake.html",
                         context=intake_context, readonly=request.user.role != Role.POH_GGZ,
                         warnings=lambda texts: warnings_by_field(intake.library, texts))
