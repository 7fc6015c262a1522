"""Phrases to avoid in what the GP typed, by the text they would end up in.

The shipped content is clean (tests check every combination); only free text can bring a
phrase to avoid into an output. The patient handout must never carry one: it is refused
until the text is changed. The referral and SOEP lines are for colleagues and may quote
the patient, so there the GP is warned.
"""

from explanations.guard import find_phrases
from explanations.models import PhraseToAvoid

from .models import Consult

HANDOUT_FIELDS = ["patient_words", "next_appointment", "referral_other", "safety_netting"]
CLINICIAN_FIELDS = [
    "complaints", "duration", "earlier_investigations", "medication", "red_flags_present", "red_flag_action_note",
    "physical_examination", "cs_tests", "somatic_note", "cognitive_note", "emotional_note",
    "behavioural_note", "social_note", "problem_summary", "needed_first_note", "teach_back",
    "referral_question",
]


def warnings_by_field(library, texts):
    """{field name: [Hit]} for the texts (by field name) that contain a phrase to avoid."""
    phrases = library.all(PhraseToAvoid)
    found = {}
    for name, text in texts.items():
        if isinstance(text, str) and (hits := find_phrases(text, phrases)):
            found[name] = hits
    return found


def _hits(consult, fields):
    by_field = warnings_by_field(consult.library, {name: getattr(consult, name) for name in fields})
    return [(Consult._meta.get_field(name).verbose_name, hit) for name, hits in by_field.items() for hit in hits]


def handout_problems(consult):
    """[(field label, Hit)] that keep the handout from being made."""
    return _hits(consult, HANDOUT_FIELDS)


def colleague_warnings(consult):
    """[(field label, Hit)] in text that goes to the referral and SOEP lines."""
    return _hits(consult, CLINICIAN_FIELDS)
