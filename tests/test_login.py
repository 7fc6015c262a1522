"""Login: the password, then a second factor; lockout; how long a session lasts."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AccessEvent
from practices.middleware import SIGNED_IN_AT
from practices.models import User
from tests.conftest import PASSWORD, authenticator, client_for, current_code
from tests.factories import new_consult
from tests.helpers import step_url


def password_only(username="anna", address="127.0.0.1"):
    client = Client(REMOTE_ADDR=address)
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    return client, response


def test_a_password_alone_reaches_nothing_but_the_second_factor_pages(content, anna):
    authenticator(anna)
    consult = new_consult(user=anna)
    client, response = password_only()
    assert response["Location"] == reverse("home")
    for path in [reverse("home"), reverse("patient_list"), step_url(consult, "scegs"), reverse("admin:index"),
                 reverse("access_log"), f"/consulten/{consult.pk}/folder.pdf"]:
        answer = client.get(path)
        assert answer.status_code == 302 and answer["Location"].startswith(reverse("second_factor")), path
        assert consult.patient_reference.encode() not in answer.content
    assert client.post(step_url(consult, "scegs"), {"complaints": "x"}, HTTP_HX_REQUEST="true").status_code == 401
    assert client.get(reverse("second_factor")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302


def test_the_code_from_the_app_completes_the_login_and_both_steps_are_logged(content, anna):
    authenticator(anna)
    client, _ = password_only()
    wrong = client.post(reverse("second_factor"), {"code": "000000"})
    assert "Deze code klopt niet" in wrong.content.decode()
    assert client.get(reverse("patient_list")).status_code == 302
    time.sleep(1.1)  # after a wrong code django-otp waits a second (doubling per failure)
    right = client.post(reverse("second_factor") + "?next=/consulten/", {"code": current_code(anna)})
    assert right["Location"] == "/consulten/"
    assert client.get(reverse("patient_list")).status_code == 200
    events = list(AccessEvent.objects.filter(user=anna).order_by("id").values_list("action", "what"))
    assert events[:3] == [("login", "wachtwoord"), ("login_failed", "tweede-factor"), ("login", "tweede-factor")]


def test_a_recovery_code_works_once(content, anna):
    from practices.actions import make_recovery_codes

    authenticator(anna)
    codes = make_recovery_codes(user=anna)
    client, _ = password_only()
    assert client.post(reverse("second_factor"), {"code": codes[0]})["Location"] == reverse("home")
    client.post(reverse("logout"))
    client, _ = password_only()
    assert "Deze code klopt niet" in client.post(reverse("second_factor"), {"code": codes[0]}).content.decode()


def test_at_first_login_the_user_links_an_authenticator_and_gets_recovery_codes(content, anna):
    from django_otp.oath import TOTP

    client, _ = password_only()
    assert client.get(reverse("home"))["Location"].startswith(reverse("second_factor_setup"))
    page = client.get(reverse("second_factor_setup"))
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html and 'id="totp-secret"' in html and "passkey-register-button" in html
    device = TOTPDevice.objects.get(user=anna, confirmed=False)
    assert "Deze code klopt niet" in client.post(reverse("second_factor_setup"), {"code": "123456"}).content.decode()
    time.sleep(1.1)  # the throttle after a wrong code
    code = TOTP(device.bin_key).token()
    codes_page = client.post(reverse("second_factor_setup"), {"code": f"{code:06d}"}, follow=True)
    assert "Uw herstelcodes" in codes_page.content.decode()
    assert len(codes_page.context["codes"]) == 10
    assert client.get(reverse("patient_list")).status_code == 200
    assert client.get(reverse("second_factor_setup"))["Location"] == reverse("home")  # shown once
    assert TOTPDevice.objects.get(user=anna).confirmed


def test_a_user_with_a_second_factor_cannot_enrol_another_without_it(content, anna):
    authenticator(anna)
    client, _ = password_only()
    assert client.get(reverse("second_factor_setup"))["Location"] == reverse("second_factor")


def test_five_wrong_passwords_lock_out_that_username_from_that_address_only(content, anna, bram):
    authenticator(anna)
    for _ in range(5):
        Client(REMOTE_ADDR="10.0.0.1").post(reverse("login"), {"username": "anna", "password": "fout-wachtwoord"})
    locked, response = Client(REMOTE_ADDR="10.0.0.1"), None
    response = locked.post(reverse("login"), {"username": "anna", "password": PASSWORD})
    assert response.status_code == 429
    assert "Te vaak een verkeerd wachtwoord" in response.content.decode()
    assert "15 minuten" in response.content.decode()
    # The same practice behind the same address is not locked out as a whole,
    # and Anna can still log in from elsewhere.
    assert password_only("bram", "10.0.0.1")[1]["Location"] == reverse("home")
    assert password_only("anna", "10.0.0.2")[1]["Location"] == reverse("home")
    assert AccessEvent.objects.filter(user=anna, action="login_failed", what="wachtwoord").count() >= 5


def test_a_failed_login_with_an_unknown_name_is_logged_without_the_name(db):
    Client().post(reverse("login"), {"username": "mijn-wachtwoord-123", "password": "x"})
    event = AccessEvent.objects.get(action="login_failed")
    assert event.user is None and event.what == "onbekende-gebruikersnaam"
    assert "mijn-wachtwoord" not in str(AccessEvent.objects.values_list())


def test_the_session_ends_12_hours_after_login_however_active(content, anna, settings):
    client = client_for(anna)
    assert client.get(reverse("patient_list")).status_code == 200
    session = client.session
    session[SIGNED_IN_AT] = time.time() - settings.SESSION_MAX_HOURS * 3600 - 1
    session.save()
    response = client.get(reverse("patient_list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client.get(reverse("patient_list"))["Location"].startswith(reverse("login"))
    assert client.post(reverse("patient_list"), HTTP_HX_REQUEST="true").status_code == 401


def test_logout_ends_the_session(content, anna):
    client = client_for(anna)
    client.post(reverse("logout"))
    assert client.get(reverse("patient_list"))["Location"].startswith(reverse("login"))
    assert AccessEvent.objects.filter(user=anna, action="logout").exists()


def test_resetting_the_second_factor_ends_every_session_of_that_user(content, anna, peter):
    from practices.actions import reset_second_factor

    client = client_for(anna)
    assert client.get(reverse("patient_list")).status_code == 200
    reset_second_factor(user=anna, by=peter)
    assert client.get(reverse("patient_list"))["Location"].startswith(reverse("login"))
    assert not TOTPDevice.objects.filter(user=anna).exists()


def test_the_demo_refuses_to_make_published_accounts_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("setup_demo")
    assert not User.objects.exists()


def test_the_demo_prints_how_its_users_pass_the_second_factor(db, settings, capsys):
    settings.DEBUG = True
    call_command("setup_demo")
    out = capsys.readouterr().out
    assert "recovery codes: 11111111" in out and "app key:" in out and "code now:" in out
    client = Client()
    client.post(reverse("login"), {"username": "huisarts", "password": "Linde-huisarts-2026"})
    assert client.post(reverse("second_factor"), {"code": "11111111"})["Location"] == reverse("home")
    call_command("setup_demo")  # twice changes nothing
    assert TOTPDevice.objects.filter(user__username="huisarts").count() == 1


def test_an_inactive_account_cannot_log_in(content, anna):
    anna.is_active = False
    anna.save()
    assert password_only()[1].status_code == 200  # the login page again, with a message
    assert not Session.objects.exists()
