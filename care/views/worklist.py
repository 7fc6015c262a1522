import datetime

from django.shortcuts import render
from django.utils import timezone

from audit.log import log_access
from audit.models import AccessEvent
from consult.access import clinician_required
from consult.models import Consult
from patients.models import Patient

from ..models import Intake, Session


@clinician_required
def worklist(request):
    """For the POH-GGZ (and the GP): patients referred to the POH-GGZ without an intake
    yet, and the sessions planned for this week."""
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    sunday = monday + datetime.timedelta(days=6)
    practice = request.user.practice_id
    referred_ids = set(Consult.objects.filter(practice_id=practice).referring_to_poh_ggz()
                       .values_list("patient_id", flat=True).distinct())
    with_intake = set(Intake.objects.filter(patient__practice_id=practice).values_list("patient_id", flat=True))
    waiting = Patient.objects.filter(pk__in=referred_ids - with_intake).order_by("reference")
    sessions = (Session.objects.filter(patient__practice_id=practice, date__range=(monday, sunday))
                .select_related("patient", "created_by").order_by("date"))
    log_access(user=request.user, action=AccessEvent.Action.READ, what="werklijst", request=request)
    return render(request, "care/worklist.html", {"waiting": waiting, "sessions": sessions, "monday": monday, "sunday": sunday})
