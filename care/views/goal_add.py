from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from consult.access import clinician_required

from ..access import with_session
from ..actions import add_goal
from ..forms import GoalForm


@require_POST
@clinician_required
@with_session
def goal_add(request, session):
    form = GoalForm(request.POST)
    if form.is_valid():
        add_goal(session=session, user=request.user, text=form.cleaned_data["text"], request=request)
        return redirect("session", session.pk)
    return render(request, "care/goal_invalid.html", {"session": session, "form": form}, status=400)
