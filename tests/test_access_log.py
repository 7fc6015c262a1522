from django.urls import reverse

from consult.models import AccessEvent
from tests.conftest import client_for
from tests.factories import new_consult
from tests.helpers import url


def test_manager_lands_on_the_access_log_of_their_own_practice(content, anna, bram, peter, anna_client):
    consult = new_consult(user=anna, reference="AB-1950")
    anna_client.get(url("consult_scegs", consult))
    new_consult(user=bram, reference="ZZ-1999")
    manager = client_for(peter)
    assert manager.get(reverse("consult_list"))["Location"] == reverse("access_log")
    html = manager.get(reverse("access_log")).content.decode()
    assert "AB-1950" in html and "Aangemaakt" in html and "Bekeken" in html
    assert "ZZ-1999" not in html and "Bram" not in html
    assert "Anna de Vries · Huisarts" in html


def test_changes_record_who_and_from_where_without_clinical_text(content, anna, anna_client):
    consult = new_consult(user=anna)
    anna_client.post(url("consult_scegs", consult), {"version": consult.version, "complaints": "Geheime klacht"}, HTTP_HX_REQUEST="true")
    event = AccessEvent.objects.get(consult=consult, action="change")
    assert event.ip_address == "127.0.0.1" and event.user == anna and event.what == "complaints"
    assert "Geheime" not in str(AccessEvent.objects.values_list())


def test_clinicians_do_not_read_the_access_log(content, anna_client, bram, es):
    assert anna_client.get(reverse("access_log")).status_code == 403


def test_the_log_is_append_only(content, anna):
    import pytest

    consult = new_consult(user=anna)
    event = AccessEvent.objects.filter(consult=consult).first()
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_a_manager_without_a_practice_sees_nothing(db):
    from practices.models import User

    loose = User.objects.create_user("los", password="los-password-123", role="manager")
    assert client_for(loose).get(reverse("access_log")).status_code == 403


def test_behind_a_proxy_the_client_address_comes_from_x_forwarded_for(content, anna, anna_client, settings):
    settings.USE_X_FORWARDED_FOR = True
    consult = new_consult(user=anna)
    anna_client.get(url("consult_scegs", consult), HTTP_X_FORWARDED_FOR="10.1.2.3, 192.0.2.7")
    event = AccessEvent.objects.filter(consult=consult, action="read").get()
    assert event.ip_address == "192.0.2.7"  # the address our own proxy saw
