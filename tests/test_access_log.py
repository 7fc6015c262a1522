"""NEN 7513: a complete access log, readable by the practice manager, that nobody changes."""

import csv
import io
import re

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from audit.models import AccessEvent
from tests.conftest import client_for
from tests.factories import new_consult, save
from tests.helpers import post_step, step_url, url


@pytest.fixture
def manager(peter):
    return client_for(peter)


def test_manager_reads_the_log_of_their_own_practice_in_dutch_words(content, anna, bram, manager, anna_client):
    consult = new_consult(user=anna, reference="AB-1950")
    anna_client.get(step_url(consult, "scegs"))
    post_step(anna_client, consult, "scegs", complaints="Pijn", duration="een jaar")
    new_consult(user=bram, reference="ZZ-1999")
    html = manager.get(reverse("access_log")).content.decode()
    assert "AB-1950" in html and "Aangemaakt" in html and "Bekeken" in html
    assert "stap SCEGS-verkenning" in html and "klachten, duur" in html
    assert "consult_scegs" not in html and "stap:scegs" not in html
    assert "ZZ-1999" not in html and "Bram" not in html
    dutch_month = r"(jan\.|feb\.|mrt\.|apr\.|mei|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.)"
    assert re.search(rf"<td>\d{{1,2}} {dutch_month} \d{{4}} \d\d:\d\d:\d\d</td>", html)


def test_changes_record_who_and_from_where_without_clinical_text_and_never_cut_off(content, anna, anna_client):
    consult = new_consult(user=anna)
    fields = {name: "Geheime tekst" for name in ["complaints", "earlier_investigations", "medication", "physical_examination",
                                                  "cs_tests", "somatic_note", "cognitive_note", "emotional_note",
                                                  "behavioural_note", "social_note"]}
    post_step(anna_client, consult, "scegs", **fields)
    event = AccessEvent.objects.get(record_id=consult.pk, action="change")
    assert event.ip_address == "127.0.0.1" and event.user == anna
    assert event.what.split(",") == sorted(fields)
    assert "Geheime" not in str(AccessEvent.objects.values_list())


def test_clinicians_do_not_read_the_access_log(content, anna_client):
    assert anna_client.get(reverse("access_log")).status_code == 403
    assert anna_client.get(reverse("access_log_export")).status_code == 403


def test_a_manager_without_a_practice_sees_nothing(db):
    from practices.models import User

    loose = User.objects.create_user("los", password="los-password-123", role="manager")
    assert client_for(loose).get(reverse("access_log")).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_the_log_is_append_only_in_the_database_itself(content, anna):
    new_consult(user=anna)
    event = AccessEvent.objects.first()
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
    for attempt in [
        lambda: AccessEvent.objects.filter(pk=event.pk).update(what="weg"),
        lambda: AccessEvent.objects.filter(pk=event.pk).delete(),
        lambda: AccessEvent.objects.all()._raw_delete(AccessEvent.objects.db),
        lambda: connection.cursor().execute("UPDATE audit_accessevent SET patient_reference = 'x'"),
        lambda: connection.cursor().execute("DELETE FROM audit_accessevent"),
    ]:
        with pytest.raises(DatabaseError), transaction.atomic():
            attempt()
    assert AccessEvent.objects.get(pk=event.pk).what == event.what


def test_what_the_manager_looks_at_is_logged_too(content, anna, manager, anna_client):
    anna_client.get(reverse("patient_list"))
    anna_client.post(reverse("patient_list"), {"zoek": "MK"})
    manager.get(reverse("access_log"))
    manager.get(reverse("access_log_export"))
    manager.get(reverse("practice_users"))
    logged = set(AccessEvent.objects.values_list("action", "what"))
    assert ("read", "patientenlijst:pagina 1") in logged
    assert ("search", "patientenlijst:0") in logged  # the number found, not the search text
    assert {("read", "toegangslog"), ("copy", "toegangslog-export"), ("read", "gebruikers")} <= logged


def test_an_attempt_at_another_practices_consult_is_logged_without_naming_it(content, anna, bram_client):
    consult = new_consult(user=anna, reference="GEHEIM-1")
    assert bram_client.get(step_url(consult, "scegs")).status_code == 404
    event = AccessEvent.objects.get(action="denied")
    assert event.user.username == "bram" and event.record_id is None and event.patient_reference == ""
    assert event.practice.name == "Gezondheidscentrum De Es"


