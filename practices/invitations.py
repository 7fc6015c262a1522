"""Invitation links: a one-time link to set a password, as Django's password reset does.
The link stops working once the password is set, and after PASSWORD_RESET_TIMEOUT."""

from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from .models import User


def invitation_path(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("invitation", args=[uid, default_token_generator.make_token(user)])


def invited_user(uidb64, token):
    """The active user an invitation link names, or None when it is not (or no longer) valid."""
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, OverflowError, User.DoesNotExist):
        return None
    return user if default_token_generator.check_token(user, token) and user.is_active else None
