"""Every write of the care pathway: intakes, sessions, goals, follow-up handouts, and
destroying a patient's records on request."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction

from audit.log import log_access
from audit.models import AccessEvent
from autosave.saving import Blocked
from autosave.store import SaveResult, store_answers
from consult.actions import StaleConsultError
from consult.models import Consult, Issue
from explanations.models import ContentVersion
from patients.actions import accept_finding, chosen_finding
from practices.models import Role
from printing.stored import attach_pdf_once

from .documents import followup_handout_html, followup_problems
from .models import FollowUpIssue, Goal, Intake, Session

CLINICIANS = {Role.GP, Role.POH_GGZ}


class SessionFinalError(Blocked):
    state = "final"


class HandoutLanguageError(Exception):
    def __init__(self, problems):
        super().__init__("phrase to avoid in the follow-up handout")
        self.problems = problems


def _check(user, patient, roles):
    if user.practice_id is None or user.role not in roles:
        raise PermissionDenied("not a role that writes this")
    if patient.practice_id != user.practice_id:
        raise PermissionDenied("this patient belongs to another practice")


def _content_version():
    return ContentVersion.current()


@transaction.atomic
def start_intake(*, patient, user, request=None):
    """The POH-GGZ's intake, after the GP's latest consult with this patient."""
    _check(user, patient, {Role.POH_GGZ})
    consult = Consult.objects.filter(patient=patient).order_by("-created_at").first()
    intake = Intake.objects.create(patient=patient, consult=consult, created_by=user,
                                   content_version=consult.content_version if consult else _content_version())
    log_access(user=user, action=AccessEvent.Action.CREATE, what="intake", subject=intake, request=request)
    return intake


def _locked(model, record, user, roles):
    locked = model.objects.select_for_update().select_related("patient", "content_version").get(pk=record.pk)
    _check(user, locked.patient, roles)
    return locked


def save_intake_answers(*, intake, user, answers, bases=None, keep_mine=(), request=None):
    if not answers:
        current = Intake.objects.select_related("patient", "content_version").get(pk=intake.pk)
        _check(user, current.patient, {Role.POH_GGZ})
        return SaveResult(record=current)
    return _save_intake(intake=intake, user=user, answers=answers, bases=bases, keep_mine=keep_mine, request=request)


@transaction.atomic
def _save_intake(*, intake, user, answers, bases, keep_mine, request):
    locked = _locked(Intake, intake, user, {Role.POH_GGZ})
    result = store_answers(locked=locked, answers=answers, answer_fields=Intake.ANSWER_FIELDS, bases=bases,
                           keep_mine=keep_mine)
    if result.changed:
        log_access(user=user, action=AccessEvent.Action.CHANGE, what=",".join(result.changed), subject=locked, request=request)
    return result


@transaction.atomic
def plan_session(*, patient, user, date, request=None):
    """A follow-up session on a date; the GP and the POH-GGZ both hold sessions."""
    _check(user, patient, CLINICIANS)
    if not isinstance(date, datetime.date):
        raise ValueError("a session needs a date")
    consult = Consult.objects.filter(patient=patient).order_by("-created_at").first()
    session = Session.objects.create(patient=patient, date=date, created_by=user,
                                     content_version=consult.content_version if consult else _content_version())
    log_access(user=user, action=AccessEvent.Action.CREATE, what="sessie", subject=session, request=request)
    return session


def save_session_answers(*, session, user, answers, bases=None, keep_mine=(), request=None):
    if not answers:
        current = Session.objects.select_related("patient", "content_version").get(pk=session.pk)
        _check(user, current.patient, CLINICIANS)
        if current.is_final:
            raise SessionFinalError()
        return SaveResult(record=current)
    return _save_session(session=session, user=user, answers=answers, bases=bases, keep_mine=keep_mine, request=request)


@transaction.atomic
def _save_session(*, session, user, answers, bases, keep_mine, request):
    locked = _locked(Session, session, user, CLINICIANS)
    if locked.is_final:
        raise SessionFinalError()
    result = store_answers(locked=locked, answers=answers, answer_fields=Session.ANSWER_FIELDS, bases=bases,
                           keep_mine=keep_mine)
    if result.changed:
        log_access(user=user, action=AccessEvent.Action.CHANGE, what=",".join(result.changed), subject=locked, request=request)
    return result


@transaction.atomic
def add_goal(*, session, user, text, request=None):
    _check(user, session.patient, CLINICIANS)
    goal = Goal(patient=session.patient, set_in=session, text=text.strip(), created_by=user)
    goal.full_clean()
    goal.save()
    log_access(user=user, action=AccessEvent.Action.CHANGE, what="doel:nieuw", subject=session, request=request)
    return goal


@transaction.atomic
def set_goal_status(*, goal, user, status, request=None):
    _check(user, goal.patient, CLINICIANS)
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    goal.status = status
    goal.full_clean()
    goal.save(update_fields=["status", "updated_at"])
    log_access(user=user, action=AccessEvent.Action.CHANGE, what=f"doel:{status}", subject=goal, request=request)
    return goal


def issue_followup_handout(*, session, user, expected_version, request=None):
    """Freeze the follow-up handout of a session as handed out. Its PDF is rendered once
    by the task worker, so no web worker waits for WeasyPrint."""
    current = Session.objects.select_related("patient", "content_version").get(pk=session.pk)
    _check(user, current.patient, CLINICIANS)
    if current.is_final:
        raise SessionFinalError()
    problems = followup_problems(current)
    if problems:
        raise HandoutLanguageError(problems)
    html = followup_handout_html(current)
    return _store_followup(session=current, user=user, expected_version=expected_version, html=html, request=request)


@transaction.atomic
def _store_followup(*, session, user, expected_version, html, request):
    from .tasks import render_followup_pdf  # the task module imports these actions

    locked = _locked(Session, session, user, CLINICIANS)
    if locked.is_final:
        raise SessionFinalError()
    if locked.version != expected_version:
        raise StaleConsultError(locked.version)
    issue = FollowUpIssue.objects.create(session=locked, number=locked.issues.count() + 1, created_by=user,
                                         handout_html=html)
    locked.status = Session.Status.FINAL
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    log_access(user=user, action=AccessEvent.Action.CHANGE, what="vervolgfolder-uitgegeven", subject=locked, request=request)
    # Queued in this transaction: the issue and its render job are stored together or not at all.
    render_followup_pdf.enqueue(str(issue.pk))
    return issue


def attach_followup_pdf(*, issue, pdf):
    """Store the rendered PDF of a handed-out follow-up handout, once (printing/stored.py)."""
    return attach_pdf_once(record=issue, pdf=pdf, name=f"vervolgfolders/{issue.session_id}-{issue.number}.pdf")


@transaction.atomic
def destroy_patient(*, patient, user, request=None):
    """Destruction at the patient's request (AVG art. 17), by the practice manager: every
    consult, intake, session, goal, timeline moment and stored PDF of the patient goes. The
    access log keeps that it happened, when and by whom."""
    if user.practice_id is None or user.role != Role.MANAGER or patient.practice_id != user.practice_id:
        raise PermissionDenied("only the practice manager destroys a patient's records")
    consults = list(Consult.objects.filter(patient=patient))
    sessions = list(Session.objects.filter(patient=patient))
    files = [i.handout_pdf for i in Issue.objects.filter(consult__in=consults) if i.handout_pdf]
    files += [i.handout_pdf for i in FollowUpIssue.objects.filter(session__in=sessions) if i.handout_pdf]
    log_access(user=user, action=AccessEvent.Action.DESTROY,
               what=f"vernietigd:{len(consults)} consulten en {len(sessions)} sessies", subject=patient, request=request)
    Goal.objects.filter(patient=patient).delete()
    FollowUpIssue.objects.filter(session__in=sessions).delete()
    Intake.objects.filter(patient=patient).delete()
    Session.objects.filter(patient=patient).delete()
    Issue.objects.filter(consult__in=consults).delete()
    Consult.objects.filter(patient=patient).update(previous=None)
    Consult.objects.filter(patient=patient).delete()
    patient.delete()  # the timeline goes with it
    transaction.on_commit(lambda: [f.storage.delete(f.name) for f in files])


@transaction.atomic
def accept_followup_finding(*, session, user, field, phrase, matched, request=None):
    """A clinician marks words the guard found in the follow-up handout as not harmful in
    this context. Raises UnknownFindingError when the words are no longer found there."""
    current = Session.objects.select_for_update().select_related("patient", "content_version").get(pk=session.pk)
    _check(user, current.patient, CLINICIANS)
    if current.is_final:
        raise SessionFinalError()
    finding = chosen_finding(followup_problems(current), field=field, phrase=phrase, matched=matched)
    return accept_finding(user=user, patient=current.patient, record=current, finding=finding, request=request)
