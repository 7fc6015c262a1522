"""The access log as CSV rows for a spreadsheet."""

import csv

from django.utils import timezone

HEADER = ["tijdstip", "gebruiker", "rol", "patiëntreferentie", "actie", "omschrijving", "ip-adres"]


class _Echo:
    def write(self, value):
        return value


def cell(value):
    """A spreadsheet never runs a cell that came from typed text as a formula."""
    text = str(value or "")
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_rows(events):
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(HEADER)
    for e in events.iterator(chunk_size=2000):
        yield writer.writerow([
            timezone.localtime(e.at).isoformat(timespec="seconds"),
            cell(e.user.display_name if e.user else ""),
            cell(e.user.get_role_display() if e.user else ""),
            cell(e.patient_reference),
            e.get_action_display(),
            cell(e.description),
            e.ip_address or "",
        ])
