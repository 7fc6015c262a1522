import pytest
from django.urls import reverse

from care.models import Intake
from tests.conftest import client_for
from tests.helpers import HTMX, form_data, oob


@pytest.fixture
def poh(sanne):
    return client_for(sanne)


def start(poh, patient):
    response = poh.post(reverse("intake_start", args=[patient.pk]))
    return Intake.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])


def post(client, intake, **changes):
    path = reverse("intake", args=[intake.pk])
    return client.post(path, {**form_data(client, path), **changes}, **HTMX)


def test_the_poh_ggz_records_the_intake_with_autosave(mrs_k, poh):
    intake = start(poh, mrs_k.patient)
    assert intake.consult == mrs_k
    response = post(poh, intake, problem_definition_holds="yes", depression_note="Somber, niet suïcidaal",
                    fourdkl_depression="4", decision="continue")
    assert "Opgeslagen om" in oob(response.content.decode(), "save-status")
    intake.refresh_from_db()
    assert intake.depression_note == "Somber, niet suïcidaal" and intake.fourdkl_depression == 4
    page = poh.get(reverse("intake", args=[intake.pk])).content.decode()
    assert "4DKL depressie" in page and "matig verhoogd" in page and "Terluin" in page


def test_a_problem_definition_that_no_longer_holds_sends_the_patient_back_to_the_gp(mrs_k, poh, anna_client):
    intake = start(poh, mrs_k.patient)
    response = post(poh, intake, problem_definition_holds="no", problem_definition_note="Denkt nu aan de ziekte van Lyme")
    assert "terug naar de huisarts" in oob(response.content.decode(), "feedback-decision")
    intake.refresh_from_db()
    assert intake.decision == "back_to_gp"
    page = anna_client.get(reverse("patient_detail", args=[mrs_k.patient.pk])).content.decode()
    assert "klopte de gezamenlijke probleemdefinitie niet meer" in page and "Denkt nu aan de ziekte van Lyme" in page
    assert "terug naar de huisarts (intake POH-GGZ)" in anna_client.get(reverse("patient_list")).content.decode()


def test_a_referral_on_gets_a_text_in_the_gps_terms(mrs_k, poh, sanne):
    intake = start(poh, mrs_k.patient)
    post(poh, intake, problem_definition_holds="yes", anxiety_note="Paniekaanvallen", fourdkl_anxiety="9",
         decision="specialised_ggz", referral_question="Graag diagnostiek paniekstoornis")
    text = poh.get(reverse("intake_referral", args=[intake.pk])).context["text"]
    assert text.startswith("Verwijzing door de POH-GGZ aan: Specialistische GGZ\nVan: Sanne Bakker (POH-GGZ)")
    assert "Specifieke vraag: Graag diagnostiek paniekstoornis" in text and "4DKL angst: 9 (sterk verhoogd)" in text
    assert "- overgevoelig zenuwstelsel: Patiëntterm voor centrale sensitisatie." in text
    assert '"overgevoelig zenuwstelsel"' in text and "Mijn lichaam staat te hard afgesteld" in text


def test_the_gp_reads_the_intake_but_does_not_write_it(mrs_k, poh, anna, anna_client):
    intake = start(poh, mrs_k.patient)
    page = anna_client.get(reverse("intake", args=[intake.pk])).content.decode()
    assert "u leest mee" in page and "hx-post" not in page
    path = reverse("intake", args=[intake.pk])
    response = anna_client.post(path, {"depression_note": "x", "base-depression_note": "H:0"}, **HTMX)
    intake.refresh_from_db()
    assert intake.depression_note == ""
    assert anna_client.post(reverse("intake_start", args=[mrs_k.patient.pk])).status_code == 403


def test_other_practice_gets_404(mrs_k, poh, bram_client):
    intake = start(poh, mrs_k.patient)
    for path in [reverse("intake", args=[intake.pk]), reverse("intake_referral", args=[intake.pk])]:
        assert bram_client.get(path).status_code == 404
    # A GP may not start an intake anywhere: refused before the patient is looked at.
    assert bram_client.post(reverse("intake_start", args=[mrs_k.patient.pk])).status_code == 403
