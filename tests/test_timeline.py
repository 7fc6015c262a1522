import datetime
import xml.etree.ElementTree as ET

from django.urls import reverse

from patients.models import TimelineEntry
from tests.factories import new_consult


def add(client, patient, **fields):
    data = {"date": "2024-03-01", "kind": "symptom", "text": "Rugpijn begint", "terug": f"/patienten/{patient.pk}/", **fields}
    return client.post(reverse("patient_timeline", args=[patient.pk]), data)


def test_symptoms_and_life_events_are_drawn_on_one_timeline(content, anna, anna_client):
    patient = new_consult(user=anna).patient
    assert add(anna_client, patient)["Location"] == f"/patienten/{patient.pk}/"
    add(anna_client, patient, date="2024-01-15", kind="life_event", text="Verhuizing")
    add(anna_client, patient, date="2025-06-01", kind="investigation", text="MRI rug: geen afwijkingen")
    page = anna_client.get(reverse("patient_detail", args=[patient.pk])).content.decode()
    svg = page[page.index("<svg"):page.index("</svg>") + 6]
    root = ET.fromstring(svg)
    moments = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "moment"]
    assert [(m.get("data-date"), m.get("data-kind")) for m in moments] == [
        ("2024-01-15", "life_event"), ("2024-03-01", "symptom"), ("2025-06-01", "investigation")]
    assert "Verhuizing" in svg and root.find("{http://www.w3.org/2000/svg}title") is not None
    symptom_y = float(moments[1].find("{http://www.w3.org/2000/svg}text").get("y"))
    event_y = float(moments[0].find("{http://www.w3.org/2000/svg}text").get("y"))
    assert symptom_y < 150 < event_y  # symptoms above the line, life events below


def test_the_timeline_prints_on_its_own_page(content, anna, anna_client):
    patient = new_consult(user=anna).patient
    add(anna_client, patient)
    page = anna_client.get(reverse("patient_timeline", args=[patient.pk])).content.decode()
    assert "<svg" in page and "Rugpijn begint" in page and "screen-only" in page


def test_a_wrong_moment_is_refused_with_a_message_and_nothing_stored(content, anna, anna_client):
    patient = new_consult(user=anna).patient
    response = add(anna_client, patient, date="morgen", text="x" * 200)
    assert response.status_code == 400 and "Maximaal 120 tekens" in response.content.decode()
    assert not TimelineEntry.objects.exists()


def test_typed_markup_stays_text_in_the_svg(content, anna, anna_client):
    patient = new_consult(user=anna).patient
    add(anna_client, patient, text='<script>alert(1)</script> & "x"')
    page = anna_client.get(reverse("patient_detail", args=[patient.pk])).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
    svg = page[page.index("<svg"):page.index("</svg>") + 6]
    ET.fromstring(svg)  # still well-formed


def test_the_poh_ggz_adds_moments_too(content, anna, sanne):
    from tests.conftest import client_for

    patient = new_consult(user=anna).patient
    add(client_for(sanne), patient, date=str(datetime.date.today()), kind="treatment", text="Start fysiotherapie")
    assert TimelineEntry.objects.get().created_by == sanne
