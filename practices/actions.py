"""Every change to practices, users and second factors (views, commands and tests alike)."""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from audit.log import log_access
from audit.models import AccessEvent

from .invitations import invitation_path
from .models import PRACTICE_ROLES, Practice, Role, User

RECOVERY_CODES = 10


@transaction.atomic
def create_practice(*, name, phone="", address="", website="", by=None):
    practice = Practice.objects.create(name=name, phone=phone, address=address, website=website)
    if by is not None:
        log_access(user=by, action=AccessEvent.Action.CREATE, what="praktijk", practice_id=practice.pk)
    return practice


@transaction.atomic
def create_user(*, practice, username, password, role, first_name="", last_name="", email=""):
    """A user with a known password (the demo, tests and commands)."""
    _check_role(practice, role)
    user = User(practice=practice, username=username, role=role, first_name=first_name, last_name=last_name,
                email=email, is_staff=role == Role.CONTENT_EDITOR)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


def _check_role(practice, role):
    if role == Role.CONTENT_EDITOR and practice is not None:
        raise ValidationError({"role": "a content editor belongs to no practice"})
    if role in PRACTICE_ROLES and practice is None:
        raise ValidationError({"practice": "this role belongs to a practice"})


@transaction.atomic
def invite_user(*, practice, username, role, first_name="", last_name="", email="", by=None, request=None):
    """A new account without a password; (user, invitation path). The invited person sets
    a password through the path, then enrols a second factor at first login."""
    if by is not None and by.role == Role.MANAGER and (practice is None or by.practice_id != practice.pk):
        raise PermissionDenied("a practice manager invites into their own practice only")
    if by is not None and by.role == Role.MANAGER and role not in {Role.GP, Role.POH_GGZ}:
        raise PermissionDenied("a practice manager invites GPs and POH-GGZ")
    _check_role(practice, role)
    user = User(practice=practice, username=username, role=role, first_name=first_name, last_name=last_name,
                email=email, is_staff=role == Role.CONTENT_EDITOR)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    if by is not None:
        log_access(user=by, action=AccessEvent.Action.CREATE, what=f"gebruiker:{user.username}",
                   practice_id=user.practice_id, request=request)
    return user, invitation_path(user)


@transaction.atomic
def accept_invitation(*, user, password, request=None):
    user.set_password(password)
    user.save(update_fields=["password"])
    log_access(user=user, action=AccessEvent.Action.CHANGE, what="wachtwoord-ingesteld", request=request)
    return user


def _manage(by, user):
    """A manager acts on other users of their own practice; an administrator on anyone."""
    if by.is_superuser:
        return
    if by.role != Role.MANAGER or by.practice_id is None or user.practice_id != by.practice_id or user.pk == by.pk:
        raise PermissionDenied("not a user this manager may manage")


@transaction.atomic
def set_active(*, user, active, by, request=None):
    _manage(by, user)
    user.is_active = active
    user.save(update_fields=["is_active"])
    log_access(user=by, action=AccessEvent.Action.CHANGE,
               what=f"gebruiker:{user.username},{'geactiveerd' if active else 'gedeactiveerd'}",
               practice_id=user.practice_id, request=request)
    return user


@transaction.atomic
def reset_second_factor(*, user, by, request=None):
    """Remove every second factor of a user and end all their sessions; at the next
    login they enrol again."""
    _manage(by, user)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    WebAuthnCredential.objects.filter(user=user).delete()
    user.security_stamp += 1
    user.save(update_fields=["security_stamp"])
    log_access(user=by, action=AccessEvent.Action.CHANGE, what=f"gebruiker:{user.username},tweede-factor-gewist",
               practice_id=user.practice_id, request=request)
    return user


@transaction.atomic
def start_authenticator(*, user):
    """A new, unconfirmed authenticator-app device for the user to scan."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)


@transaction.atomic
def confirm_authenticator(*, user, device, token, request=None):
    """Confirm the device with a code from the app; (device, recovery codes) or None."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = make_recovery_codes(user=user)
    log_access(user=user, action=AccessEvent.Action.CHANGE, what="tweede-factor-ingesteld", request=request)
    return device, codes


@transaction.atomic
def make_recovery_codes(*, user, codes=None):
    """New recovery codes (each works once); the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="Herstelcodes", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = codes or [f"{secrets.randbelow(10**8):08d}" for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def set_ui_language(*, user, language):
    """The language this user works in; the handout's language is chosen per consult."""
    if language not in dict(User._meta.get_field("ui_language").choices):
        raise ValidationError(f"unknown language {language!r}")
    User.objects.filter(pk=user.pk).update(ui_language=language)
    user.ui_language = language
    return user
