"""Every change to a consult goes through here (views, tests, commands alike).

Each action takes keyword arguments, checks that the acting user's practice owns the
consult, asserts its preconditions and writes in one transaction. The rules about one
consult's fields live on the model (validators, Consult.clean, Consult.apply_rules).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from audit.log import log_access
from audit.models import AccessEvent
from autosave.merge import three_way
from autosave.saving import Blocked
from explanations.models import ContentVersion
from practices.models import Role
from printing.pdf import render_pdf

from . import documents
from .models import Consult, Issue
from .phrase_check import handout_problems


class ConsultFinalError(Blocked):
    """A finalised consult is not edited in place."""

    state = "final"


class StaleConsultError(Exception):
    """Someone changed the consult after the user looked at it."""

    def __init__(self, current_version):
        super().__init__(f"consult is at version {current_version}")
        self.current_version = current_version


class NotReadyError(Blocked):
    """The explanation may not be given yet, so there is nothing to hand out."""

    def __init__(self, waits_for):
        super().__init__(Consult.WAIT_REASONS.get(waits_for, ""))
        self.waits_for = waits_for


class HandoutLanguageError(Exception):
    """Typed text would bring a phrase to avoid into the patient handout."""

    def __init__(self, problems):
        super().__init__("phrase to avoid in the handout")
        self.problems = problems


class NoContentError(Exception):
    """No published content library is loaded."""


@dataclass
class SaveResult:
    consult: Consult
    saved: list = field(default_factory=list)  # fields that now hold what the user sent
    conflicts: dict = field(default_factory=dict)  # field -> what someone else saved meanwhile
    ruled: dict = field(default_factory=dict)  # field -> value a rule gave it
    notes: dict = field(default_factory=dict)  # field -> what a rule changed, in words

    @property
    def record(self):
        return self.consult


def _same(stored, sent):
    if isinstance(sent, (list, tuple)):
        return set(stored) == set(sent)
    return stored == sent


def _locked(consult, user):
    """The consult, locked for this transaction, if the user's practice owns it."""
    locked = Consult.objects.select_for_update().select_related("content_version", "practice").get(pk=consult.pk)
    if user.practice_id is None or locked.practice_id != user.practice_id:
        raise PermissionDenied("this consult belongs to another practice")
    return locked


@transaction.atomic
def create_consult(*, user, patient_reference, first_name="", permission_given=False,
                   wants_further_investigation=False, reference_is_not_bsn=False, request=None):
    if user.practice_id is None:
        raise PermissionDenied("only a user of a practice starts a consult")
    content_version = ContentVersion.current()
    if content_version is None:
        raise NoContentError("load the content library first (manage.py load_content)")
    consult = Consult(
        practice_id=user.practice_id,
        created_by=user,
        content_version=content_version,
        patient_reference=patient_reference,
        reference_is_not_bsn=reference_is_not_bsn,
        first_name=first_name,
        permission_given=permission_given,
        wants_further_investigation=wants_further_investigation,
    )
    consult.full_clean()
    consult.save()
    log_access(user=user, action=AccessEvent.Action.CREATE, what="consult", subject=consult, request=request)
    return consult


def save_answers(*, consult, user, answers, bases=None, keep_mine=(), request=None):
    """Store what a clinician changed in the consult's steps.

    `answers` maps field names (Consult.ANSWER_FIELDS) to new values. With `bases` (the
    token of the value each field had when the user started editing it) a field someone
    else changed meanwhile is not overwritten but returned as a conflict; fields named in
    `keep_mine` are stored anyway. Other fields never conflict with each other.
    """
    if not answers:
        # Nothing to write: no write transaction, which on SQLite would take the lock.
        current = Consult.objects.select_related("content_version", "practice").get(pk=consult.pk)
        if user.practice_id is None or current.practice_id != user.practice_id:
            raise PermissionDenied("this consult belongs to another practice")
        if current.is_final:
            raise ConsultFinalError()
        return SaveResult(consult=current)
    return _save_answers(consult=consult, user=user, answers=answers, bases=bases, keep_mine=keep_mine, request=request)


@transaction.atomic
def _save_answers(*, consult, user, answers, bases, keep_mine, request):
    unknown = set(answers) - Consult.ANSWER_FIELDS
    if unknown:
        raise ValueError(f"not an answer: {', '.join(sorted(unknown))}")
    locked = _locked(consult, user)
    if locked.is_final:
        raise ConsultFinalError()
    if set(answers) & Consult.EXPLANATION_FIELDS and not locked.may_explain:
        raise NotReadyError(locked.explanation_waits_for)

    before = {name: getattr(locked, name) for name in Consult.ANSWER_FIELDS}
    bases = {name: base for name, base in (bases or {}).items() if name not in keep_mine}
    apply, conflicts = three_way(current=before, new=answers, bases=bases)
    for name, value in apply.items():
        setattr(locked, name, value)
    notes = locked.apply_rules()
    changed = sorted(name for name in Consult.ANSWER_FIELDS if getattr(locked, name) != before[name])
    locked.full_clean(exclude=[f.name for f in Consult._meta.fields if f.name not in changed])
    if changed:
        locked.version += 1
        locked.save(update_fields=[*changed, "version", "updated_at"])
        log_access(user=user, action=AccessEvent.Action.CHANGE, what=",".join(changed), subject=locked, request=request)
    saved = [name for name in answers if name not in conflicts and _same(getattr(locked, name), answers[name])]
    ruled = {name: getattr(locked, name) for name in changed if name not in saved}
    return SaveResult(consult=locked, saved=saved, conflicts=conflicts, ruled=ruled, notes=notes)


