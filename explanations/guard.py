"""Language guard: finds phrases that undermine recovery in a text."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    phrase: str
    matched: str
    alternative: str
    reason: str


def _pattern(form):
    words = [re.escape(w) for w in form.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def find_phrases(text, phrases):
    """Every phrase to avoid that occurs in text, once each, in list order.

    `phrases` are PhraseToAvoid rows or dicts with phrase/patterns/alternative/reason.
    """
    if not text:
        return []
    hits = []
    for p in phrases:
        get = p.get if isinstance(p, dict) else lambda key, p=p: getattr(p, key)
        for form in [get("phrase"), *(get("patterns") or [])]:
            match = _pattern(form).search(text)
            if match:
                hits.append(Hit(get("phrase"), match.group(0), get("alternative"), get("reason")))
                break
    return hits


def pattern_problems(patterns, exceptions):
    return []
