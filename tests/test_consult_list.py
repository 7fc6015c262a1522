from django.urls import reverse

from tests.factories import new_consult


def test_list_shows_own_practice_newest_first(content, anna, bram, anna_client):
    new_consult(user=anna, reference="AB-1950")
    new_consult(user=anna, reference="CD-1960")
    new_consult(user=bram, reference="ZZ-1999")
    html = anna_client.get(reverse("consult_list")).content.decode()
    assert html.index("CD-1960") < html.index("AB-1950")
    assert "ZZ-1999" not in html


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


def test_practice_manager_does_not_see_consults(content, anna, peter):  # sent to the access log instead
    from tests.conftest import client_for

    new_consult(user=anna, reference="AB-1950")
    response = client_for(peter).get(reverse("consult_list"))
    assert response["Location"] == reverse("access_log")
    consult = new_consult(user=anna, reference="CD-1960")
    assert client_for(peter).get(reverse("consult_scegs", args=[consult.pk])).status_code == 403
