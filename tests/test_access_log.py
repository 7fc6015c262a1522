from django.urls import reverse

from audit.models import AccessEvent
from tests.conftest import client_for
from tests.factories import new_consult
from tests.helpers import post_step, step_url


def test_manager_lands_on_the_access_log_of_their_own_practice(content, anna, bram, peter, anna_client):
    consult = new_consult(user=anna, reference="AB-1950")
    anna_client.get(step_url(consult, "scegs"))
    new_consult(user=bram, reference="ZZ-1999")
    manager = client_for(peter)
    assert manager.get(reverse("home"))["Location"] == reverse("access_log")
    html = manager.get(reverse("access_log")).content.decode()
    assert "AB-1950" in html and "Aangemaakt" in html and "Bekeken" in html
    assert "ZZ-1999" not in html and "Bram" not in html
    assert "Anna de Vries · Huisarts" in html


def test_changes_record_who_and_from_where_without_clinical_text(content, anna, anna_client):
    consult = new_consult(user=anna)
    post_step(anna_client, consult, "scegs", complaints="Geheime klacht")
    event = AccessEvent.objects.get(consult_id=consult.pk, action="change")
    assert event.ip_address == "127.0.0.1" and event.user == anna and event.what == "complaints"
    assert "Geheime" not in str(AccessEvent.objects.values_list())


def test_clinicians_do_not_read_the_access_log(content, anna_client, bram, es):
    assert anna_client.get(reverse("access_log")).status_code == 403


def test_the_log_is_append_only(content, anna):
    import pytest

    consult = new_consult(user=anna)
    event = AccessEvent.objects.filter(consult_id=consult.pk).first()
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
    anna_client.get(step_url(consult, "scegs"), HTTP_X_FORWARDED_FOR="10.1.2.3, 192.0.2.7")
    event = AccessEvent.objects.filter(consult_id=consult.pk, action="read").get()
    assert event.ip_address == "192.0.2.7"  # the address our own proxy saw


def test_reads_carry_a_stable_name_per_view(content, anna, anna_client):
    consult = new_consult(user=anna)
    anna_client.get(step_url(consult, "scegs"))
    anna_client.get(step_url(consult, "probleemdefinitie"))
    names = list(AccessEvent.objects.filter(consult_id=consult.pk, action="read").order_by("id").values_list("what", flat=True))
    assert names == ["stap:scegs", "stap:probleemdefinitie"]


def test_the_log_does_not_depend_on_the_consult_app():
    import ast
    from pathlib import Path

    for path in Path(__file__).resolve().parent.parent.joinpath("audit").rglob("*.py"):
        tree = ast.parse(path.read_text())
        modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in modules if m.split(".")[0] in {"consult", "explanations", "practices"}], path
