import copy
from functools import lru_cache

from django import forms
from django.forms.models import ModelFormMetaclass
from django.utils.translation import gettext_lazy as _

from .submission import sent_fields
from .text import clean_text


def _shallow(obj):
    copied = object.__new__(type(obj))
    copied.__dict__.update(obj.__dict__)
    return copied


def _copy_field(field):
    """What Django's Field.__deepcopy__ copies (the field, its widget, their attributes,
    messages and validators), with the choices lists copied but not each choice in them."""
    copied = _shallow(field)
    copied.widget = _shallow(field.widget)
    copied.widget.attrs = dict(field.widget.attrs)
    if hasattr(field.widget, "choices"):
        copied.widget.choices = copy.copy(field.widget.choices)
    copied.error_messages = dict(field.error_messages)
    copied.validators = list(field.validators)
    if isinstance(field, forms.ChoiceField):
        copied._choices = copy.copy(field._choices)
    return copied


class FormFields(dict):
    """A form class's fields, which every form copies for itself. A choice is a pair of
    strings that no form changes, so copying each one (as a deep copy does) was a third
    of the time it took to set up a step page's form."""

    def __deepcopy__(self, memo):
        return {name: _copy_field(field) for name, field in self.items()}


class AutosaveFormMetaclass(ModelFormMetaclass):
    def __new__(mcs, name, bases, attrs):
        new_class = super().__new__(mcs, name, bases, attrs)
        new_class.base_fields = FormFields(new_class.base_fields)
        return new_class


class AutosaveForm(forms.ModelForm, metaclass=AutosaveFormMetaclass):
    """A form for autosaved answers: typed text is cleaned, every text field is optional
    while typing, and a too-long text is named, never cut off by the browser."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
            for key in data:
                data.setlist(key, [clean_text(v) if isinstance(v, str) else v for v in data.getlist(key)])
        super().__init__(data, *args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.required = False
                if field.max_length:
                    field.widget.attrs.pop("maxlength", None)
                    field.help_text = field.help_text or _("Maximaal %(n)s tekens.") % {"n": field.max_length}
                    field.error_messages["max_length"] = _(
                        "Maximaal %(limit_value)d tekens; u heeft er nu %(show_value)d. Maak de tekst korter."
                    )

    whole_form = None  # set on a form narrowed to the fields an autosave sent

    @classmethod
    def for_request(cls, request):
        """The form a request binds: for an htmx autosave only the fields it sent (see
        sent_fields), which are then the only ones validated and drawn again, so saving
        one field costs the same on a page of thirty; otherwise the whole form."""
        if not (request.method == "POST" and request.htmx):
            return cls
        return _narrowed(cls, frozenset(sent_fields(request.POST) & cls.base_fields.keys()))

    @classmethod
    def field_names(cls):
        """Every field of the whole form, in page order."""
        return list((cls.whole_form or cls).base_fields)

    def field_for_feedback(self, name):
        """The bound field whose feedback a save draws again, also for a field a narrowed
        form left out (a rule changed it, or it is needed to go on); that one has no errors."""
        if name in self.fields:
            return self[name]
        return copy.deepcopy(self.whole_form.base_fields[name]).get_bound_field(self, name)

    def texts(self, names, record):
        """{name: value} of the named fields as the page holds them now, for the phrase guard."""
        return {name: self[name].value() if name in self.fields else getattr(record, name)
                for name in self.field_names() if name in names}


@lru_cache(maxsize=256)
def _narrowed(form_class, names):
    narrowed = type(form_class.__name__, (form_class,), {"__module__": form_class.__module__, "whole_form": form_class})
    narrowed.base_fields = FormFields({name: field for name, field in form_class.base_fields.items() if name in names})
    return narrowed
