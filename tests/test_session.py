"""Patient data: a session ends after 30 minutes without activity, not 30 minutes after login."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD


def log_in(client):
    from tests.conftest import current_code

    client.post(reverse("login"), {"username": "anna", "password": PASSWORD})
    from practices.models import User

    client.post(reverse("second_factor"), {"code": current_code(User.objects.get(username="anna"))})
    return Session.objects.get()


def test_thirty_minutes_without_activity_ends_the_session(content, anna, client):
    session = log_in(client)
    assert client.get(reverse("consult_list")).status_code == 200
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("consult_list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_every_request_keeps_the_session_alive_for_thirty_minutes(content, anna, client, settings):
    session = log_in(client)
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + timedelta(minutes=1))
    client.get(reverse("consult_list"))
    left = Session.objects.get(pk=session.pk).expire_date - timezone.now()
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert timedelta(minutes=29) < left <= timedelta(minutes=30)
