from django.urls import path

from .views.consult_create import consult_create
from .views.consult_detail import consult_detail
from .views.copied import consult_copied
from .views.export import consult_export
from .views.finalise import consult_finalise
from .views.handout import consult_handout
from .views.handout_pdf import consult_handout_pdf
from .views.language_override import consult_language_override
from .views.presentation import consult_presentation
from .views.referral import consult_referral
from .views.reopen import consult_reopen
from .views.step import consult_step

urlpatterns = [
    path("nieuw/", consult_create, name="consult_create"),
    path("<uuid:pk>/", consult_detail, name="consult_detail"),
    path("<uuid:pk>/inzage.zip", consult_export, name="consult_export"),
    path("<uuid:pk>/presentatie/", consult_presentation, name="consult_presentation"),
    path("<uuid:pk>/afronden/vastleggen/", consult_finalise, name="consult_finalise"),
    path("<uuid:pk>/afronden/heropenen/", consult_reopen, name="consult_reopen"),
    path("<uuid:pk>/folder/", consult_handout, name="consult_handout"),
    path("<uuid:pk>/folder.pdf", consult_handout_pdf, name="consult_handout_pdf"),
    path("<uuid:pk>/niet-schadelijk/", consult_language_override, name="consult_language_override"),
    path("<uuid:pk>/verwijzing/", consult_referral, name="consult_referral"),
    path("<uuid:pk>/gekopieerd/", consult_copied, name="consult_copied"),
    # Every step of the flow (start, scegs, probleemdefinitie, uitleg, plan, afronden).
    path("<uuid:pk>/<slug:step>/", consult_step, name="consult_step"),
]
