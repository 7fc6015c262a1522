import hashlib

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from explanations.models import ContentVersion

from .language import handout_problems
from .models import AccessEvent, Consult, Snapshot


class StaleConsultError(Exception):
    """Someone saved the consult after this form was loaded."""

    def __init__(self, current_version):
        super().__init__(f"consult is at version {current_version}")
        self.current_version = current_version


class ConsultFinalError(Exception):
    """A finalised consult is not edited in place."""


class NoContentError(Exception):
    """No published content library is loaded."""


@transaction.atomic
def create_consult(*, user, patient_reference, first_name="", permission_given=False,
                   wants_further_investigation=False, ip_address=None):
    content_version = ContentVersion.current()
    if content_version is None:
        raise NoContentError("load the content library first (manage.py load_content)")
    consult = Consult.objects.create(
        practice=user.practice,
        created_by=user,
        content_version=content_version,
        patient_reference=patient_reference,
        first_name=first_name,
        permission_given=permission_given,
        wants_further_investigation=wants_further_investigation,
    )
    log_access(user=user, consult=consult, action=AccessEvent.Action.CREATE, what="consult", ip_address=ip_address)
    return consult


@transaction.atomic
def update_consult(*, consult, user, expected_version, fields=None, relations=None, ip_address=None):
    """Save some fields of a consult, refusing a stale save.

    `fields` maps field names to values; `relations` maps many-to-many names to the
    full new set of related objects. Returns the consult as saved.
    """
    current = Consult.objects.get(pk=consult.pk)
    changed = _changed_names(current, fields, relations)
    if current.version == expected_version and not current.is_final and not changed:
        return current  # nothing changed: no new version, nothing to log
    fields = dict(fields or {}, updated_at=timezone.now())
    updated = Consult.objects.filter(pk=consult.pk, version=expected_version, status=Consult.Status.OPEN).update(
        version=F("version") + 1, **fields
    )
    if not updated:
        current = Consult.objects.get(pk=consult.pk)
        if current.is_final:
            raise ConsultFinalError()
        raise StaleConsultError(current.version)
    saved = Consult.objects.get(pk=consult.pk)
    for name, objects in (relations or {}).items():
        getattr(saved, name).set(objects)
    log_access(user=user, consult=saved, action=AccessEvent.Action.CHANGE, what=",".join(changed)[:60], ip_address=ip_address)
    return saved


class NotReadyError(Exception):
    """The consult has no explanation yet, so there is nothing to hand out."""


class HandoutLanguageError(Exception):
    """Typed text would bring a phrase to avoid into the patient handout."""

    def __init__(self, problems):
        super().__init__("phrase to avoid in the handout")
        self.problems = problems


@transaction.atomic
def finalise_consult(*, consult, user, expected_version, ip_address=None):
    """Freeze what is handed out: the handout, every referral text and the SOEP lines."""
    from . import outputs

    locked = Consult.objects.select_for_update().get(pk=consult.pk)
    if locked.is_final:
        raise ConsultFinalError()
    if locked.version != expected_version:
        raise StaleConsultError(locked.version)
    if not (locked.may_explain and locked.explanation_model_id):
        raise NotReadyError()
    problems = handout_problems(locked)
    if problems:
        raise HandoutLanguageError(problems)
    html = outputs.render_handout_html(locked, for_pdf=True)
    snapshot = Snapshot.objects.create(
        consult=locked,
        number=locked.snapshots.count() + 1,
        created_by=user,
        content_version=locked.content_version,
        handout_html=html,
        handout_hash=hashlib.sha256(html.encode("utf-8")).hexdigest(),
        referrals={
            r.slug: {"label": r.label, "scope": r.scope, "text": outputs.render_referral(locked, r, author=user)}
            for r in outputs.recipients_for(locked)
            if outputs.may_refer_to(locked, r)
        },
        journal_text=outputs.render_journal(locked),
    )
    frozen = Consult.objects.filter(pk=locked.pk, version=expected_version, status=Consult.Status.OPEN).update(
        status=Consult.Status.FINAL, version=F("version") + 1, updated_at=timezone.now()
    )
    if not frozen:  # changed since it was read (SQLite has no row locks)
        raise StaleConsultError(Consult.objects.get(pk=locked.pk).version)
    log_access(user=user, consult=locked, action=AccessEvent.Action.CHANGE, what=f"finalise:{snapshot.number}", ip_address=ip_address)
    return snapshot


@transaction.atomic
def reopen_consult(*, consult, user, expected_version, ip_address=None):
    """Open a finalised consult again; the next finalisation makes a new snapshot."""
    updated = Consult.objects.filter(pk=consult.pk, version=expected_version, status=Consult.Status.FINAL).update(
        status=Consult.Status.OPEN, version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise StaleConsultError(Consult.objects.get(pk=consult.pk).version)
    reopened = Consult.objects.get(pk=consult.pk)
    log_access(user=user, consult=reopened, action=AccessEvent.Action.CHANGE, what="reopen", ip_address=ip_address)
    return reopened


def _changed_names(consult, fields, relations):
    """Names of the fields and relations whose new value differs from the stored one."""
    changed = [name for name, value in (fields or {}).items() if getattr(consult, name) != value]
    changed += [
        name for name, objects in (relations or {}).items()
        if set(getattr(consult, name).values_list("pk", flat=True)) != {o.pk for o in objects}
    ]
    return sorted(name.removesuffix("_id") for name in changed)


def log_access(*, user, action, consult=None, what="", ip_address=None):
    return AccessEvent.objects.create(
        practice_id=user.practice_id,
        user=user,
        consult=consult,
        patient_reference=consult.patient_reference if consult else "",
        action=action,
        what=what,
        ip_address=ip_address,
    )
