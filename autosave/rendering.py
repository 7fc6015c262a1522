"""The parts of an autosaving form that a page draws by the dozen: a field with its label,
its base token and its feedback, and a list of tick boxes.

They are written in Python rather than as included templates because a step page draws
30 of them with up to 60 tick boxes, and Django's template engine spent most of a page's
time on them. The HTML is what Bootstrap 5 expects and what the templates wrote; every
string a user or the content library wrote goes through `escaped`.
"""

import html
import json
from typing import NamedTuple

from django import forms
from django.template.defaultfilters import linebreaksbr
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.dateformat import time_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

# Inputs written here with the same attributes their widget would give them (its own,
# such as min and rows, then id, required and disabled). Other widgets (date, e-mail)
# go through Django's widget renderer.
PLAIN_INPUTS = (forms.TextInput, forms.NumberInput, forms.Textarea)
CHOICE_LISTS = ("radioselect", "checkboxselectmultiple")
OOB = ' hx-swap-oob="true"'


TRANSLATED = {}  # (id of a lazy text, language): (the lazy text, its text)


def text(value):
    """A lazy translation as text, read once per language. A form field's label is a
    chain of lazy calls (capfirst of gettext_lazy) that took 8 µs to read, every time."""
    key = (id(value), get_language())
    found = TRANSLATED.get(key)
    if found is None or found[0] is not value:  # holding the lazy text keeps its id unique
        if len(TRANSLATED) > 4096:
            TRANSLATED.clear()
        found = TRANSLATED[key] = (value, str(value))
    return found[1]


