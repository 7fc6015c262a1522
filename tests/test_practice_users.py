"""The practice manager manages the practice's users in the app."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AccessEvent
from practices.models import User
from tests.conftest import authenticator, client_for


@pytest.fixture
def manager(peter):
    return client_for(peter)


def invite(manager, **fields):
    data = {"username": "joost", "first_name": "Joost", "last_name": "Smit", "email": "", "role": "gp", **fields}
    return manager.post(reverse("practice_users"), data)


def test_the_manager_invites_a_gp_who_sets_a_password_and_enrols_a_second_factor(content, linde, manager):
    response = invite(manager)
    link = response.context["invitation"]["url"]
    joost = User.objects.get(username="joost")
    assert joost.practice == linde and joost.role == "gp" and not joost.has_usable_password()
    assert AccessEvent.objects.filter(action="create", what="gebruiker:joost", practice=linde).exists()

    visitor = Client()
    path = link.removeprefix("http://testserver")
    assert "Welkom bij ALK-consult" in visitor.get(path).content.decode()
    short = visitor.post(path, {"new_password1": "kort", "new_password2": "kort"})
    assert "te kort" in short.content.decode()  # Django's password rules, in Dutch
    visitor.post(path, {"new_password1": "Joost-huisarts-2026", "new_password2": "Joost-huisarts-2026"})
    assert visitor.get(path).status_code == 404  # a link works once
    visitor.post(reverse("login"), {"username": "joost", "password": "Joost-huisarts-2026"})
    assert visitor.get(reverse("patient_list"))["Location"].startswith(reverse("second_factor_setup"))


def test_a_manager_invites_only_gps_and_poh_ggz(content, manager):
    response = invite(manager, role="manager")
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not User.objects.filter(username="joost").exists()


def test_an_existing_username_is_refused_beside_the_field(content, anna, manager):
    response = invite(manager, username="anna")
    assert "bestaat al" in response.content.decode()


def test_deactivating_a_colleague_stops_their_login_and_sessions(content, anna, manager):
    session = client_for(anna)
    manager.post(reverse("user_active", args=[anna.pk]), {"active": "0"})
    anna.refresh_from_db()
    assert not anna.is_active
    assert session.get(reverse("patient_list"))["Location"].startswith(reverse("login"))
    manager.post(reverse("user_active", args=[anna.pk]), {"active": "1"})
    anna.refresh_from_db()
    assert anna.is_active
    whats = list(AccessEvent.objects.filter(action="change").values_list("what", flat=True))
    assert "gebruiker:anna,gedeactiveerd" in whats and "gebruiker:anna,geactiveerd" in whats


def test_resetting_a_second_factor_makes_the_colleague_enrol_again(content, anna, manager):
    authenticator(anna)
    manager.post(reverse("user_second_factor", args=[anna.pk]))
    assert not TOTPDevice.objects.filter(user=anna).exists()
    client = Client()
    client.post(reverse("login"), {"username": "anna", "password": "test-password-123"})
    assert client.get(reverse("home"))["Location"].startswith(reverse("second_factor_setup"))


def test_a_manager_manages_neither_another_practice_nor_themselves(content, bram, peter, manager):
    for path in [reverse("user_active", args=[bram.pk]), reverse("user_second_factor", args=[bram.pk]),
                 reverse("user_active", args=[peter.pk]), reverse("user_second_factor", args=[peter.pk])]:
        assert manager.post(path, {"active": "0"}).status_code == 404
    bram.refresh_from_db()
    assert bram.is_active
    assert "Bram" not in manager.get(reverse("practice_users")).content.decode()


def test_clinicians_do_not_manage_users(content, anna_client, sanne):
    assert anna_client.get(reverse("practice_users")).status_code == 403
    assert anna_client.post(reverse("user_active", args=[sanne.pk]), {"active": "0"}).status_code == 403


def test_a_new_practice_is_created_by_a_command_with_an_invitation_for_its_manager(db, capsys):
    from django.core.management import call_command

    call_command("create_practice", "--name", "Praktijk Zuid", "--manager", "marit", "--manager-name", "Marit Bos",
                 "--site", "https://alk.example.nl")
    out = capsys.readouterr().out
    marit = User.objects.get(username="marit")
    assert marit.practice.name == "Praktijk Zuid" and marit.role == "manager" and marit.first_name == "Marit"
    assert "https://alk.example.nl/uitnodiging/" in out
