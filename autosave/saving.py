"""Saving a bound form: what the user changed goes to the app's own save action, and
the answer says, per field, what happened."""

from django.utils import timezone

from .outcome import Outcome, bases_for
from .submission import read_submission


class Blocked(Exception):
    """Nothing can be saved now: the record is final, or its step waits for something.

    `state` is "final" or "waiting"; `reason` says in words what it waits for.
    """

    state = "waiting"

    def __init__(self, reason=""):
        super().__init__(reason)
        self.reason = reason


def save_form(form, record, save):
    """(record as stored now, Outcome).

    `save(answers=, bases=, keep_mine=)` is the app's action: it stores what it can and
    returns .record, .saved, .conflicts, .ruled and .notes, or raises Blocked.
    """
    submission = read_submission(form)
    outcome = Outcome(invalid=submission.invalid, refresh=submission.refresh)
    try:
        result = save(answers=submission.answers, bases=submission.bases, keep_mine=submission.keep_mine)
    except Blocked as exc:
        outcome.blocked = exc.state
        outcome.waiting_reason = exc.reason
        return record, outcome
    record = result.record
    outcome.saved = result.saved
    outcome.conflicts = result.conflicts
    outcome.notes = result.notes
    outcome.saved_at = timezone.localtime(getattr(record, "updated_at", None) or timezone.now())
    outcome.set_values = {**result.ruled, **{name: getattr(record, name) for name in submission.take_theirs}}
    # The page's bases follow what is stored, except where the user still holds other text:
    # those of the fields the form has, and of any a rule changed.
    names = [name for name in form.field_names() if name in form.fields or name in outcome.set_values]
    stored = bases_for(record, names)
    outcome.bases = {
        name: form.data.get(f"base-{name}") if name in outcome.invalid or name in outcome.conflicts else stored[name]
        for name in names
    }
    return record, outcome
