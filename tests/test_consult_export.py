"""The patient's right of access: everything about one consult, in one file, logged."""

import io
import json
import zipfile

from audit.models import AccessEvent
from consult.models import Consult
from tests.helpers import assert_other_practice_gets_404, step_url, url


def test_the_export_holds_every_field_choice_pdf_and_text_handed_out(mrs_k, anna_client):
    anna_client.post(url("consult_finalise", mrs_k), {"version": Consult.objects.get(pk=mrs_k.pk).version})
    response = anna_client.get(url("consult_export", mrs_k))
    assert response["Content-Type"] == "application/zip" and "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert {"LEESMIJ.txt", "consult.json", "journaal-nu.txt", "folder-nu.pdf", "uitgifte-1/folder.pdf",
            "uitgifte-1/journaal.txt", "uitgifte-1/verwijstekst-poh_ggz.txt"} <= names
    data = json.loads(archive.read("consult.json"))["consult"]
    for field in Consult._meta.concrete_fields:
        assert field.name in data, field.name
    assert data["metaphors"]["names"] == ["Kapot alarmsysteem"]
    assert data["severity"] == {"label": "ernst", "value": "matig", "names": "Matig"}
    assert data["patient_words"]["value"] == "Mijn lichaam staat te hard afgesteld en ik ga te lang door"
    assert archive.read("uitgifte-1/folder.pdf").startswith(b"%PDF")
    assert AccessEvent.objects.filter(record_id=mrs_k.pk, action="copy", what="inzage-export").count() == 1


def test_the_finish_page_offers_the_export(mrs_k, anna_client):
    assert url("consult_export", mrs_k) in anna_client.get(step_url(mrs_k, "afronden")).content.decode()


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_export", mrs_k)
