from django.urls import reverse

from audit.models import AccessEvent
from consult.models import Consult
from tests.conftest import client_for
from tests.helpers import url


def test_one_screen_with_what_the_poh_ggz_needs(mrs_k, anna_client, sanne):
    anna_client.post(url("consult_finalise", mrs_k), {"version": Consult.objects.get(pk=mrs_k.pk).version})
    page = client_for(sanne).get(reverse("handover", args=[mrs_k.patient.pk])).content.decode()
    for expected in ["Voelt zich somber", "Mijn lichaam staat te hard afgesteld en ik ga te lang door",
                     "Centrale sensitisatie", "Kapot alarmsysteem", "overgevoelig zenuwstelsel",
                     "Gewone signalen voelen als pijn.", "Mijn alarm gaat af terwijl er geen brand is",
                     "Over vier weken bij de POH-GGZ", "Folder zoals meegegeven (PDF)", "?uitgifte=1"]:
        assert expected in page, expected
    assert AccessEvent.objects.filter(action="read", what="overdracht", patient_id=mrs_k.patient.pk).exists()


def test_before_an_explanation_it_says_so(content, anna, sanne):
    from tests.factories import mrs_k_consult

    consult = mrs_k_consult(user=anna, agreement="no")
    page = client_for(sanne).get(reverse("handover", args=[consult.patient.pk])).content.decode()
    assert "Er is nog geen uitleg gegeven." in page
