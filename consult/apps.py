from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultConfig(AppConfig):
    name = "consult"
    verbose_name = "Consulten"

    def ready(self):
        from audit.labels import register

        from .flow import STEPS
        from .models import Consult

        register({name: Consult._meta.get_field(name).verbose_name for name in Consult.ANSWER_FIELDS})
        register({f"stap:{step.segment}": _("stap %(step)s") % {"step": step.label} for step in STEPS})
        register({
            "consult": _("consult"),
            "consultlijst": _("consultenlijst, gevonden:"),
            "consultlijst:pagina": _("consultenlijst, pagina"),
            "consult-andere-praktijk": _("consult van een andere praktijk"),
            "folder": _("folder (webpagina)"),
            "folder-pdf": _("folder (PDF)"),
            "verwijstekst": _("verwijstekst"),
            "journaalregels": _("journaalregels (SOEP)"),
            "presentatie": _("presentatie aan de patiënt"),
            "afgerond": _("afgerond,"),
            "heropend": _("heropend"),
            "niet-schadelijk": _("woorden gemarkeerd als niet schadelijk in deze context, in"),
            "inzage-export": _("inzage-export van het hele consult"),
            "vernietigd": _("vernietigd op verzoek, met"),
            "vernietigen": _("zoeken om te vernietigen, gevonden:"),
        })
