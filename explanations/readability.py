"""Dutch readability of patient texts: Flesch-Douma, words per sentence, long words.

Flesch-Douma (Douma 1960, the Dutch form of the Flesch reading ease) is

    206.84 - 0.77 * syllables per 100 words - 0.93 * words per sentence

Higher is easier; 60-70 reads as plain language, B1 patient leaflets aim at 65 or more.

Syllables come from pyphen's Dutch hyphenation patterns (the nl_NL dictionary of
OpenTaal, also used by LibreOffice), not from a hand-written rule. Dutch hyphenation
never splits off a single letter at the start or end of a word ("over", "idee",
"adem-haling"), so a piece of a hyphenated word that still holds two vowel groups counts
as two syllables. This only ever adds syllables: the score is, if anything, strict.
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
# What the shipped patient texts and every assembled handout must reach.
MIN_FLESCH_DOUMA = 65


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    long_words: int
    syllables: int = 0

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


@lru_cache(maxsize=20000)
def _part_syllables(part):
    pieces = _dutch.inserted(part.lower()).split("-")
    return sum(max(1, len(VOWEL_GROUP.findall(piece))) for piece in pieces)


def syllables(word):
    """Syllables of one word by Dutch hyphenation; a hyphenated compound counts its parts.
    A part without a vowel (a number, "www") counts as one."""
    parts = WORD_PART.findall(word)
    return max(1, sum(_part_syllables(p) for p in parts))


def sentences(text):
    return [s.strip() for s in SENTENCE_END.split(text or "") if WORD.search(s)]


def measure(text):
    words = WORD.findall(text or "")
    counts = [syllables(w) for w in words]
    return Readability(
        words=len(words),
        sentences=len(sentences(text)),
        long_words=sum(1 for n in counts if n >= 4),
        syllables=sum(counts),
    )


def visible_text(html):
    """The readable text of an HTML page: no tags, styles, scripts or image data.
    Every block (paragraph, list item, heading, table cell) ends a sentence."""
    import html as html_lib

    text = re.sub(r"(?is)<(style|script|nav|footer)\b.*?</\1>", " ", html)
    text = re.sub(r"(?i)</(p|li|h[1-6]|dd|dt|blockquote|figcaption|div|th|td|caption)>", ".\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return html_lib.unescape(text)


def measure_html(html):
    return measure(visible_text(html))
