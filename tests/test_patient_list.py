import datetime

from django.urls import reverse

from audit.models import AccessEvent
from care.actions import plan_session, start_intake
from tests.conftest import client_for
from tests.factories import mrs_k_consult, new_consult, save
from tests.helpers import assert_other_practice_gets_404


def test_the_list_shows_each_patient_with_last_contact_who_and_what_is_open(content, anna, sanne, bram, anna_client):
    mrs_k = mrs_k_consult(user=anna)  # referred to the POH-GGZ, no intake yet
    new_consult(user=anna, reference="AB-1950")  # a consult still open
    new_consult(user=bram, reference="ZZ-1999")
    html = anna_client.get(reverse("patient_list")).content.decode()
    assert "MK-1979" in html and "AB-1950" in html and "ZZ-1999" not in html
    assert "intake POH-GGZ nodig" in html and "consult: scegs-verkenning" in html
    assert "Anna de Vries" in html
    start_intake(patient=mrs_k.patient, user=sanne)
    plan_session(patient=mrs_k.patient, user=sanne, date=datetime.date.today() + datetime.timedelta(days=2))
    rows = {row.patient.reference: row for row in anna_client.get(reverse("patient_list")).context["rows"]}
    assert "intake POH-GGZ nodig" not in rows["MK-1979"].open
    assert rows["MK-1979"].last_seen_by == sanne and any(item.startswith("sessie") for item in rows["MK-1979"].open)


def test_the_search_is_posted_and_logged_with_the_number_found(content, anna, anna_client):
    new_consult(user=anna, reference="AB-1950")
    new_consult(user=anna, reference="AB-1951")
    new_consult(user=anna, reference="CD-1960")
    response = anna_client.post(reverse("patient_list"), {"zoek": "AB-"})
    assert sorted(row.patient.reference for row in response.context["rows"]) == ["AB-1950", "AB-1951"]
    event = AccessEvent.objects.get(action="search")
    assert event.what == "patientenlijst:2"  # the number found, never the search text
    assert not AccessEvent.objects.filter(what__contains="AB-").exists()


def test_the_list_is_paginated_most_recent_first(content, anna, anna_client):
    for i in range(23):
        new_consult(user=anna, reference=f"P-{i:02d}")
    first = anna_client.get(reverse("patient_list")).content.decode()
    second = anna_client.get(reverse("patient_list") + "?pagina=2").content.decode()
    assert "P-22" in first and "P-00" not in first
    assert "P-00" in second and "Pagina 2 van 2" in second


def test_the_manager_sees_no_patients(content, anna, peter):
    new_consult(user=anna)
    assert client_for(peter).get(reverse("patient_list")).status_code == 403


def test_patient_detail_tells_one_story_for_mr_d(content, anna, anna_client):
    """Mr D.: partly agreed at the first visit (a referral first), explained at the second."""
    first = mrs_k_consult(user=anna, agreement="partly")
    first = save(first, anna, needed_first_note="cardioloog")
    second = new_consult(user=anna, reference="MK-1979")
    second = save(second, anna, agreement="yes", patient_words="Mijn lijf staat aan")
    save(second, anna, explanation_model="centrale-sensitisatie", metaphors=["kapot-alarmsysteem"])
    page = anna_client.get(reverse("patient_detail", args=[first.patient.pk])).content.decode()
    assert page.count("Consult</a>") == 2
    assert "eerst nodig: eerst een verwijzing" in page and "uitleg: Centrale sensitisatie" in page
    # The second visit's texts keep what the first one recorded.
    second_texts = anna_client.get(f"/consulten/{second.pk}/afronden/").context
    assert "Eerder consult" in second_texts["referral_text"] and "eerst een verwijzing (cardioloog)" in second_texts["referral_text"]
    assert "eerst een verwijzing (cardioloog)" in second_texts["journal_text"]
    first.refresh_from_db()
    assert first.agreement == "partly" and first.needed_first == "referral"


def test_other_practice_gets_404(content, anna, bram_client):
    patient = new_consult(user=anna).patient
    for name in ["patient_detail", "patient_edit", "patient_timeline", "handover"]:
        response = bram_client.get(reverse(name, args=[patient.pk]))
        assert response.status_code == 404 and b"MK-1979" not in response.content, name
    assert AccessEvent.objects.filter(action="denied", what="patient-andere-praktijk").count() == 4


def test_the_patients_label_and_first_name_are_edited_on_its_page(content, anna, anna_client):
    patient = new_consult(user=anna).patient
    anna_client.post(reverse("patient_edit", args=[patient.pk]), {"reference": "MK-1980", "first_name": "Karin"})
    patient.refresh_from_db()
    assert patient.reference == "MK-1980" and patient.first_name == "Karin"
    bsn = anna_client.post(reverse("patient_edit", args=[patient.pk]), {"reference": "111222333"})
    assert "Dit lijkt op een BSN" in bsn.content.decode()


def test_dates_are_written_the_dutch_way(content, anna, anna_client):
    """"22 nov. 2026", not "22 Nov 2026"."""
    from consult.models import Consult

    consult = new_consult(user=anna, reference="AB-1950")
    Consult.objects.filter(pk=consult.pk).update(created_at=datetime.datetime(2026, 11, 22, 10, 0, tzinfo=datetime.timezone.utc))
    html = anna_client.get(reverse("patient_list")).content.decode()
    assert "<td>22 nov. 2026</td>" in html and "Nov" not in html
    detail = anna_client.get(reverse("patient_detail", args=[consult.patient_id])).content.decode()
    assert "22 nov. 2026" in detail


def test_the_short_date_of_every_month_and_in_english():
    from django.utils import translation

    from practices.templatetags.dates import short_date

    with translation.override("nl"):
        assert [short_date(datetime.date(2026, month, 1)) for month in (1, 3, 5, 11)] == [
            "1 jan. 2026", "1 mrt. 2026", "1 mei 2026", "1 nov. 2026"]
        assert short_date(datetime.date(2026, 11, 22), year=False) == "22 nov."
    with translation.override("en"):
        assert short_date(datetime.date(2026, 11, 22)) == "22 Nov 2026"