def test_admin_views_of_practice_data_are_logged(content, anna, linde):
    from practices.models import User

    admin = client_for(User.objects.create_superuser("beheer", "b@example.nl", "beheer-password-1"))
    admin.get(reverse("admin:practices_user_changelist"))
    admin.get(reverse("admin:practices_user_change", args=[anna.pk]))
    admin.get(reverse("admin:practices_practice_change", args=[linde.pk]))
    whats = set(AccessEvent.objects.filter(action="read").values_list("what", flat=True))
    assert {"beheer:gebruiker", f"beheer:gebruiker:{anna.pk}", f"beheer:praktijk:{linde.pk}"} <= whats
    assert AccessEvent.objects.filter(what=f"beheer:gebruiker:{anna.pk}").get().practice == linde


def filter_log(manager, **fields):
    data = {"patient_reference": "", "user": "", "action": "", "start": "", "end": "", **fields}
    return manager.post(reverse("access_log"), data)


def test_the_manager_filters_by_patient_user_action_and_period(content, anna, joost, peter, manager):
    first = new_consult(user=anna, reference="AA-1")
    new_consult(user=joost, reference="BB-2")
    save(first, anna, complaints="x")
    filter_log(manager, patient_reference="AA-1")
    page = manager.get(reverse("access_log"))
    assert {e.patient_reference for e in page.context["events"]} == {"AA-1"}
    assert "AA-1" not in page.request["QUERY_STRING"]  # the filter never travels in a URL
    filter_log(manager, user=joost.pk)
    assert {e.user for e in manager.get(reverse("access_log")).context["events"]} == {joost}
    filter_log(manager, action="change")
    assert {e.action for e in manager.get(reverse("access_log")).context["events"]} == {"change"}
    filter_log(manager, start="2000-01-01", end="2000-01-31")
    assert manager.get(reverse("access_log")).context["events"] == []
    bad = filter_log(manager, start="2026-02-01", end="2026-01-01")
    assert "Deze datum ligt voor de begindatum." in bad.content.decode()
    manager.post(reverse("access_log"), {"clear": "1"})
    assert len(manager.get(reverse("access_log")).context["events"]) > 2


def test_the_export_is_csv_of_the_filtered_log_and_safe_in_a_spreadsheet(content, anna, manager):
    new_consult(user=anna, reference="=HYPERLINK(1)")
    new_consult(user=anna, reference="CC-3")
    filter_log(manager, patient_reference="=HYPERLINK(1)")
    response = manager.get(reverse("access_log_export"))
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["tijdstip", "gebruiker", "rol", "patiëntreferentie"]
    assert {row[3] for row in rows[1:]} == {"'=HYPERLINK(1)"} and rows[-1][4] == "Aangemaakt"
    assert len(rows) == 3  # the patient and its consult were made


def test_the_log_pages_by_id_so_no_row_shifts_while_it_grows(content, anna, manager, peter):
    from audit.log import log_access

    for _ in range(120):
        log_access(user=anna, action=AccessEvent.Action.READ, what="patientenlijst:pagina 1")
    first = manager.get(reverse("access_log")).context
    assert len(first["events"]) == 50 and first["older"] is not None and first["newer"] is None
    log_access(user=anna, action=AccessEvent.Action.READ, what="nieuw")  # the log grows meanwhile
    second = manager.get(reverse("access_log") + f"?voor={first['older']}").context
    assert [e.id for e in second["events"]] == sorted({e.id for e in second["events"]}, reverse=True)
    assert max(e.id for e in second["events"]) < min(e.id for e in first["events"])
    back = manager.get(reverse("access_log") + f"?na={second['events'][0].id}").context
    assert [e.id for e in back["events"]][-1] == first["events"][-1].id
    assert manager.get(reverse("access_log") + "?voor=9" + "9" * 30).status_code == 200  # junk is ignored


def test_behind_a_proxy_the_client_address_comes_from_x_forwarded_for(content, anna, anna_client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    consult = new_consult(user=anna)
    anna_client.get(step_url(consult, "scegs"), HTTP_X_FORWARDED_FOR="10.1.2.3, 192.0.2.7")
    event = AccessEvent.objects.filter(record_id=consult.pk, action="read").get()
    assert event.ip_address == "192.0.2.7"  # the address our own proxy saw


def test_reads_carry_a_stable_name_per_view(content, anna, anna_client):
    consult = new_consult(user=anna)
    anna_client.get(step_url(consult, "scegs"))
    anna_client.get(step_url(consult, "probleemdefinitie"))
    anna_client.get(url("consult_handout_pdf", consult))
    names = list(AccessEvent.objects.filter(record_id=consult.pk, action="read").order_by("id").values_list("what", flat=True))
    assert names == ["stap:scegs", "stap:probleemdefinitie"]


def test_the_log_does_not_depend_on_the_consult_app():
    import ast
    from pathlib import Path

    for path in Path(__file__).resolve().parent.parent.joinpath("audit").rglob("*.py"):
        tree = ast.parse(path.read_text())
        modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in modules if m.split(".")[0] in {"consult", "explanations", "practices"}], path
