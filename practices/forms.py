from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Role, User


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=20, strip=True,
        help_text=_("De 6 cijfers uit uw authenticator-app, of een herstelcode van 8 cijfers."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


class InviteForm(forms.ModelForm):
    role = forms.ChoiceField(label=_("Rol"), choices=[(Role.GP, Role.GP.label), (Role.POH_GGZ, Role.POH_GGZ.label)],
                             widget=forms.RadioSelect)

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role"]
        help_texts = {"username": _("Waarmee de collega inlogt: letters, cijfers en @ . + - _.")}
