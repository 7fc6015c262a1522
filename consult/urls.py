from django.urls import path

from .views.consult_create import consult_create
from .views.consult_detail import consult_detail
from .views.consult_list import consult_list
from .views.copied import consult_copied
from .views.explanation import consult_explanation
from .views.finalise import consult_finalise, consult_reopen
from .views.handout import consult_handout
from .views.handout_pdf import consult_handout_pdf
from .views.outputs import consult_outputs
from .views.plan import consult_plan
from .views.presentation import consult_presentation
from .views.problem_definition import consult_problem_definition
from .views.referral import consult_referral
from .views.scegs import consult_scegs
from .views.start import consult_start

urlpatterns = [
    path("", consult_list, name="consult_list"),
    path("nieuw/", consult_create, name="consult_create"),
    path("<uuid:pk>/", consult_detail, name="consult_detail"),
    path("<uuid:pk>/start/", consult_start, name="consult_start"),
    path("<uuid:pk>/scegs/", consult_scegs, name="consult_scegs"),
    path("<uuid:pk>/probleemdefinitie/", consult_problem_definition, name="consult_problem_definition"),
    path("<uuid:pk>/uitleg/", consult_explanation, name="consult_explanation"),
    path("<uuid:pk>/plan/", consult_plan, name="consult_plan"),
    path("<uuid:pk>/presentatie/", consult_presentation, name="consult_presentation"),
    path("<uuid:pk>/afronden/", consult_outputs, name="consult_outputs"),
    path("<uuid:pk>/afronden/vastleggen/", consult_finalise, name="consult_finalise"),
    path("<uuid:pk>/afronden/heropenen/", consult_reopen, name="consult_reopen"),
    path("<uuid:pk>/folder/", consult_handout, name="consult_handout"),
    path("<uuid:pk>/folder.pdf", consult_handout_pdf, name="consult_handout_pdf"),
    path("<uuid:pk>/verwijzing/", consult_referral, name="consult_referral"),
    path("<uuid:pk>/gekopieerd/", consult_copied, name="consult_copied"),
]
