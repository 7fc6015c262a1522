"""Dates in lists and logs written the Dutch way: "22 nov. 2026" (Django's own Dutch
abbreviations have no dot, and "M" gives "Nov")."""

import datetime

from django import template
from django.utils import timezone, translation
from django.utils.formats import date_format

register = template.Library()

DUTCH_MONTHS = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]


def short_date(value, year=True):
    """"22 nov. 2026" in Dutch; in another UI language, that language's short date."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    if (translation.get_language() or "nl").startswith("nl"):
        text = f"{value.day} {DUTCH_MONTHS[value.month - 1]}"
        return f"{text} {value.year}" if year else text
    return date_format(value, "j M Y" if year else "j M")


@register.filter(name="short_date")
def short_date_filter(value):
    return short_date(value)


@register.filter
def day_month(value):
    """"22 nov." (this year's dates in a week list)."""
    return short_date(value, year=False)


@register.filter
def short_datetime(value):
    """"22 nov. 2026 14:03:05" (the access log)."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{short_date(local)} {local:%H:%M:%S}"
