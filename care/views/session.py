import functools

from audit.decorators import logged_read
from autosave.page import autosave_page
from consult.access import clinician_required
from consult.phrase_check import warnings_by_field

from ..access import with_session
from ..actions import save_session_answers
from ..forms import SessionForm
from ..pages import session_context


@clinician_required
@with_session
@logged_read("sessie")
def session(request, session):
    """A follow-up session: notes, what the patient takes home, goals and PHQ-15."""
    save = functools.partial(save_session_answers, session=session, user=request.user, request=request)
    return autosave_page(request, record=session, form_class=SessionForm, save=save, template="care/session.html",
                         context=session_context, readonly=session.is_final,
                         warnings=lambda texts: warnings_by_field(session.library, texts))
