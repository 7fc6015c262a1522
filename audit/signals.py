"""Login, failed login and logout are written to the access log."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .log import log_access
from .models import AccessEvent


@receiver(user_logged_in)
def logged_in(sender, request, user, **kwargs):
    log_access(user=user, action=AccessEvent.Action.LOGIN, what="wachtwoord", request=request)


@receiver(user_logged_out)
def logged_out(sender, request, user, **kwargs):
    if user is not None:
        log_access(user=user, action=AccessEvent.Action.LOGOUT, request=request)


@receiver(user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username") or "")[:150]
    user = get_user_model().objects.filter(username=username).first() if username else None
    # An unknown username is not stored: it may be a password typed in the wrong field.
    log_access(user=user, action=AccessEvent.Action.LOGIN_FAILED,
               what="wachtwoord" if user else "onbekende-gebruikersnaam", request=request)
