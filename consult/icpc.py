"""ICPC suggestions for the leading complaint. ALK itself has no ICPC code."""

from django.utils.translation import gettext_lazy as _

ICPC_CHOICES = [
    ("A04", _("A04 Moeheid/zwakte")),
    ("A01", _("A01 Pijn gegeneraliseerd/meerdere plaatsen")),
    ("L18", _("L18 Spierpijn")),
    ("L02", _("L02 Rugsymptomen/-klachten")),
    ("N01", _("N01 Hoofdpijn")),
    ("N17", _("N17 Duizeligheid")),
    ("D93", _("D93 Prikkelbare darm syndroom")),
    ("K04", _("K04 Hartkloppingen")),
    ("R02", _("R02 Kortademigheid/benauwdheid")),
    ("P75", _("P75 Somatisatie")),
]
