import datetime

from django.urls import reverse

from care.actions import plan_session, start_intake
from tests.conftest import client_for
from tests.factories import mrs_k_consult, new_consult, save


def test_referred_without_intake_and_sessions_this_week(content, anna, sanne):
    mrs_k = mrs_k_consult(user=anna)
    other = new_consult(user=anna, reference="AB-1950")
    # Referred elsewhere only: not on the POH-GGZ's list.
    save(mrs_k_consult(user=anna, reference="FY-1960"), anna, referrals=["fysiotherapeut"])
    poh = client_for(sanne)
    page = poh.get(reverse("worklist"))
    assert [p.reference for p in page.context["waiting"]] == ["MK-1979"]
    start_intake(patient=mrs_k.patient, user=sanne)
    today = datetime.date.today()
    plan_session(patient=mrs_k.patient, user=sanne, date=today)
    plan_session(patient=other.patient, user=sanne, date=today + datetime.timedelta(days=8))
    page = poh.get(reverse("worklist"))
    assert list(page.context["waiting"]) == []
    assert [s.patient.reference for s in page.context["sessions"]] == ["MK-1979"]
