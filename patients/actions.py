from django.core.exceptions import PermissionDenied
from django.db import transaction

from audit.log import log_access
from audit.models import AccessEvent

from .models import LanguageOverride, Patient, TimelineEntry

CLINICIANS = {"gp", "poh_ggz"}


def _check_clinician(user):
    if user.practice_id is None or user.role not in CLINICIANS:
        raise PermissionDenied("only a GP or POH-GGZ of a practice records patients")


def _owned(patient, user):
    _check_clinician(user)
    if patient.practice_id != user.practice_id:
        raise PermissionDenied("this patient belongs to another practice")


@transaction.atomic
def create_patient(*, user, reference, first_name="", reference_is_not_bsn=False, request=None):
    _check_clinician(user)
    patient = Patient(practice_id=user.practice_id, created_by=user, reference=reference.strip(),
                      first_name=first_name.strip(), reference_is_not_bsn=reference_is_not_bsn)
    patient.full_clean()
    patient.save()
    log_access(user=user, action=AccessEvent.Action.CREATE, what="patient", subject=patient, request=request)
    return patient


@transaction.atomic
def find_or_create_patient(*, user, reference, first_name="", reference_is_not_bsn=False, request=None):
    """The practice's patient with this reference, or a new one; (patient, created)."""
    _check_clinician(user)
    existing = Patient.objects.filter(practice_id=user.practice_id, reference=reference.strip()).first()
    if existing is not None:
        return existing, False
    return create_patient(user=user, reference=reference, first_name=first_name,
                          reference_is_not_bsn=reference_is_not_bsn, request=request), True


@transaction.atomic
def update_patient(*, patient, user, reference, first_name, reference_is_not_bsn=False, request=None):
    _owned(patient, user)
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    changed = [name for name, value in (("reference", reference.strip()), ("first_name", first_name.strip()),
                                        ("reference_is_not_bsn", reference_is_not_bsn)) if getattr(patient, name) != value]
    patient.reference, patient.first_name, patient.reference_is_not_bsn = reference.strip(), first_name.strip(), reference_is_not_bsn
    patient.full_clean()
    if changed:
        patient.save(update_fields=changed)
        log_access(user=user, action=AccessEvent.Action.CHANGE, what=",".join(f"patient-{n}" for n in changed),
                   subject=patient, request=request)
    return patient


@transaction.atomic
def add_timeline_entry(*, patient, user, date, kind, text, request=None):
    _owned(patient, user)
    entry = TimelineEntry(patient=patient, date=date, kind=kind, text=text.strip(), created_by=user)
    entry.full_clean()
    entry.save()
    log_access(user=user, action=AccessEvent.Action.CHANGE, what="tijdlijn-toegevoegd", subject=patient, request=request)
    return entry


@transaction.atomic
def remove_timeline_entry(*, entry, user, request=None):
    _owned(entry.patient, user)
    entry.delete()
    log_access(user=user, action=AccessEvent.Action.CHANGE, what="tijdlijn-verwijderd", subject=entry.patient, request=request)


class UnknownFindingError(Exception):
    """The words are not (or no longer) a finding of the guard in that field."""


@transaction.atomic
def accept_finding(*, user, patient, record, finding, request=None):
    """Record that a finding of the language guard is not harmful in this context.

    Callers pass a Finding the guard reports now for `record` (a consult or a session of
    `patient`), after their own check that the user may write that record.
    """
    _owned(patient, user)
    override, _created = LanguageOverride.objects.get_or_create(
        record=LanguageOverride.key(record), field=finding.field, phrase=finding.hit.slug, matched=finding.hit.matched,
        defaults={"patient": patient, "decided_by": user},
    )
    log_access(user=user, action=AccessEvent.Action.CHANGE, what=f"niet-schadelijk:{finding.field}", subject=record,
               request=request)
    return override


def chosen_finding(findings, *, field, phrase, matched):
    """The Finding named by a posted field, phrase slug and matched words."""
    for finding in findings:
        if (finding.field, finding.hit.slug, finding.hit.matched) == (field, phrase, matched):
            return finding
    raise UnknownFindingError()
