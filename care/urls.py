from django.urls import path

from .views.followup_handout import followup_handout
from .views.followup_handout_pdf import followup_handout_pdf
from .views.followup_issue import followup_issue
from .views.followup_language_override import followup_language_override
from .views.goal_add import goal_add
from .views.goal_status import goal_status
from .views.handover import handover
from .views.intake import intake
from .views.intake_referral import intake_referral
from .views.intake_start import intake_start
from .views.patient_destroy import patient_destroy
from .views.patient_detail import patient_detail
from .views.patient_edit import patient_edit
from .views.patient_list import patient_list
from .views.session import session
from .views.session_plan import session_plan
from .views.timeline import patient_timeline
from .views.worklist import worklist

urlpatterns = [
    path("patienten/", patient_list, name="patient_list"),
    path("patienten/<uuid:pk>/", patient_detail, name="patient_detail"),
    path("patienten/<uuid:pk>/gegevens/", patient_edit, name="patient_edit"),
    path("patienten/<uuid:pk>/tijdlijn/", patient_timeline, name="patient_timeline"),
    path("patienten/<uuid:pk>/overdracht/", handover, name="handover"),
    path("patienten/<uuid:pk>/intake/", intake_start, name="intake_start"),
    path("patienten/<uuid:pk>/sessies/", session_plan, name="session_plan"),
    path("intakes/<uuid:pk>/", intake, name="intake"),
    path("intakes/<uuid:pk>/verwijstekst/", intake_referral, name="intake_referral"),
    path("sessies/<uuid:pk>/", session, name="session"),
    path("sessies/<uuid:pk>/doelen/", goal_add, name="goal_add"),
    path("sessies/<uuid:pk>/folder/", followup_handout, name="followup_handout"),
    path("sessies/<uuid:pk>/folder.pdf", followup_handout_pdf, name="followup_handout_pdf"),
    path("sessies/<uuid:pk>/meegeven/", followup_issue, name="followup_issue"),
    path("sessies/<uuid:pk>/niet-schadelijk/", followup_language_override, name="followup_language_override"),
    path("doelen/<uuid:pk>/", goal_status, name="goal_status"),
    path("werklijst/", worklist, name="worklist"),
    path("praktijk/vernietigen/", patient_destroy, name="patient_destroy"),
]
