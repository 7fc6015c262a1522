"""Storing answers into a record that the caller has locked and checked.

Per field: a three-way merge against what the user started from (see merge.py), then the
record's own rules (`apply_rules()`, if it has them) and validation, one version step and
one save. The caller's action asserts who may write and logs what changed.
"""

from dataclasses import dataclass, field

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


def store_answers(*, locked, answers, answer_fields, bases=None, keep_mine=()):
    unknown = set(answers) - set(answer_fields)
    if unknown:
        raise ValueError(f"not an answer: {', '.join(sorted(unknown))}")
    before = {name: getattr(locked, name) for name in answer_fields}
    bases = {name: base for name, base in (bases or {}).items() if name not in keep_mine}
    apply, conflicts = three_way(current=before, new=answers, bases=bases)
    for name, value in apply.items():
        setattr(locked, name, value)
    notes = locked.apply_rules() if hasattr(locked, "apply_rules") else {}
    changed = sorted(name for name in answer_fields if getattr(locked, name) != before[name])
    locked.full_clean(exclude=[f.name for f in type(locked)._meta.fields if f.name not in changed])
    if changed:
        locked.version += 1
        locked.save(update_fields=[*changed, "version", "updated_at"])
    saved = [name for name in answers if name not in conflicts and _same(getattr(locked, name), answers[name])]
    ruled = {name: getattr(locked, name) for name in changed if name not in saved}
    return SaveResult(record=locked, saved=saved, conflicts=conflicts, ruled=ruled, notes=notes, changed=changed)
