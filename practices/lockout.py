from django.conf import settings
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers while a username is locked out from this address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)
