from django.urls import reverse

from care.actions import save_session_answers
from care.models import FollowUpIssue, Session
from tests.conftest import client_for
from tests.pdf_text import pdf_pages, pdf_text


def test_the_follow_up_handout_is_one_page_in_the_words_the_patient_heard(mrs_k_session, sanne):
    client = client_for(sanne)
    html = client.get(reverse("followup_handout", args=[mrs_k_session.pk])).content.decode()
    assert "Uw vervolgafspraak, Karin" in html and "Kapot alarmsysteem" in html and "overgevoelig zenuwstelsel" in html
    assert "Klinische aantekening" not in html
    pdf = client.get(reverse("followup_handout_pdf", args=[mrs_k_session.pk])).content
    text = pdf_text(pdf)
    assert len(pdf_pages(pdf)) == 1
    for expected in ["Uw vervolgafspraak, Karin", "We bespraken hoe u uw dag verdeelt.", "Elke dag een half uur wandelen",
                     "U plant elke dag een pauze.", "Over twee weken", "Wanneer neemt u contact op met de praktijk?",
                     "overgevoelig zenuwstelsel"]:
        assert expected in text, expected


def test_handing_it_out_freezes_it(mrs_k_session, sanne, settings):
    client = client_for(sanne)
    client.post(reverse("followup_issue", args=[mrs_k_session.pk]), {"version": mrs_k_session.version})
    issue = FollowUpIssue.objects.get(session=mrs_k_session)
    frozen = client.get(reverse("followup_handout", args=[mrs_k_session.pk])).content.decode()
    assert frozen == issue.handout_html
    from care.models import Goal

    Goal.objects.update(text="Iets anders")
    assert client.get(reverse("followup_handout", args=[mrs_k_session.pk])).content.decode() == frozen
    assert client.get(reverse("followup_handout_pdf", args=[mrs_k_session.pk])).content.startswith(b"%PDF")
    assert Session.objects.get(pk=mrs_k_session.pk).is_final
    response = client.post(reverse("session", args=[mrs_k_session.pk]), {"note": "x", "base-note": "H:0"}, HTTP_HX_REQUEST="true")
    assert Session.objects.get(pk=mrs_k_session.pk).note.startswith("Klinische")
    assert response.status_code == 200 and 'name="date"' in response.content.decode()  # the whole form, read-only


def test_a_phrase_to_avoid_keeps_it_from_being_handed_out(mrs_k_session, sanne):
    mrs_k_session = save_session_answers(session=mrs_k_session, user=sanne, answers={"next_steps": "U moet ermee leren leven."}).record
    client = client_for(sanne)
    assert client.get(reverse("followup_handout", args=[mrs_k_session.pk])).status_code == 409
    client.post(reverse("followup_issue", args=[mrs_k_session.pk]), {"version": mrs_k_session.version})
    assert not FollowUpIssue.objects.exists()
