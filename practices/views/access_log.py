from django.shortcuts import redirect, render

from audit.log import log_access
from audit.models import AccessEvent

from ..decorators import role_required
from ..log_filter import SESSION_KEY, LogFilterForm, cursor, filtered_events
from ..models import Role

PAGE = 50


@role_required(Role.MANAGER)
def access_log(request):
    """NEN 7513: who read, changed, printed or copied which consult of this practice.

    Newest first, a page at a time by id (the log only grows, so no page ever shifts).
    """
    practice = request.user.practice
    stored = request.session.get(SESSION_KEY, {})
    if request.method == "POST":
        if "clear" in request.POST:
            request.session.pop(SESSION_KEY, None)
            return redirect("access_log")
        form = LogFilterForm(request.POST, practice=practice)
        if form.is_valid():
            request.session[SESSION_KEY] = form.stored()
            log_access(user=request.user, action=AccessEvent.Action.SEARCH, what="toegangslog", request=request)
            return redirect("access_log")
    else:
        form = LogFilterForm(initial=stored, practice=practice)
        log_access(user=request.user, action=AccessEvent.Action.READ, what="toegangslog", request=request)
    events = filtered_events(practice, stored).select_related("user")
    before, after = cursor(request.GET.get("voor")), cursor(request.GET.get("na"))
    if after is not None:
        page = list(events.filter(id__gt=after).order_by("id")[:PAGE])[::-1]
    else:
        page = list((events.filter(id__lt=before) if before else events).order_by("-id")[:PAGE + 1])
    has_older = len(page) > PAGE if after is None else events.filter(id__lt=page[-1].id).exists() if page else False
    page = page[:PAGE]
    return render(request, "practices/access_log.html", {
        "practice": practice,
        "form": form,
        "filtered": bool(stored),
        "events": page,
        "older": page[-1].id if page and has_older else None,
        "newer": page[0].id if page and (before or after) and events.filter(id__gt=page[0].id).exists() else None,
    })
