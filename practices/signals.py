import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .middleware import SIGNED_IN_AT


@receiver(user_logged_in)
def remember_when_signed_in(sender, request, user, **kwargs):
    """The session ends SESSION_MAX_HOURS after this, however active it is."""
    request.session[SIGNED_IN_AT] = time.time()
