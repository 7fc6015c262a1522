"""Storing answers into a record that the caller has checked: locked (store_answers),
or read before and written only if still unchanged (store_if_unchanged).

Per field: a three-way merge against what the user started from (see merge.py), then the
record's own rules (`apply_rules()`, if it has them) and validation, one version step and
one save. The caller's action asserts who may write and logs what changed.
"""

import copy
from dataclasses import dataclass, field

from django.utils import timezone

from .merge import three_way


@dataclass
class SaveResult:
    record: object
    saved: list = field(default_factory=list)  # fields that now hold what the user sent
    conflicts: dict = field(default_factory=dict)  # field -> what someone else saved meanwhile
    ruled: dict = field(default_factory=dict)  # field -> value a rule gave it
    notes: dict = field(default_factory=dict)  # field -> what a rule changed, in words
    changed: list = field(default_factory=list)  # every field whose stored value changed


def _same(stored, sent):
    if isinstance(sent, (list, tuple)):
        return set(stored) == set(sent)
    return stored == sent


def _merge(record, *, answers, answer_fields, bases, keep_mine):
    """Put the answers into the record in memory, apply its rules and validate what
    changed: (conflicts, notes, changed field names)."""
    unknown = set(answers) - set(answer_fields)
    if unknown:
        raise ValueError(f"not an answer: {', '.join(sorted(unknown))}")
    before = {name: getattr(record, name) for name in answer_fields}
    bases = {name: base for name, base in (bases or {}).items() if name not in keep_mine}
    apply, conflicts = three_way(current=before, new=answers, bases=bases)
    for name, value in apply.items():
        setattr(record, name, value)
    notes = record.apply_rules() if hasattr(record, "apply_rules") else {}
    changed = sorted(name for name in answer_fields if getattr(record, name) != before[name])
    record.full_clean(exclude=[f.name for f in type(record)._meta.fields if f.name not in changed])
    return conflicts, notes, changed


def _result(record, answers, conflicts, notes, changed):
    saved = [name for name in answers if name not in conflicts and _same(getattr(record, name), answers[name])]
    ruled = {name: getattr(record, name) for name in changed if name not in saved}
    return SaveResult(record=record, saved=saved, conflicts=conflicts, ruled=ruled, notes=notes, changed=changed)


def store_answers(*, locked, answers, answer_fields, bases=None, keep_mine=()):
    conflicts, notes, changed = _merge(locked, answers=answers, answer_fields=answer_fields, bases=bases,
                                       keep_mine=keep_mine)
    if changed:
        locked.version += 1
        locked.save(update_fields=[*changed, "version", "updated_at"])
    return _result(locked, answers, conflicts, notes, changed)


def store_if_unchanged(*, record, answers, answer_fields, bases=None, keep_mine=()):
    """store_answers on a record read before this transaction, without reading it again:
    the write names the version that was read, so it only lands if nobody changed the
    record since. Returns None when someone did, or when there is nothing to write
    (then only the stored record can tell whether the answers conflict); the caller then
    locks the record and uses store_answers. Every write to the record must step its version.
    """
    draft = copy.copy(record)
    conflicts, notes, changed = _merge(draft, answers=answers, answer_fields=answer_fields, bases=bases,
                                       keep_mine=keep_mine)
    if not changed:
        return None
    draft.version = record.version + 1
    draft.updated_at = timezone.now()
    written = type(record)._default_manager.filter(pk=record.pk, version=record.version).update(
        **{name: getattr(draft, name) for name in changed}, version=draft.version, updated_at=draft.updated_at,
    )
    return _result(draft, answers, conflicts, notes, changed) if written else None
