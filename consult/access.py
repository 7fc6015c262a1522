"""What a request names: the consult, scoped to the user's own practice, and what of it may be shown."""

from functools import wraps

from django.http import Http404
from django.shortcuts import redirect, render

from audit.log import log_access
from audit.models import AccessEvent
from practices.decorators import role_required
from practices.models import Role

from . import flow
from .issues import chosen_issue
from .models import Consult
from .phrase_check import handout_problems

clinician_required = role_required(Role.GP, Role.POH_GGZ)


def with_consult(view):
    """Load the consult named in the URL (`pk`) from the user's own practice, or 404.

    A consult of another practice answers exactly as one that does not exist.
    """

    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        try:
            consult = Consult.objects.for_user(request.user).select_related("content_version", "patient").get(pk=pk)
        except Consult.DoesNotExist:
            if Consult.objects.filter(pk=pk).exists():
                # NEN 7513: a refused attempt is logged, without naming the other practice's patient.
                log_access(user=request.user, action=AccessEvent.Action.DENIED, what="consult-andere-praktijk", request=request)
            raise Http404
        consult.practice = request.user.practice  # the same practice, loaded with the user
        return view(request, consult, *args, **kwargs)

    wrapper.scoped_to_practice = True
    return wrapper


def with_handout(view=None, *, texts=True):
    """Pass the issue (uitgifte) the request asks for, or None for the consult as it is
    now, and stop the handout when it may not be made.

    What was handed out can always be shown again. Otherwise the handout needs a joint
    problem definition, no open red flag, an explanation, and no phrase to avoid.
    `texts=False`: the view reads an issue's stored PDF, not its texts (see chosen_issue).
    """
    if view is None:
        return lambda view: with_handout(view, texts=texts)

    @wraps(view)
    def wrapper(request, consult, *args, **kwargs):
        issue = chosen_issue(request, consult, texts=texts)
        if issue is None:
            if not consult.can_hand_out:
                return redirect(flow.where_to_go(consult).url(consult))
            problems = handout_problems(consult)
            if problems:
                return render(request, "consult/handout_blocked.html", {"consult": consult, "problems": problems}, status=409)
        return view(request, consult, issue, *args, **kwargs)

    return wrapper


def posted_version(request):
    """The consult version a form was shown with, or None."""
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() and len(value) < 10 else None
