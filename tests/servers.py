"""What the tests and the benchmark need to talk to real app servers on loopback: a
free port, and a session that is logged in and past the second factor."""

import socket
import time


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def verified_session(user):
    """The key of a new session of `user`, logged in and past the second factor."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from practices.middleware import SIGNED_IN_AT

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Authenticator-app", confirmed=True)
    session = SessionStore()
    session.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "practices.backends.PracticeUserBackend",
                    HASH_SESSION_KEY: user.get_session_auth_hash(), DEVICE_ID_SESSION_KEY: device.persistent_id,
                    SIGNED_IN_AT: time.time()})
    session.save()
    return session.session_key
