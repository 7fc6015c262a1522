"""The app's URLs plus the benchmark's baseline: a minimal authenticated view through
the same middleware that updates one row and renders a tiny template."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.utils import timezone

from config.urls import urlpatterns as app_urls
from patients.models import Patient

TINY = engines["django"].from_string("<p>{{ patient.reference }} {{ now }}</p>")


def baseline(request, pk):
    now = timezone.now()
    Patient.objects.filter(pk=pk, practice_id=request.user.practice_id).update(first_name=f"B{now.microsecond % 1000}")
    return HttpResponse(TINY.render({"patient": {"reference": "MK-1979"}, "now": now}, request))


urlpatterns = [path("bench/baseline/<uuid:pk>/", baseline, name="bench_baseline"), *app_urls]
