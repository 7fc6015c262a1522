from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareConfig(AppConfig):
    name = "care"
    verbose_name = "Zorgpad"

    def ready(self):
        from audit.labels import register

        from .models import Intake, Session

        register({name: Intake._meta.get_field(name).verbose_name for name in Intake.ANSWER_FIELDS})
        register({name: Session._meta.get_field(name).verbose_name for name in Session.ANSWER_FIELDS})
        register({
            "patient": _("patiënt"),
            "patient-reference": _("patiëntreferentie"),
            "patient-first_name": _("voornaam"),
            "patient-reference_is_not_bsn": _("geen-BSN-vinkje"),
            "patient-andere-praktijk": _("patiënt van een andere praktijk"),
            "patientenlijst": _("patiëntenlijst, gevonden:"),
            "patientenlijst:pagina": _("patiëntenlijst, pagina"),
            "patientverhaal": _("verloop van de patiënt"),
            "overdracht": _("overdracht aan de POH-GGZ"),
            "intake": _("intake POH-GGZ"),
            "sessie": _("sessie"),
            "sessie-gepland": _("sessie gepland"),
            "doel": _("doel"),
            "tijdlijn": _("tijdlijn"),
            "tijdlijn-toegevoegd": _("tijdlijn: moment toegevoegd"),
            "tijdlijn-verwijderd": _("tijdlijn: moment verwijderd"),
            "werklijst": _("werklijst"),
            "vervolgfolder": _("vervolgfolder (webpagina)"),
            "vervolgfolder-pdf": _("vervolgfolder (PDF)"),
            "vervolgfolder-uitgegeven": _("vervolgfolder meegegeven"),
            "verwijstekst-poh": _("verwijstekst van de POH-GGZ"),
        })
