"""What an autosave did, as the page shows it: one status line and, per field, what
happened to it."""

import json
from dataclasses import dataclass, field

from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from .merge import token

# Most important first: the status line names the first that applies.
STATES = ["final", "waiting", "conflict", "invalid", "incomplete", "saved", "unchanged"]


@dataclass
class Outcome:
    saved: list = field(default_factory=list)
    invalid: list = field(default_factory=list)
    conflicts: dict = field(default_factory=dict)  # name -> what someone else saved
    notes: dict = field(default_factory=dict)  # name -> what a rule changed, in words
    missing: dict = field(default_factory=dict)  # name -> what is needed to go on
    bases: dict = field(default_factory=dict)  # name -> base token for the page
    set_values: dict = field(default_factory=dict)  # name -> value the page must show
    refresh: list = field(default_factory=list)  # feedback the page asked to draw again
    blocked: str = ""  # "final" or "waiting": nothing could be saved
    saved_at: object = None
    waiting_reason: str = ""

    @property
    def state(self):
        flags = {
            "final": self.blocked == "final",
            "waiting": self.blocked == "waiting",
            "conflict": bool(self.conflicts),
            "invalid": bool(self.invalid),
            "incomplete": bool(self.missing),
            "saved": bool(self.saved),
            "unchanged": True,
        }
        return next(state for state in STATES if flags[state])

    @property
    def touched(self):
        """Fields whose feedback changed with this request."""
        return (set(self.saved) | set(self.invalid) | set(self.conflicts) | set(self.notes) | set(self.missing)
                | set(self.set_values) | set(self.refresh))

    @property
    def conflict_bases(self):
        """The base that settles each conflict: the token of what is stored now."""
        return {name: token(list(value) if isinstance(value, (list, tuple)) else value)
                for name, value in self.conflicts.items()}

    @property
    def rebased(self):
        """Fields whose base moved: the page now holds what is stored."""
        return set(self.saved) | set(self.set_values)

    @property
    def pending(self):
        """Fields the page still holds unsaved text for."""
        return sorted(set(self.invalid) | set(self.conflicts))


def bases_for(record, names):
    """The base token of each named field, from the stored record."""
    return {name: token(_stored(record, name)) for name in names}


def _stored(record, name):
    value = getattr(record, name)
    return list(value) if isinstance(value, (list, tuple)) else value


def respond(request, template, context, outcome=None):
    """The full page, or for an htmx save only the pieces that changed (out of band)."""
    if request.htmx and request.method == "POST" and outcome is not None:
        response = render(request, f"{template}#autosave-response", context)
        response["HX-Trigger"] = json.dumps({
            "autosaved": {"pending": outcome.pending, "values": outcome.set_values},
        }, default=str)
    else:
        response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
