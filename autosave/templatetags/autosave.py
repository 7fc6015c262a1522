import json

from django import template
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
