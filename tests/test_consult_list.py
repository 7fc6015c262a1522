from django.urls import reverse

from tests.conftest import client_for
from tests.factories import new_consult, save
from tests.helpers import step_url


def test_list_shows_own_practice_newest_first(content, anna, bram, anna_client):
    save(new_consult(user=anna, reference="AB-1950"), anna, severity="matig")
    new_consult(user=anna, reference="CD-1960")
    new_consult(user=bram, reference="ZZ-1999")
    html = anna_client.get(reverse("consult_list")).content.decode()
    assert html.index("CD-1960") < html.index("AB-1950")
    assert "ZZ-1999" not in html
    assert "<td>Matig</td>" in html


def test_list_is_paginated(content, anna, anna_client):
    for i in range(23):
        new_consult(user=anna, reference=f"P-{i:02d}")
    first = anna_client.get(reverse("consult_list")).content.decode()
    second = anna_client.get(reverse("consult_list") + "?pagina=2").content.decode()
    assert "P-22" in first and "P-00" not in first
    assert "P-00" in second and "Pagina 2 van 2" in second


def test_anonymous_user_is_sent_to_login(client, db):
    response = client.get(reverse("consult_list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_practice_manager_does_not_see_consults(content, anna, peter):
    consult = new_consult(user=anna, reference="CD-1960")
    manager = client_for(peter)
    assert manager.get(reverse("consult_list")).status_code == 403
    assert manager.get(step_url(consult, "scegs")).status_code == 403


def test_home_sends_each_role_to_its_own_page(content, anna, peter, client, db):
    from practices.models import User

    assert client_for(anna).get(reverse("home"))["Location"] == reverse("consult_list")
    assert client_for(peter).get(reverse("home"))["Location"] == reverse("access_log")
    admin = User.objects.create_superuser("beheer", "b@example.nl", "beheer-password-1")
    assert client_for(admin).get(reverse("home"))["Location"] == reverse("admin:index")
    assert client.get(reverse("home"))["Location"].startswith(reverse("login"))
