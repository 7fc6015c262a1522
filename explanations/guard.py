"""Language guard: finds phrases that undermine recovery in Dutch (or English) text.

Words are compared by their Snowball stem in the language of the phrase list
(snowballstemmer: pure Python, small, deterministic; the Dutch stemmer folds the
inflections and most conjugations a GP types, "ingebeelde", "overdrijft", "oren", and
the English one "exaggerating", "imagined", "heads"). spaCy's Dutch pipeline
would need a model package the package index here does not serve, for a task that needs
no parsing.

Each phrase to avoid carries patterns and exceptions as data. A pattern is a line of
terms that must occur in one sentence in that order:

    tussen oren          "tussen" then "oren", with up to 2 other words between them
    stel ... aan         "..." allows any number of words between (separable verbs)
    psychosomat*         a trailing * matches any word starting with it
    uw|je|zijn hoofd     "|" gives alternatives for one term
    =niks                a leading = compares the word itself, not its stem

Inflections come from the stem; other word orders are written as their own patterns.
An exception uses the same language; a hit is dropped when an exception matches a stretch
of the same sentence that overlaps it ("niet ingebeeld", "onverklaarbaar gewichtsverlies").

Text is normalised first: soft hyphens and zero-width characters are removed, case and
Unicode forms folded, and a hyphenated word is read both as its parts ("tussen-de-oren")
and as one word ("psycho-somatisch").
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

MAX_GAP = 2  # words allowed between two terms of a pattern without "..."

INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
SENTENCE = re.compile(r"[^.!?;\n]+")
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?(?:-[^\W_]+(?:'[^\W_]+)?)*")

STEMMERS = {"nl": "dutch", "en": "english"}
DEFAULT_LANGUAGE = "nl"


@dataclass(frozen=True)
class Hit:
    phrase: str
    matched: str
    alternative: str
    reason: str
    slug: str = ""


@dataclass(frozen=True)
class Token:
    word: str
    stem: str
    start: int
    end: int


@dataclass(frozen=True)
class Term:
    options: tuple  # ("word", "stem"|"prefix"|"exact")
    any_gap: bool  # "..." came before this term

    def matches(self, token):
        for value, how in self.options:
            if how == "exact" and token.word == value:
                return True
            if how == "prefix" and (token.word.startswith(value) or token.stem.startswith(value)):
                return True
            if how == "stem" and (token.stem == value or token.word == value):
                return True
        return False

    def may_match(self, words, stems):
        """Whether some token of a sentence (its words and stems) could match: a quick
        test that lets most patterns skip the sentence."""
        for value, how in self.options:
            if how == "exact" and value in words:
                return True
            if how == "stem" and (value in stems or value in words):
                return True
            if how == "prefix" and any(w.startswith(value) for w in words | stems):
                return True
        return False


class PatternError(ValueError):
    pass


@lru_cache(maxsize=None)
def _stemmer(language):
    try:
        return snowballstemmer.stemmer(STEMMERS[language])
    except KeyError:
        raise ValueError(f"the language guard has no stemmer for {language!r}") from None


@lru_cache(maxsize=8192)
def stem(word, language=DEFAULT_LANGUAGE):
    return _stemmer(language).stemWord(word)


def normalise(text):
    text = unicodedata.normalize("NFKC", text or "").translate(INVISIBLE).translate(QUOTES)
    return text.casefold()


@lru_cache(maxsize=4096)
def compile_pattern(pattern, language=DEFAULT_LANGUAGE):
    """A pattern line as a tuple of Terms; PatternError when it cannot be read."""
    terms, any_gap = [], False
    for part in normalise(pattern).split():
        if part == "...":
            if not terms or any_gap:
                raise PatternError(f"'...' must stand between two words: {pattern!r}")
            any_gap = True
            continue
        options = []
        for option in part.split("|"):
            if option.startswith("="):
                options.append((option[1:], "exact"))
            elif option.endswith("*"):
                options.append((option[:-1], "prefix"))
            else:
                options.append((stem(option, language), "stem"))
            if not options[-1][0] or not WORD.fullmatch(options[-1][0]):
                raise PatternError(f"not a word: {option!r} in {pattern!r}")
        terms.append(Term(tuple(options), any_gap))
        any_gap = False
    if not terms or any_gap:
        raise PatternError(f"a pattern needs at least one word and may not end in '...': {pattern!r}")
    return tuple(terms)


def pattern_problems(patterns, exceptions, language=DEFAULT_LANGUAGE):
    """Why the patterns or exceptions of one phrase cannot be used, as messages."""
    problems = []
    if not isinstance(patterns, list) or not isinstance(exceptions, list):
        return ["patterns and exceptions must be lists of pattern lines"]
    if not patterns:
        problems.append("needs at least one pattern")
    for line in [*patterns, *exceptions]:
        try:
            compile_pattern(str(line), language)
        except PatternError as error:
            problems.append(str(error))
    return problems


def _tokens(sentence, offset, language):
    """Two readings of one sentence: hyphenated words split into parts, and joined."""
    split, joined = [], []
    for match in WORD.finditer(sentence):
        word, start = match.group(0), offset + match.start()
        joined.append(Token(word.replace("-", ""), stem(word.replace("-", ""), language), start, offset + match.end()))
        position = start
        for part in word.split("-"):
            split.append(Token(part, stem(part, language), position, position + len(part)))
            position += len(part) + 1
    return [split] if split == joined else [split, joined]


def _match(terms, tokens):
    """(first, last) token index of each match of the terms, one per first token."""

    def rest(index, position, first):
        term = terms[index]
        limit = len(tokens) - 1 if term.any_gap else min(len(tokens) - 1, position + MAX_GAP)
        for j in range(position, limit + 1):
            if term.matches(tokens[j]):
                if index == len(terms) - 1:
                    return first, j
                if found := rest(index + 1, j + 1, first):
                    return found
        return None

    matches = []
    for i, token in enumerate(tokens):
        if terms[0].matches(token):
            found = (i, i) if len(terms) == 1 else rest(1, i + 1, i)
            if found:
                matches.append(found)
    return matches


def _spans(lines, tokens, language, words, stems):
    spans = []
    for line in lines:
        terms = compile_pattern(line, language)
        if not terms[0].may_match(words, stems):
            continue
        for first, last in _match(terms, tokens):
            spans.append((tokens[first].start, tokens[last].end))
    return spans


def _get(phrase, key):
    value = phrase.get(key) if isinstance(phrase, dict) else getattr(phrase, key, None)
    return value if value is not None else ([] if key in ("patterns", "exceptions") else "")


def find_phrases(text, phrases, language=DEFAULT_LANGUAGE):
    """Every phrase to avoid in text: one Hit per phrase and distinct matched words, in
    the order of the phrase list.

    `phrases` are PhraseToAvoid rows or dicts with slug/phrase/patterns/exceptions/
    alternative/reason. Only the patterns are matched: the phrase is the name the
    clinician reads (its own words could stem too widely, "niets" to "niet").
    `language` is the language of the phrase list (and of the text it guards).
    """
    if not text:
        return []
    clean = normalise(text)
    readings = [
        tokens
        for sentence in SENTENCE.finditer(clean)
        for tokens in _tokens(sentence.group(0), sentence.start(), language)
        if tokens
    ]
    readings = [(tokens, frozenset(t.word for t in tokens), frozenset(t.stem for t in tokens)) for tokens in readings]
    hits, seen = [], set()
    for phrase in phrases:
        lines = _get(phrase, "patterns")
        exceptions = _get(phrase, "exceptions")
        for tokens, words, stems in readings:
            spans = _spans(lines, tokens, language, words, stems)
            excepted = _spans(exceptions, tokens, language, words, stems) if spans else []
            for start, end in spans:
                if any(start < e_end and e_start < end for e_start, e_end in excepted):
                    continue
                matched = clean[start:end]
                key = (_get(phrase, "slug") or _get(phrase, "phrase"), matched)
                if key not in seen:
                    seen.add(key)
                    hits.append(Hit(_get(phrase, "phrase"), matched, _get(phrase, "alternative"),
                                    _get(phrase, "reason"), _get(phrase, "slug")))
    return hits