def escaped(value):
    """conditional_escape without its per-call laziness checks (a page makes 1,500 calls)."""
    if isinstance(value, Promise):
        value = text(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def format_html(template, *args):
    """django.utils.html.format_html for positional arguments, with the faster escape."""
    return SafeString(template.format(*map(escaped, args)))


def mapping(outcome, name):
    """One of an Outcome's per-field mappings; a page shown without a save has none."""
    return getattr(outcome, name, None) or {}


def display_value(value, bound_field):
    """A stored value as the field's choices name it (for a conflict message)."""
    choices = dict(getattr(bound_field.field, "choices", []) or [])
    if isinstance(value, list):
        return ", ".join(str(choices.get(v, v)) for v in value)
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if value is None:
        return ""
    return choices.get(value, value)


def as_json(value):
    return json.dumps(value, ensure_ascii=False, default=str)


def base_input(name, value, *, oob=False):
    """The token of the stored value the page started from (autosave/merge.py)."""
    name = escaped(name)
    return SafeString(f'<input type="hidden" name="base-{name}" id="base-{name}" value="{escaped(value)}"'
                      f'{OOB if oob else ""}>')


def feedback(field, *, outcome, warnings, oob=False):
    """What the page says under a field: errors, what is missing, a rule's note, a
    conflict with both texts, and phrases to avoid."""
    name = field.name
    parts = []
    unsaved = " " + _("Dit veld is niet opgeslagen; uw tekst staat er nog.") if name in mapping(outcome, "invalid") else ""
    for error in field.errors:
        parts.append(format_html('<div class="text-danger small fw-semibold" id="error-{}">{}{}</div>', name, error, unsaved))
    missing = mapping(outcome, "missing").get(name)
    if missing:
        parts.append(format_html('<div class="text-warning-emphasis small fw-semibold">{}</div>', missing))
    note = mapping(outcome, "notes").get(name)
    if note:
        parts.append(format_html('<div class="small text-body-secondary" role="note">{}</div>', note))
    conflicts = mapping(outcome, "conflicts")
    if name in conflicts:
        parts.append(_conflict(field, conflicts[name], outcome.conflict_bases[name]))
    for hit in (warnings or {}).get(name, ()):
        parts.append(format_html(
            '<div class="guard-warning small" role="note">{} {} <span class="fw-semibold">{}</span> {}</div>',
            _("Liever niet: “%(matched)s”.") % {"matched": hit.matched}, hit.reason, _("Schrijf liever:"), hit.alternative,
        ))
    return SafeString(f'<div id="feedback-{escaped(name)}" class="field-feedback" aria-live="polite"'
                      f'{OOB if oob else ""}>{"".join(parts)}</div>')


def _conflict(field, theirs, current_base):
    shown = linebreaksbr(display_value(theirs, field)) or _("(leeg)")
    return format_html(
        '<div class="conflict small border border-danger rounded p-2 mt-1" data-current-base="{}" data-their-value="{}">'
        '<p class="text-danger fw-semibold mb-1">{}</p><p class="mb-1">{}</p>'
        '<blockquote class="their-text mb-2">{}</blockquote>'
        '<button type="submit" class="btn btn-sm btn-outline-danger" name="_keep_mine" value="{}" data-resolve="mine">{}</button> '
        '<button type="submit" class="btn btn-sm btn-outline-secondary" name="_take_theirs" value="{}" data-resolve="theirs">{}</button>'
        '</div>',
        current_base, as_json(theirs),
        _("Iemand anders heeft dit veld intussen gewijzigd. Uw tekst is nog niet opgeslagen en staat hierboven."),
        _("Hun tekst:"), shown, field.name, _("Mijn tekst bewaren"), field.name, _("Hun tekst overnemen"),
    )


class Option(NamedTuple):
    """One tick box or radio button of a choice field; every text but the value is
    already escaped for HTML."""

    name: str
    value: str
    label: str
    id: str
    checked: bool
    type: str


def options(field):
    """The options of a radio or checkbox field, with the ids Django's widget gives them
    (`<auto_id>_<index>`), escaped for HTML; the fields here have flat choices, no groups."""
    widget = field.field.widget
    chosen = {str(value) for value in widget.format_value(field.value())}
    name, kind = escaped(field.html_name), escaped(widget.input_type)
    return [
        Option(name, str(value), escaped(label), escaped(f"{field.auto_id}_{index}"), str(value) in chosen, kind)
        for index, (value, label) in enumerate(widget.choices)
    ]


def tick_boxes(choices, *, inline=False, suggested=(), suggested_label=""):
    """Options (see `options`), each with its label."""
    css = "form-check form-check-inline" if inline else "form-check"
    badge = format_html(' <span class="badge text-bg-light border fw-normal">{}</span>', suggested_label)
    suggested = set(suggested or ())
    return mark_safe("\n".join(
        f'<div class="{css}"><input type="{o.type}" name="{o.name}" value="{escaped(o.value)}" id="{o.id}" '
        f'class="form-check-input"{" checked" if o.checked else ""}> <label class="form-check-label" for="{o.id}">'
        f'{o.label}</label>{badge if o.value in suggested else ""}</div>'
        for o in choices
    ))


def choice_list(choices, legend):
    """Some of a choice field's options under their own legend (e.g. the factors of one
    SCEGS dimension); the field's base and feedback are drawn once, elsewhere."""
    rows = tick_boxes(choices) if choices else mark_safe('<p class="small text-body-secondary">–</p>')
    return format_html('<fieldset><legend class="form-label fs-6 mb-1">{}</legend>\n{}\n</fieldset>', legend, rows)


def html_attrs(attrs):
    """Attributes as Django's flatatt writes them: True gives the bare name; False and None leave it out."""
    return "".join(f" {key}" if value is True else f' {key}="{escaped(value)}"'
                   for key, value in attrs.items() if value is not False and value is not None)


def _attrs(field, css_class, describedby, **extra):
    """The widget's own attributes (min, rows, ...), the classes crispy-forms would give
    it, then id, required and disabled as Django's renderer adds them."""
    widget = field.field.widget
    attrs = {**widget.attrs, "class": f"{type(widget).__name__.lower()} {css_class}", "aria-describedby": describedby,
             **extra}
    attrs["id"] = field.auto_id
    attrs["required"] = field.field.required and field.form.use_required_attribute
    attrs["disabled"] = field.field.disabled
    return attrs


def _input(field, attrs):
    """A text, number or textarea input, as its widget would render it."""
    widget = field.field.widget
    value = widget.format_value(field.value())
    name = escaped(field.html_name)
    if isinstance(widget, forms.Textarea):
        return f'<textarea name="{name}"{html_attrs(attrs)}>\n{escaped(value or "")}</textarea>'
    attrs["value"] = value
    return f'<input type="{escaped(widget.input_type)}" name="{name}"{html_attrs(attrs)}>'


def _checkbox(field, attrs):
    widget = field.field.widget
    value = field.value()
    attrs["checked"] = bool(widget.check_test(value))
    attrs["value"] = widget.format_value(value)
    return f'<input type="checkbox" name="{escaped(field.html_name)}"{html_attrs(attrs)}>'


def _select(field, attrs):
    widget = field.field.widget
    chosen = {str(value) for value in widget.format_value(field.value())}
    options = "\n".join(
        f'<option value="{escaped(value)}"{" selected" if str(value) in chosen else ""}>{escaped(label)}</option>'
        for value, label in widget.choices
    )
    return f'<select name="{escaped(field.html_name)}"{html_attrs(attrs)}>\n{options}\n</select>'


def field_block(field, *, outcome, warnings, inline=False, placeholder="", suggested=(), suggested_label=""):
    """A whole field: label, input, base token, help text and feedback."""
    widget, name = field.widget_type, field.name
    describedby = f"feedback-{name}"
    label = text(field.label) if isinstance(field.label, Promise) else str(field.label)
    for_id = escaped(field.field.widget.id_for_label(field.auto_id))
    if widget == "checkbox":
        control = (f'<div class="form-check">{_checkbox(field, _attrs(field, "form-check-input", describedby))} '
                   f'<label class="form-check-label" for="{for_id}">{escaped(label)}</label></div>')
    elif widget in CHOICE_LISTS:
        boxes = tick_boxes(options(field), inline=inline, suggested=suggested, suggested_label=suggested_label)
        control = (f'<fieldset aria-describedby="{describedby}"><legend class="form-label fs-6 mb-1">{escaped(label)}</legend>'
                   f'\n{boxes}\n</fieldset>')
    else:
        if widget == "select" and not field.field.widget.allow_multiple_selected:
            control = _select(field, _attrs(field, "form-select", describedby))
        else:
            max_chars = getattr(field.field, "max_length", None)
            attrs = _attrs(field, "form-control", describedby, **{"data-max-chars": max_chars, "placeholder": placeholder or None})
            if type(field.field.widget) in PLAIN_INPUTS:
                control = _input(field, attrs)
            else:  # a date or e-mail input: Django's renderer writes None as "None"
                control = field.as_widget(attrs={key: value for key, value in attrs.items() if value is not None})
        control = f'<label class="form-label" for="{for_id}">{escaped(capfirst(label))}</label>{control}'
    help_text = f'<div class="form-text">{escaped(field.help_text)}</div>' if field.help_text else ""
    return SafeString(
        f'<div class="mb-3 field field-{widget}" id="field-{escaped(name)}">\n{control}\n'
        f'{base_input(name, mapping(outcome, "bases").get(name, ""))}{help_text}\n'
        f'{feedback(field, outcome=outcome, warnings=warnings)}\n</div>'
    )


def changes(form, *, outcome, warnings):
    """What an htmx save sends back besides its status (out of band): the base token of
    every field whose stored value moved, and the feedback of every field it touched."""
    rebased, touched = outcome.rebased, outcome.touched
    parts = [base_input(name, value, oob=True) for name, value in outcome.bases.items() if name in rebased]
    parts += [feedback(form.field_for_feedback(name), outcome=outcome, warnings=warnings, oob=True)
              for name in form.field_names() if name in touched]
    return mark_safe("\n".join(parts))


STATUS = {  # state: (CSS class, what the status line says)
    "final": ("text-danger fw-semibold", _lazy("Niet opgeslagen: dit is afgerond en kan niet meer veranderen.")),
    "conflict": ("text-danger fw-semibold", _lazy(
        "Niet alles is opgeslagen: iemand anders wijzigde intussen een veld dat u ook wijzigde. "
        "Kijk bij het veld met de rode melding; beide teksten staan er.")),
    "invalid": ("text-danger fw-semibold", _lazy(
        "Niet alles is opgeslagen: kijk bij de velden met een rode melding. De rest is opgeslagen.")),
    "incomplete": ("text-warning-emphasis fw-semibold", _lazy(
        "Opgeslagen. Vul de velden met een melding in om verder te gaan.")),
    "unchanged": ("text-success", _lazy("Alles is opgeslagen.")),
}


def status(outcome, *, oob=False):
    """The save status line: what the last save did, or that saving happens by itself."""
    state = outcome.state if outcome else "idle"
    if not outcome:
        css, says = "text-body-secondary", _("Wijzigingen worden vanzelf opgeslagen.")
    elif state == "waiting":
        css, says = "text-danger fw-semibold", _("Niet opgeslagen: %(reason)s") % {"reason": outcome.waiting_reason}
    elif state == "saved":
        css, says = "text-success", _("Opgeslagen om %(time)s") % {"time": time_format(outcome.saved_at, "H:i")}
    else:
        css, says = STATUS[state]
    return format_html(
        '<div id="save-status" class="save-status small" role="status" aria-live="polite" data-state="{}"{}>'
        '<span class="{}">{}</span></div>', state, mark_safe(OOB if oob else ""), css, says,
    )
