from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Toegangslog"

    def ready(self):
        from . import labels, signals  # noqa: F401 - connects the login signals

        labels.register({
            "wachtwoord": _("met wachtwoord"),
            "onbekende-gebruikersnaam": _("onbekende gebruikersnaam"),
            "tweede-factor": _("tweede factor"),
        })
