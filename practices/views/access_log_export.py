from django.http import StreamingHttpResponse
from django.utils import timezone

from audit.log import log_access
from audit.models import AccessEvent

from ..decorators import role_required
from ..log_export import csv_rows
from ..log_filter import SESSION_KEY, filtered_events
from ..models import Role


@role_required(Role.MANAGER)
def access_log_export(request):
    """The (filtered) access log of the practice as CSV; the export itself is logged."""
    events = filtered_events(request.user.practice, request.session.get(SESSION_KEY, {})).select_related("user").order_by("-id")
    log_access(user=request.user, action=AccessEvent.Action.COPY, what="toegangslog-export", request=request)
    response = StreamingHttpResponse(csv_rows(events), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="toegangslog-{timezone.localdate():%Y-%m-%d}.csv"'
    return response
