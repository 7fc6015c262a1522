"""Every change to a consult goes through here (views, tests, commands alike).

Each action takes keyword arguments, checks that the acting user's practice owns the
consult, asserts its preconditions and writes in one transaction. The rules about one
consult's fields live on the model (validators, Consult.clean, Consult.apply_rules).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.log import log_access
from audit.models import AccessEvent
from autosave.saving import Blocked
from autosave.store import SaveResult, store_answers, store_if_unchanged
from explanations.models import ContentVersion
from patients.actions import accept_finding, chosen_finding
from patients.models import Patient
from practices.models import Role
from printing.stored import attach_pdf_once
from . import documents
from .handout import render_handout_html
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


def _check_writer(consult, user):
    """The consult is the GP's record: the POH-GGZ reads it and writes intake and sessions."""
    if user.practice_id is None or consult.practice_id != user.practice_id:
        raise PermissionDenied("this consult belongs to another practice")
    if user.role != Role.GP:
        raise PermissionDenied("only a GP changes the consult")


def _locked(consult, user):
    """The consult, locked for this transaction, if the user is a GP of its practice."""
    locked = Consult.objects.select_for_update().select_related("content_version", "practice", "patient").get(pk=consult.pk)
    _check_writer(locked, user)
    return locked


@transaction.atomic
def create_consult(*, user, patient, permission_given=False, wants_further_investigation=False, request=None):
    """A new visit for a patient. It starts from the exploration of the patient's latest
    visit, which keeps its own record; the agreement is made anew."""
    if user.practice_id is None or user.role != Role.GP:
        raise PermissionDenied("a GP of the practice starts a consult")
    if patient.practice_id != user.practice_id:
        raise PermissionDenied("this patient belongs to another practice")
    content_version = ContentVersion.current()
    if content_version is None:
        raise NoContentError("load the content library first (manage.py load_content)")
    previous = Consult.objects.filter(patient=patient).order_by("-created_at").first()
    consult = Consult(
        practice_id=user.practice_id,
        patient=patient,
        previous=previous,
        created_by=user,
        content_version=content_version,
        permission_given=permission_given,
        wants_further_investigation=wants_further_investigation,
    )
    if previous is not None:
        for name in Consult.CARRIED_FORWARD:
            setattr(consult, name, getattr(previous, name))
        consult.apply_rules()  # choices the current library no longer has are dropped
    consult.full_clean()
    consult.save()
    Patient.objects.filter(pk=patient.pk).update(last_visit_at=consult.created_at)
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
        _check_writer(current, user)
        if current.is_final:
            raise ConsultFinalError()
        return SaveResult(record=current)
    return _save_answers(consult=consult, user=user, answers=answers, bases=bases, keep_mine=keep_mine, request=request)


@transaction.atomic
def _save_answers(*, consult, user, answers, bases, keep_mine, request):
    # First without reading the consult again: the write lands only if the consult is
    # still the version the request loaded (then the checks below held for it).
    _check_writer(consult, user)
    result = None
    if _may_store(consult, answers):
        result = store_if_unchanged(record=consult, answers=answers, answer_fields=Consult.ANSWER_FIELDS, bases=bases,
                                    keep_mine=keep_mine)
    if result is None:
        locked = _locked(consult, user)
        if locked.is_final:
            raise ConsultFinalError()
        if not _may_store(locked, answers):
            raise NotReadyError(locked.explanation_waits_for)
        result = store_answers(locked=locked, answers=answers, answer_fields=Consult.ANSWER_FIELDS, bases=bases,
                               keep_mine=keep_mine)
    if result.changed:
        log_access(user=user, action=AccessEvent.Action.CHANGE, what=",".join(result.changed), subject=result.record,
                   request=request)
    return result


def _may_store(consult, answers):
    """Answers may go into an open consult; the explanation only once it may be given."""
    return not consult.is_final and not (set(answers) & Consult.EXPLANATION_FIELDS and not consult.may_explain)


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
    """Freeze what is handed out: the handout, every referral text and the SOEP lines,
    as an issue (uitgifte). Its PDF is rendered once by the task worker, so no web
    worker waits for WeasyPrint.
    """
    current = Consult.objects.select_related("content_version", "practice", "patient").get(pk=consult.pk)
    if user.practice_id is None or current.practice_id != user.practice_id or user.role != Role.GP:
        raise PermissionDenied("only a GP of the practice finalises a consult")
    _check_finalisable(current, expected_version)
    html = render_handout_html(current)
    referrals = documents.issued_referrals(current, author=user)
    journal = documents.render_journal(current)
    return _store_issue(consult=current, user=user, expected_version=expected_version, html=html,
                        referrals=referrals, journal=journal, request=request)


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
def _store_issue(*, consult, user, expected_version, html, referrals, journal, request):
    from .tasks import render_issue_pdf  # the task module imports these actions

    locked = _locked(consult, user)
    _check_finalisable(locked, expected_version)
    issue = Issue.objects.create(
        consult=locked, number=locked.issues.count() + 1, created_by=user,
        content_version=locked.content_version, handout_html=html, referrals=referrals, journal_text=journal,
    )
    locked.status = Consult.Status.FINAL
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    log_access(user=user, action=AccessEvent.Action.CHANGE, what=f"afgerond:uitgifte {issue.number}",
               subject=locked, request=request)
    # Queued in this transaction: the issue and its render job are stored together or not at all.
    render_issue_pdf.enqueue(str(issue.pk))
    return issue


def attach_issue_pdf(*, issue, pdf):
    """Store the rendered PDF of an issue, once (printing/stored.py)."""
    return attach_pdf_once(record=issue, pdf=pdf, name=f"uitgiftes/{issue.consult_id}-{issue.number}.pdf")


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
def accept_handout_finding(*, consult, user, field, phrase, matched, request=None):
    """The GP marks words the guard found in a handout field as not harmful in this
    context; the handout can then be made. Raises UnknownFindingError when the words are
    no longer found there."""
    locked = _locked(consult, user)
    if locked.is_final:
        raise ConsultFinalError()
    finding = chosen_finding(handout_problems(locked), field=field, phrase=phrase, matched=matched)
    return accept_finding(user=user, patient=locked.patient, record=locked, finding=finding, request=request)
