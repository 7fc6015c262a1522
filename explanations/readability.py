"""Readability of patient texts: reading ease, words per sentence, long words.

Dutch texts are scored with Flesch-Douma, English texts with the Flesch reading ease.

Flesch-Douma (Douma 1960, the Dutch form of the Flesch reading ease) is

    206.84 - 0.77 * syllables per 100 words - 0.93 * words per sentence

Higher is easier; 60-70 reads as plain language, B1 patient leaflets aim at 65 or more.

Syllables come from pyphen's Dutch hyphenation patterns (the nl_NL dictionary of
OpenTaal, also used by LibreOffice), not from a hand-written rule. Dutch hyphenation
never splits off a single letter at the start or end of a word ("over", "idee",
"adem-haling"), so a piece of a hyphenated word that still holds two vowel groups counts
as two syllables. This only ever adds syllables: the score is, if anything, strict.

The Flesch reading ease (Flesch 1948) is

    206.835 - 84.6 * syllables per word - 1.015 * words per sentence

English hyphenation leaves many syllables unsplit, so English syllables are counted as
vowel groups, less a silent final "e" and a final "-ed" or "-es" that adds no syllable
("made", "turned", "makes"), never fewer than one per word (the usual approximation;
tests/test_handout_readability.py checks it on a word list).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n\s*\n|\n\s*[-*]\s|^\s*[-*]\s", re.MULTILINE)
WORD = re.compile(r"[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9'’-]*")
WORD_PART = re.compile(r"[A-Za-zÀ-ÿ0-9]+")
VOWEL_GROUP = re.compile(r"(?:ij|[aeiouyàáâäèéêëìíîïòóôöùúûü])+", re.IGNORECASE)

_dutch = pyphen.Pyphen(lang="nl_NL")

# Flesch-Douma constants (Douma 1960).
BASE, PER_SYLLABLE, PER_WORD_IN_SENTENCE = 206.84, 0.77, 0.93
# Flesch reading ease constants (Flesch 1948).
EN_BASE, EN_PER_SYLLABLE_PER_WORD, EN_PER_WORD_IN_SENTENCE = 206.835, 84.6, 1.015
# What the shipped patient texts and every assembled handout must reach, per language:
# 65 on Flesch-Douma is B1 Dutch; 60 on Flesch is plain English.
MIN_READING_EASE = {"nl": 65, "en": 60}
MIN_FLESCH_DOUMA = MIN_READING_EASE["nl"]
HTML_LANG = re.compile(r"<html\b[^>]*\blang=[\"']?([A-Za-z]{2})", re.IGNORECASE)
EN_VOWEL_GROUP = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    long_words: int
    syllables: int = 0
    language: str = "nl"

    @property
    def words_per_sentence(self):
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_word_share(self):
        return self.long_words / self.words if self.words else 0.0

    @property
    def syllables_per_100_words(self):
        return 100 * self.syllables / self.words if self.words else 0.0

    @property
    def flesch_douma(self):
        """Flesch-Douma reading ease; higher is easier. An empty text scores 0."""
        if not self.words:
            return 0.0
        return BASE - PER_SYLLABLE * self.syllables_per_100_words - PER_WORD_IN_SENTENCE * self.words_per_sentence

    @property
    def flesch(self):
        """The (English) Flesch reading ease; higher is easier. An empty text scores 0."""
        if not self.words:
            return 0.0
        return (EN_BASE - EN_PER_SYLLABLE_PER_WORD * self.syllables / self.words
                - EN_PER_WORD_IN_SENTENCE * self.words_per_sentence)

    @property
    def reading_ease(self):
        """The reading ease of the text's own language (Flesch-Douma or Flesch)."""
        return self.flesch if self.language == "en" else self.flesch_douma

    @property
    def meets_minimum(self):
        return self.reading_ease >= MIN_READING_EASE[self.language]


@lru_cache(maxsize=20000)
def _part_syllables(part):
    pieces = _dutch.inserted(part.lower()).split("-")
    return sum(max(1, len(VOWEL_GROUP.findall(piece))) for piece in pieces)


@lru_cache(maxsize=20000)
def _english_part_syllables(part):
    word = part.lower()
    count = len(EN_VOWEL_GROUP.findall(word))
    if count > 1 and word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1  # made, future
    elif count > 1 and word.endswith("ed") and not word.endswith(("ted", "ded")):
        count -= 1  # turned, helped
    elif count > 1 and word.endswith("es") and not word.endswith(("ses", "xes", "zes", "ches", "shes", "ces", "ges")):
        count -= 1  # makes, times
    return max(1, count)


def syllables(word, language="nl"):
    """Syllables of one word (Dutch: by hyphenation; English: by vowel groups); a
    hyphenated compound counts its parts. A part without a vowel (a number, "www")
    counts as one."""
    parts = WORD_PART.findall(word)
    count = _english_part_syllables if language == "en" else _part_syllables
    return max(1, sum(count(p) for p in parts))


def sentences(text):
    return [s.strip() for s in SENTENCE_END.split(text or "") if WORD.search(s)]


def measure(text, language="nl"):
    words = WORD.findall(text or "")
    counts = [syllables(w, language) for w in words]
    return Readability(
        words=len(words),
        sentences=len(sentences(text)),
        long_words=sum(1 for n in counts if n >= 4),
        syllables=sum(counts),
        language=language,
    )


def visible_text(html):
    """The readable text of an HTML page: no tags, styles, scripts or image data.
    Every block (paragraph, list item, heading, table cell) ends a sentence."""
    import html as html_lib

    text = re.sub(r"(?is)<(style|script|nav|footer)\b.*?</\1>", " ", html)
    text = re.sub(r"(?i)</(p|li|h[1-6]|dd|dt|blockquote|figcaption|div|th|td|caption)>", ".\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return html_lib.unescape(text)


def html_language(html):
    """The language an HTML document declares on <html lang>; Dutch when it declares none."""
    match = HTML_LANG.search(html or "")
    language = match.group(1).lower() if match else "nl"
    return language if language in MIN_READING_EASE else "nl"


def measure_html(html, language=None):
    return measure(visible_text(html), language or html_language(html))
