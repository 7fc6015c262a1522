"""The parts of an autosaving form that a page draws by the dozen: a field with its label,
its base token and its feedback, and a list of tick boxes.

They are written in Python rather than as included templates because a step page draws
30 of them with up to 60 tick boxes, and Django's template engine spent most of a page's
time on them. The HTML is what Bootstrap 5 expects; every string a user or the content
library wrote is escaped by format_html.
"""

import html
import json
from typing import NamedTuple

from django import forms
from django.forms.utils import flatatt
from django.template.defaultfilters import linebreaksbr
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

# Inputs written here with the same attributes their widget would give them (its own,
# such as min and rows, then id, required and disabled). Other widgets (date, e-mail)
# go through Django's widget renderer.
PLAIN_INPUTS = {forms.TextInput: "textinput", forms.NumberInput: "numberinput", forms.Textarea: "textarea"}
CHOICE_LISTS = ("radioselect", "checkboxselectmultiple")


def escaped(value):
    """conditional_escape without its per-call laziness checks (a page makes 1,500 calls)."""
    if isinstance(value, Promise):
        value = str(value)
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
    return format_html('<input type="hidden" name="base-{}" id="base-{}" value="{}"{}>',
                       name, name, value, mark_safe(' hx-swap-oob="true"') if oob else "")


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
    return format_html('<div id="feedback-{}" class="field-feedback" aria-live="polite"{}>{}</div>',
                       name, mark_safe(' hx-swap-oob="true"') if oob else "", mark_safe("".join(parts)))


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
    """One tick box or radio button of a choice field."""

    name: str
    value: str
    label: str
    id: str
    checked: bool
    type: str


def options(field):
    """The options of a radio or checkbox field, with the ids Django's widget gives them
    (`<auto_id>_<index>`); the fields here have flat choices, no groups."""
    widget = field.field.widget
    chosen = {str(value) for value in widget.format_value(field.value())}
    return [
        Option(field.html_name, str(value), label, f"{field.auto_id}_{index}", str(value) in chosen, widget.input_type)
        for index, (value, label) in enumerate(widget.choices)
    ]


def tick_boxes(choices, *, inline=False, suggested=(), suggested_label=""):
    """Options (see `options`), each with its label."""
    css = "form-check form-check-inline" if inline else "form-check"
    badge = format_html(' <span class="badge text-bg-light border fw-normal">{}</span>', suggested_label)
    return mark_safe("\n".join(
        format_html(
            '<div class="{}"><input type="{}" name="{}" value="{}" id="{}" class="form-check-input"{}>'
            ' <label class="form-check-label" for="{}">{}</label>{}</div>',
            css, option.type, option.name, option.value, option.id, mark_safe(" checked") if option.checked else "",
            option.id, option.label, badge if suggested and option.value in suggested else "",
        )
        for option in choices
    ))


def choice_list(choices, legend):
    """Some of a choice field's options under their own legend (e.g. the factors of one
    SCEGS dimension); the field's base and feedback are drawn once, elsewhere."""
    rows = tick_boxes(choices) if choices else mark_safe('<p class="small text-body-secondary">–</p>')
    return format_html('<fieldset><legend class="form-label fs-6 mb-1">{}</legend>\n{}\n</fieldset>', legend, rows)


def _widget_attrs(field, css_class, describedby):
    """The widget's attributes with the classes crispy-forms would give it."""
    widget = field.field.widget
    kind = type(widget).__name__.lower()
    return {**widget.attrs, "class": f"{kind} {css_class}", "aria-describedby": describedby}


def _input(field, attrs):
    """A text, number or textarea input, as its widget would render it."""
    widget = field.field.widget
    if getattr(field.field, "max_length", None):
        attrs["data-max-chars"] = field.field.max_length
    if field.field.required and field.form.use_required_attribute:
        attrs["required"] = True
    if field.field.disabled:
        attrs["disabled"] = True
    attrs["id"] = field.auto_id
    value = widget.format_value(field.value())
    if isinstance(widget, forms.Textarea):
        return format_html('<textarea name="{}"{}>\n{}</textarea>', field.html_name, flatatt(attrs), value or "")
    if value is not None:
        attrs["value"] = value
    return format_html('<input type="{}" name="{}"{}>', widget.input_type, field.html_name, flatatt(attrs))


def _select(field, attrs):
    widget = field.field.widget
    if field.field.required and field.form.use_required_attribute:
        attrs["required"] = True
    if field.field.disabled:
        attrs["disabled"] = True
    attrs["id"] = field.auto_id
    chosen = {str(value) for value in widget.format_value(field.value())}
    options = mark_safe("\n".join(
        format_html('<option value="{}"{}>{}</option>', value, mark_safe(" selected") if str(value) in chosen else "", label)
        for value, label in widget.choices
    ))
    return format_html('<select name="{}"{}>\n{}\n</select>', field.html_name, flatatt(attrs), options)


def _label(field):
    return format_html('<label class="form-label" for="{}">{}</label>', field.id_for_label, capfirst(field.label))


def field_block(field, *, outcome, warnings, inline=False, placeholder="", suggested=(), suggested_label=""):
    """A whole field: label, input, base token, help text and feedback."""
    widget, name = field.widget_type, field.name
    describedby = f"feedback-{name}"
    if widget == "checkbox":
        attrs = _widget_attrs(field, "form-check-input", describedby)
        control = format_html('<div class="form-check">{} <label class="form-check-label" for="{}">{}</label></div>',
                              field.as_widget(attrs=attrs), field.id_for_label, field.label)
    elif widget in CHOICE_LISTS:
        control = format_html(
            '<fieldset aria-describedby="{}"><legend class="form-label fs-6 mb-1">{}</legend>\n{}\n</fieldset>',
            describedby, field.label,
            tick_boxes(options(field), inline=inline, suggested=suggested, suggested_label=suggested_label),
        )
    elif widget == "select" and not field.field.widget.allow_multiple_selected:
        control = _label(field) + _select(field, _widget_attrs(field, "form-select", describedby))
    elif type(field.field.widget) in PLAIN_INPUTS:
        attrs = {**field.field.widget.attrs, "class": f"{PLAIN_INPUTS[type(field.field.widget)]} form-control",
                 "aria-describedby": describedby}
        if placeholder:
            attrs["placeholder"] = placeholder
        control = _label(field) + _input(field, attrs)
    else:
        attrs = _widget_attrs(field, "form-control", describedby)
        if getattr(field.field, "max_length", None):
            attrs["data-max-chars"] = field.field.max_length
        if placeholder:
            attrs["placeholder"] = placeholder
        control = _label(field) + field.as_widget(attrs=attrs)
    help_text = format_html('<div class="form-text">{}</div>', field.help_text) if field.help_text else ""
    return format_html(
        '<div class="mb-3 field field-{}" id="field-{}">\n{}\n{}{}\n{}\n</div>',
        widget, name, control, base_input(name, mapping(outcome, "bases").get(name, "")), help_text,
        feedback(field, outcome=outcome, warnings=warnings),
    )


def changes(form, *, outcome, warnings):
    """What an htmx save sends back besides its status (out of band): the base token of
    every field whose stored value moved, and the feedback of every field it touched."""
    rebased, touched = outcome.rebased, outcome.touched
    parts = [base_input(name, value, oob=True) for name, value in outcome.bases.items() if name in rebased]
    parts += [feedback(form.field_for_feedback(name), outcome=outcome, warnings=warnings, oob=True)
              for name in form.field_names() if name in touched]
    return mark_safe("\n".join(parts))
