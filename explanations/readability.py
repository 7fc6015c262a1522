"""A simple Dutch readability measure for patient texts.

Average words per sentence (B1 aims at about 10-12) and the share of long words
(four or more syllables, counted as vowel groups).
"""

import re
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n\s*\n|\n\s*[-*]\s|^\s*[-*]\s", re.MULTILINE)
WORD = re.compile(r"[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9'’-]*")
VOWEL_GROUP = re.compile(r"(?:ij|[aeiouyàáâäèéêëìíîïòóôöùúûü])+", re.IGNORECASE)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    long_words: int

    @property
    def words_per_sentence(self):
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_word_share(self):
        return self.long_words / self.words if self.words else 0.0


def syllables(word):
    return max(1, len(VOWEL_GROUP.findall(word)))


def sentences(text):
    return [s.strip() for s in SENTENCE_END.split(text or "") if WORD.search(s)]


def measure(text):
    words = WORD.findall(text or "")
    return Readability(
        words=len(words),
        sentences=len(sentences(text)),
        long_words=sum(1 for w in words if syllables(w) >= 4),
    )


def visible_text(html):
    """The readable text of an HTML page: no tags, styles, scripts or image data."""
    import html as html_lib

    text = re.sub(r"(?is)<(style|script|nav|footer)\b.*?</\1>", " ", html)
    text = re.sub(r"(?i)</(p|li|h[1-6]|dd|dt|blockquote|figcaption|div)>", ".\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return html_lib.unescape(text)


def measure_html(html):
    return measure(visible_text(html))
