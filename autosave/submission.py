"""What an autosave request asks for, read from a bound form.

A field takes part in a request when its base token (`base-<name>`) was posted with it.
Only fields whose submitted value differs from their base were changed by the user;
fields that do not validate are reported, never saved, and never stop the others.
"""

from dataclasses import dataclass, field

from .merge import token

KEEP_MINE = "_keep_mine"
TAKE_THEIRS = "_take_theirs"
# Sent by the page: a text too long to send (name:length), held back so the others save.
HELD_BACK = "_held_back"
# Sent by the page: a field whose feedback must be drawn again (a conflict it settled).
REFRESH = "_refresh"


@dataclass
class Submission:
    answers: dict = field(default_factory=dict)  # name -> value the user changed
    bases: dict = field(default_factory=dict)  # name -> base token posted with it
    invalid: list = field(default_factory=list)  # names whose input does not validate
    keep_mine: list = field(default_factory=list)  # conflicts the user settles with their own text
    take_theirs: list = field(default_factory=list)  # conflicts settled with the stored text
    refresh: list = field(default_factory=list)  # fields whose feedback the page wants again


def plain(value):
    """A form's cleaned value as the model stores it (choice lists become lists of str)."""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return value


def _held_back(form):
    """{name: length} of the texts the page held back because they are too long."""
    held = {}
    for item in form.data.getlist(HELD_BACK):
        name, _, length = item.partition(":")
        if name in form.fields and length.isdigit() and len(length) < 10:
            held[name] = int(length)
    return held


def read_submission(form):
    submission = Submission()
    form.is_valid()
    for name, length in _held_back(form).items():
        field = form.fields[name]
        message = field.error_messages.get("max_length", "")
        form.add_error(name, message % {"limit_value": getattr(field, "max_length", 0) or 0, "show_value": length})
    submission.refresh = [name for name in form.data.getlist(REFRESH) if name in form.fields]
    settle = {name: form.data.get(key) for key, name in ((KEEP_MINE, "keep"), (TAKE_THEIRS, "take"))}
    for name in form.fields:
        base = form.data.get(f"base-{name}")
        if name in form.errors:
            submission.invalid.append(name)
            continue
        if base is None:
            continue
        if name == settle["take"]:
            submission.take_theirs.append(name)
            continue
        value = plain(form.cleaned_data.get(name))
        if token(value) != base or name == settle["keep"]:
            submission.answers[name] = value
            submission.bases[name] = base
        if name == settle["keep"]:
            submission.keep_mine.append(name)
    return submission


def sent_fields(data):
    """The fields a request takes part in: every field it sent a base token for, and
    those it names (held back, to draw again, a conflict to settle). The page's autosave
    sends only the fields that changed since they were last stored."""
    names = {key[len("base-"):] for key in data if key.startswith("base-")}
    names.update(item.partition(":")[0] for item in data.getlist(HELD_BACK))
    names.update(data.getlist(REFRESH), data.getlist(KEEP_MINE), data.getlist(TAKE_THEIRS))
    return names
