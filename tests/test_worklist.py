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


def test_the_worklist_and_the_patient_list_agree_on_who_is_referred(shipped_content, anna):
    """The rule lives on Consult: refers_to_poh_ggz in Python (the patient list's "intake
    POH-GGZ nodig"), referring_to_poh_ggz() in the database (the worklist). Checked on every
    recipient of the shipped library, alone and beside the POH-GGZ."""
    from consult.models import Consult, POH_GGZ_REFERRAL
    from explanations.models import Recipient

    consult = mrs_k_consult(user=anna)
    others = [slug for slug in consult.library.slugs(Recipient) if slug != POH_GGZ_REFERRAL]
    labelled = [([], False), ([POH_GGZ_REFERRAL], True)]
    labelled += [([slug], False) for slug in others] + [([slug, POH_GGZ_REFERRAL], True) for slug in others]
    for referrals, referred in labelled:
        consult = save(consult, anna, referrals=referrals)
        assert sorted(consult.referrals) == sorted(referrals)  # no slug dropped by the rules
        in_database = Consult.objects.filter(pk=consult.pk).referring_to_poh_ggz().exists()
        assert consult.refers_to_poh_ggz is referred and in_database is referred, referrals
    assert len(others) >= 6
