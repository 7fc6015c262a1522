"""ICPC-1 (NHG) suggestions for the leading complaint. ALK itself has no ICPC code: the
GP codes the leading complaint, in words the patient may read in the online record."""

from django.utils.translation import gettext_lazy as _

ICPC_CHOICES = [
    ("A01", _("A01 Pijn gegeneraliseerd/meerdere plaatsen")),
    ("A04", _("A04 Moeheid/zwakte")),
    ("L01", _("L01 Nekklachten")),
    ("L02", _("L02 Rugklachten (bovenrug/thoracaal)")),
    ("L03", _("L03 Lage-rugklachten")),
    ("L18", _("L18 Spierpijn")),
    ("N01", _("N01 Hoofdpijn")),
    ("N17", _("N17 Duizeligheid")),
    ("N18", _("N18 Verlamming/krachtsverlies")),
    ("N29", _("N29 Andere neurologische klachten (o.a. functionele bewegingsklachten)")),
    ("D01", _("D01 Buikpijn/buikkrampen gegeneraliseerd")),
    ("D06", _("D06 Andere gelokaliseerde buikpijn")),
    ("D93", _("D93 Prikkelbare darm syndroom")),
    ("K04", _("K04 Hartkloppingen")),
    ("R02", _("R02 Kortademigheid/benauwdheid")),
    ("P75", _("P75 Somatisatie – alleen als de patiënt dit label kent en deelt; de patiënt leest het in het dossier")),
]

# Codes whose label a patient may read as blame in the online record.
CAUTION = {"P75"}


def short_icpc_label(code):
    """"L03 Lage-rugklachten": the code and its name, without a caution for the GP."""
    label = str(dict(ICPC_CHOICES).get(code, code))
    return label.split(" – ")[0]
