"""Per-field conflict detection: a three-way merge of what the user saw, what they
sent, and what is stored now.

The page carries, for every field, a token of the value it was loaded with (its
*base*). A change to a field is applied when the stored value still matches that base;
when someone else changed the same field meanwhile, it is a conflict. Different fields
never conflict. A list of choices is merged: what the user ticked or unticked is applied
to the stored list, so two people ticking in different panels both keep their ticks.
"""

import hashlib
import json

LIST_PREFIX = "L:"


def token(value):
    """The base token of a stored or submitted value."""
    if isinstance(value, (list, tuple)):
        return LIST_PREFIX + ",".join(sorted(str(v) for v in value))
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return "H:" + hashlib.sha256(encoded.encode("utf-8")).hexdigest()[:24]


def _listed(base):
    items = base[len(LIST_PREFIX):]
    return set(items.split(",")) if items else set()


def three_way(*, current, new, bases):
    """(to apply {name: value}, conflicts {name: stored value}).

    `current` holds the stored values of the names in `new`; a name without a base is
    applied as sent.
    """
    apply, conflicts = {}, {}
    for name, value in new.items():
        stored = current[name]
        base = bases.get(name)
        if isinstance(value, (list, tuple)) and base is not None and base.startswith(LIST_PREFIX):
            seen, sent = _listed(base), set(value)
            added, removed = sent - seen, seen - sent
            merged = [v for v in stored if v not in removed] + [v for v in value if v in added and v not in stored]
            if merged != list(stored):
                apply[name] = merged
        elif base is None or token(stored) == base:
            if value != stored:
                apply[name] = value
        elif value != stored:
            conflicts[name] = stored
    return apply, conflicts
