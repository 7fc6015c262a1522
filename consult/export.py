"""One consult for the patient's right of access (AVG art. 15): everything the app holds
about it, readable without the app."""

import io
import json
import zipfile

from django.utils import timezone

from printing.pdf import render_pdf

from .documents import journal_text
from .handout import render_handout_html
from .models import LIBRARY_CHOICES, Consult

README = """Inzage in een consult uit ALK-consult

consult.json      alle velden van het consult, met de keuzes bij naam
folder-nu.pdf     de folder zoals die nu zou worden gemaakt (als er uitleg is gegeven)
journaal-nu.txt   de SOEP-regels zoals ze nu zijn
uitgifte-N/       wat bij afronding N precies is meegegeven: folder, verwijsteksten en SOEP-regels

Het toegangslog (wie het consult wanneer bekeek) vraagt u op bij de praktijk.
"""


def consult_data(consult):
    """Every field of the consult, with each choice also by its name."""
    fields = {}
    for field in Consult._meta.concrete_fields:
        value = getattr(consult, field.attname)
        if field.name in LIBRARY_CHOICES:
            chosen = consult.chosen(field.name)
            names = [str(row) for row in chosen] if isinstance(chosen, list) else (str(chosen) if chosen else "")
            fields[field.name] = {"label": str(field.verbose_name), "value": value, "names": names}
        elif field.choices:
            fields[field.name] = {"label": str(field.verbose_name), "value": value,
                                  "names": str(dict(field.flatchoices).get(value, ""))}
        else:
            fields[field.name] = {"label": str(field.verbose_name), "value": value}
    return {
        "consult": fields,
        "practice": consult.practice.name,
        "content_version": consult.content_version.number,
        "issues": [
            {"number": issue.number, "created_at": issue.created_at, "created_by": issue.created_by.display_name}
            for issue in consult.issues.select_related("created_by").order_by("number")
        ],
        "exported_at": timezone.now(),
    }


def consult_zip(consult, *, author):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("LEESMIJ.txt", README)
        archive.writestr("consult.json", json.dumps(consult_data(consult), ensure_ascii=False, indent=2, default=str))
        archive.writestr("journaal-nu.txt", journal_text(consult))
        if consult.can_hand_out:
            archive.writestr("folder-nu.pdf", render_pdf(render_handout_html(consult)))
        for issue in consult.issues.order_by("number"):
            folder = f"uitgifte-{issue.number}"
            if issue.handout_pdf:
                with issue.handout_pdf.open("rb") as pdf:
                    archive.writestr(f"{folder}/folder.pdf", pdf.read())
            else:  # the task worker has not made it yet
                archive.writestr(f"{folder}/folder.pdf", render_pdf(issue.handout_html))
            archive.writestr(f"{folder}/folder.html", issue.handout_html)
            archive.writestr(f"{folder}/journaal.txt", issue.journal_text)
            for slug, referral in issue.referrals.items():
                archive.writestr(f"{folder}/verwijstekst-{slug}.txt", referral["text"])
    return buffer.getvalue()
