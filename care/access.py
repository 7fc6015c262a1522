"""Loading an intake, session or goal for a request: through its patient, scoped to the
user's own practice. Another practice's record answers as one that does not exist."""

from functools import wraps

from django.http import Http404

from audit.log import log_access
from audit.models import AccessEvent

from .models import Goal, Intake, Session


def _scoped(model, name):
    def decorator(view):
        @wraps(view)
        def wrapper(request, pk, *args, **kwargs):
            related = ["patient", "content_version"] if hasattr(model, "content_version") else ["patient"]
            record = model.objects.select_related(*related).filter(pk=pk).first()
            if record is None or record.patient.practice_id != request.user.practice_id:
                if record is not None:
                    log_access(user=request.user, action=AccessEvent.Action.DENIED, what=f"{name}-andere-praktijk",
                               request=request)
                raise Http404
            return view(request, record, *args, **kwargs)

        wrapper.scoped_to_practice = True
        return wrapper

    return decorator


with_intake = _scoped(Intake, "intake")
with_session = _scoped(Session, "sessie")
with_goal = _scoped(Goal, "doel")
