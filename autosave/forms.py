from django import forms
from django.utils.translation import gettext_lazy as _

from .text import clean_text


class AutosaveForm(forms.ModelForm):
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
