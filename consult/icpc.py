"""ICPC-1 (NHG) suggestions for the leading complaint. ALK itself has no ICPC code: the
GP codes the leading complaint, in words the patient may read in the online record.

Symptom codes (the "-01 to -29" rubrics) are preferred over diagnosis codes: they say
what the patient has without a label. For functional motor complaints that is N18
(weakness) or N29 (other neurological complaints, such as an odd gait); N08 for
involuntary movements such as a functional tremor. N99 ("other neurological disease")
is left out on purpose: it reads as a disease in the record, and a functional
neurological disorder is a diagnosis the neurologist makes.
"""

from django.utils.translation import gettext_lazy as _

# What the GP reads behind a label before choosing it, after this separator.
CAUTION_SEPARATOR = " – "

ICPC_CHOICES = [
    ("A01", _("A01 Pijn gegeneraliseerd/meerdere plaatsen")),
    ("A04", _("A04 Moeheid/zwakte")),
    ("L01", _("L01 Nekklachten")),
    ("L02", _("L02 Rugklachten (thoracaal)")),
    ("L03", _("L03 Lage-rugklachten")),
    ("L18", _("L18 Spierpijn")),
    ("N01", _("N01 Hoofdpijn")),
    ("N08", _("N08 Onwillekeurige bewegingen (o.a. functionele tremor)")),
    ("N17", _("N17 Duizeligheid")),
    ("N18", _("N18 Verlamming/krachtsverlies (o.a. functionele zwakte)")),
    ("N29", _("N29 Andere klachten zenuwstelsel (o.a. functionele loopstoornis)")),
    ("D01", _("D01 Buikpijn/buikkrampen gegeneraliseerd")),
    ("D06", _("D06 Andere gelokaliseerde buikpijn")),
    ("D93", _("D93 Prikkelbaredarmsyndroom")),
    ("K04", _("K04 Hartkloppingen")),
    ("R02", _("R02 Kortademigheid/benauwdheid")),
    ("P75", _("P75 Somatisatie – alleen als de patiënt dit label kent en deelt; het staat in het dossier dat de "
              "patiënt kan lezen")),
]

# Codes whose label a patient may read as blame in the online record.
CAUTION = {"P75"}


def short_icpc_label(code):
    """"L03 Lage-rugklachten": the code and its name, as the record shows it; the GP's
    caution and the examples in brackets stay out."""
    label = str(dict(ICPC_CHOICES).get(code, code)).split(CAUTION_SEPARATOR)[0]
    return label.split(" (o.a.")[0]