def record_agreement(*, consult, user, problem_summary, patient_words, agreement, needed_first="",
                     needed_first_note="", proceed_without_agreement=False, request=None):
    """The joint problem definition, and with partial or no agreement what is needed first."""
    if agreement not in Consult.Agreement.values:
        raise ValidationError({"agreement": "unknown agreement"})
    return save_answers(consult=consult, user=user, request=request, answers={
        "problem_summary": problem_summary, "patient_words": patient_words, "agreement": agreement,
        "needed_first": needed_first, "needed_first_note": needed_first_note,
        "proceed_without_agreement": proceed_without_agreement,
    })


def choose_explanation(*, consult, user, model, metaphors, teach_back=None, request=None):
    """One explanation model and its metaphors; metaphors that do not fit are dropped.

    Only once the explanation may be given (agreement, no open red flag).
    """
    answers = {"explanation_model": model, "metaphors": list(metaphors)}
    if teach_back is not None:
        answers["teach_back"] = teach_back
    return save_answers(consult=consult, user=user, answers=answers, request=request)


def finalise_consult(*, consult, user, expected_version, request=None):
    """Freeze what is handed out: the handout (HTML and PDF), every referral text and
    the SOEP lines, as an issue (uitgifte).

    The PDF is rendered before the write transaction starts, so the database is not
    held while WeasyPrint works; the write then refuses if the consult changed.
    """
    current = Consult.objects.select_related("content_version", "practice").get(pk=consult.pk)
    if user.practice_id is None or current.practice_id != user.practice_id:
        raise PermissionDenied("this consult belongs to another practice")
    _check_finalisable(current, expected_version)
    html = documents.render_handout_html(current)
    referrals = documents.issued_referrals(current, author=user)
    journal = documents.render_journal(current)
    pdf = render_pdf(html)
    return _store_issue(consult=current, user=user, expected_version=expected_version, html=html,
                        referrals=referrals, journal=journal, pdf=pdf, request=request)


def _check_finalisable(consult, expected_version):
    if consult.is_final:
        raise ConsultFinalError()
    if consult.version != expected_version:
        raise StaleConsultError(consult.version)
    if not consult.can_hand_out:
        raise NotReadyError(consult.explanation_waits_for)
    problems = handout_problems(consult)
    if problems:
        raise HandoutLanguageError(problems)


@transaction.atomic
def _store_issue(*, consult, user, expected_version, html, referrals, journal, pdf, request):
    locked = _locked(consult, user)
    _check_finalisable(locked, expected_version)
    issue = Issue(
        consult=locked, number=locked.issues.count() + 1, created_by=user,
        content_version=locked.content_version, handout_html=html, referrals=referrals, journal_text=journal,
    )
    issue.handout_pdf.save(f"{locked.pk}-{issue.number}.pdf", ContentFile(pdf), save=False)
    try:
        issue.save()
        locked.status = Consult.Status.FINAL
        locked.version += 1
        locked.save(update_fields=["status", "version", "updated_at"])
    except BaseException:
        issue.handout_pdf.delete(save=False)
        raise
    log_access(user=user, action=AccessEvent.Action.CHANGE, what=f"afgerond:uitgifte {issue.number}",
               subject=locked, request=request)
    return issue


@transaction.atomic
def reopen_consult(*, consult, user, expected_version, request=None):
    """Open a finalised consult again; its next finalisation makes a new issue."""
    locked = _locked(consult, user)
    if not locked.is_final or locked.version != expected_version:
        raise StaleConsultError(locked.version)
    locked.status = Consult.Status.OPEN
    locked.version += 1
    locked.updated_at = timezone.now()
    locked.save(update_fields=["status", "version", "updated_at"])
    log_access(user=user, action=AccessEvent.Action.CHANGE, what="heropend", subject=locked, request=request)
    return locked


def log_copy(*, consult, user, what, request=None):
    """Copying patient text to the clipboard is an export; the log records it."""
    log_access(user=user, action=AccessEvent.Action.COPY, what=what, subject=consult, request=request)


@transaction.atomic
def destroy_consult(*, consult, user, request=None):
    """Destruction at the patient's request: the consult, everything handed out and its
    stored PDFs are removed. The access log keeps that it happened, when and by whom."""
    if user.practice_id is None or user.role != Role.MANAGER:
        raise PermissionDenied("only the practice manager destroys a consult")
    locked = Consult.objects.select_for_update().get(pk=consult.pk)
    if locked.practice_id != user.practice_id:
        raise PermissionDenied("this consult belongs to another practice")
    files = [issue.handout_pdf for issue in locked.issues.all() if issue.handout_pdf]
    count = locked.issues.count()
    locked.issues.all().delete()
    log_access(user=user, action=AccessEvent.Action.DESTROY, what=f"vernietigd:{count} uitgiftes",
               subject=locked, request=request)
    locked.delete()
    transaction.on_commit(lambda: [f.storage.delete(f.name) for f in files])
