"""A patient's place in the practice at a glance: the last contact, who saw them, and
what is open. Computed for a page of patients at once, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from consult import flow
from practices.templatetags.dates import short_date
from consult.models import Consult

from .models import Intake, Session


@dataclass
class Row:
    patient: object
    last_contact: object = None
    last_seen_by: object = None
    open: list = field(default_factory=list)
    consults: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    intakes: list = field(default_factory=list)


def referred_to_poh(consults):
    return any(c.refers_to_poh_ggz for c in consults)


def overview(patients, today):
    ids = [p.pk for p in patients]
    rows = {p.pk: Row(patient=p) for p in patients}
    for consult in Consult.objects.filter(patient_id__in=ids).select_related("created_by", "content_version").order_by("created_at"):
        rows[consult.patient_id].consults.append(consult)
    for session in Session.objects.filter(patient_id__in=ids).select_related("created_by", "content_version").order_by("date"):
        rows[session.patient_id].sessions.append(session)
    for intake in Intake.objects.filter(patient_id__in=ids).select_related("created_by").order_by("created_at"):
        rows[intake.patient_id].intakes.append(intake)
    for row in rows.values():
        contacts = [(c.created_at.date(), c.created_at, c.created_by) for c in row.consults]
        contacts += [(i.created_at.date(), i.created_at, i.created_by) for i in row.intakes]
        contacts += [(s.date, s.created_at, s.created_by) for s in row.sessions if s.date <= today]
        if contacts:
            row.last_contact, _, row.last_seen_by = max(contacts, key=lambda c: (c[0], c[1]))
        row.open = what_is_open(row, today)
    return [rows[p.pk] for p in patients]


def what_is_open(row, today):
    """Short words for what waits: an unfinished consult, an intake, a session."""
    items = []
    latest = row.consults[-1] if row.consults else None
    if latest is not None and not latest.is_final:
        step = flow.where_to_go(latest)
        items.append(_("consult: %(step)s") % {"step": step.label.lower()})
    if row.intakes and row.intakes[-1].back_to_gp:
        items.append(_("terug naar de huisarts (intake POH-GGZ)"))
    elif referred_to_poh(row.consults) and not row.intakes:
        items.append(_("intake POH-GGZ nodig"))
    for session in row.sessions:
        if session.date >= today and not session.is_final:
            items.append(_("sessie %(date)s") % {"date": short_date(session.date, year=False)})
    return items
