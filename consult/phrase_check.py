"""Phrases to avoid in what a clinician typed, by the text they would end up in.

The shipped content is clean (tests check every combination); only free text can bring a
phrase to avoid into an output. The patient handout must never carry one unnoticed: it
waits until the text is changed or the clinician marks the words "niet schadelijk in deze
context" (a LanguageOverride, kept with who decided). The referral and SOEP lines are for
colleagues and may quote the patient, so there the GP is only warned.
"""

from dataclasses import dataclass

from explanations.guard import Hit
from patients.models import LanguageOverride

from .models import Consult

HANDOUT_FIELDS = ["patient_words", "next_appointment", "referral_other", "safety_netting"]
CLINICIAN_FIELDS = [
    "complaints", "duration", "earlier_investigations", "medication", "red_flags_present", "red_flag_action_note",
    "physical_examination", "cs_tests", "somatic_note", "cognitive_note", "emotional_note",
    "behavioural_note", "social_note", "problem_summary", "needed_first_note", "teach_back",
    "referral_question", "comorbidity", "contraindications", "patient_expectations", "functional_consequences",
    "dsm5_classification",
]


@dataclass(frozen=True)
class Finding:
    """One phrase to avoid in one field of a record, as the clinician is shown it."""

    field: str
    label: str
    hit: Hit


def warnings_by_field(library, texts):
    """{field name: [Hit]} for the texts (by field name) that contain a phrase to avoid."""
    found = {}
    for name, text in texts.items():
        if isinstance(text, str) and (hits := library.phrase_hits(text)):
            found[name] = hits
    return found


def step_warnings(consult, texts):
    """{field name: [Hit]} for a step's texts: by the consult's own phrase list, and the
    texts that reach the handout also by the list of the handout's language."""
    found = warnings_by_field(consult.library, texts)
    if consult.handout_library is not consult.library:
        handout_texts = {name: text for name, text in texts.items() if name in HANDOUT_FIELDS}
        for name, hits in warnings_by_field(consult.handout_library, handout_texts).items():
            found.setdefault(name, []).extend(hits)
    return found


def overridden(record):
    """{(field, phrase slug, matched words)} the clinician marked as not harmful here."""
    return set(
        LanguageOverride.objects.filter(record=LanguageOverride.key(record)).values_list("field", "phrase", "matched")
    )


def findings(record, library, texts):
    """[Finding] for texts [(field, label, text)], without those marked not harmful."""
    accepted = overridden(record) if record.pk else set()
    return [
        Finding(field, str(label), hit)
        for field, label, text in texts
        for hit in library.phrase_hits(text)
        if (field, hit.slug, hit.matched) not in accepted
    ]


def _fields(consult, names):
    return [(name, Consult._meta.get_field(name).verbose_name, getattr(consult, name)) for name in names]


def handout_problems(consult):
    """[Finding] that keep the handout from being made: by the phrase list of the
    handout's language, and by the consult's own (Dutch) list as well."""
    texts = _fields(consult, HANDOUT_FIELDS)
    found = findings(consult, consult.handout_library, texts)
    if consult.handout_library is not consult.library:
        found += findings(consult, consult.library, texts)
    return found


def _text(value):
    """A field's text; the question per recipient (a map) is its questions, one per line."""
    return "\n".join(value.values()) if isinstance(value, dict) else value


def colleague_warnings(consult):
    """[(field label, Hit)] in text that goes to the referral and SOEP lines."""
    by_field = warnings_by_field(consult.library, {name: _text(getattr(consult, name)) for name in CLINICIAN_FIELDS})
    return [(Consult._meta.get_field(name).verbose_name, hit) for name, hits in by_field.items() for hit in hits]
