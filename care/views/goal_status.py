from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from consult.access import clinician_required

from ..access import with_goal
from ..actions import set_goal_status
from ..forms import GoalStatusForm


@require_POST
@clinician_required
@with_goal
def goal_status(request, goal):
    form = GoalStatusForm(request.POST, instance=goal)
    if not form.is_valid():
        return HttpResponseBadRequest()
    set_goal_status(goal=goal, user=request.user, status=form.cleaned_data["status"], request=request)
    back = request.POST.get("terug", "")
    return redirect(back if back.startswith("/") and not back.startswith("//") else f"/patienten/{goal.patient_id}/")
