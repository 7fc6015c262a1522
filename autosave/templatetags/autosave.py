import json

from django import forms, template
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def get(mapping, key):
    return (mapping or {}).get(key, "")


@register.filter
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


@register.filter
def as_json(value):
    """A value as JSON, for a data attribute (the template escapes it)."""
    return json.dumps(value, ensure_ascii=False, default=str)


# The inputs a step page draws by the dozen, written here instead of through Django's
# template-based widget renderer (most of a step page's rendering time), with the same
# attributes: the widget's own (min, rows, ...), the id, required and disabled.
PLAIN_INPUTS = {forms.TextInput: "textinput", forms.NumberInput: "numberinput", forms.Textarea: "textarea"}


@register.simple_tag
def plain_input(field, css_class, describedby, placeholder=""):
    """A text, number or textarea input of a bound field, as its widget would render it."""
    widget = field.field.widget
    kind = PLAIN_INPUTS[type(widget)]
    attrs = {**widget.attrs, "class": f"{kind} {css_class}", "aria-describedby": describedby}
    if getattr(field.field, "max_length", None):
        attrs["data-max-chars"] = field.field.max_length
    if placeholder:
        attrs["placeholder"] = placeholder
    if field.field.required and field.form.use_required_attribute:
        attrs["required"] = True
    if field.field.disabled:
        attrs["disabled"] = True
    attrs["id"] = field.auto_id
    value = widget.format_value(field.value())
    if kind == "textarea":
        return format_html("<textarea name=\"{}\"{}>\n{}</textarea>", field.html_name, flatatt(attrs), value or "")
    if value is not None:
        attrs["value"] = value
    return format_html("<input type=\"{}\" name=\"{}\"{}>", widget.input_type, field.html_name, flatatt(attrs))


@register.filter
def is_plain_input(field):
    return type(field.field.widget) in PLAIN_INPUTS
