"""Shipped patient texts are B1 and never use a phrase to avoid."""

import pytest

from explanations import bundle
from explanations.guard import find_phrases
from explanations.readability import measure
from explanations.validation import patient_texts


@pytest.fixture(scope="module")
def library():
    return bundle.read_sources()


def test_every_shipped_patient_text_averages_at_most_12_words_per_sentence(library):
    too_long = []
    for where, text in patient_texts(library):
        score = measure(text)
        if score.words_per_sentence > 12:
            too_long.append(f"{where}: {score.words_per_sentence:.1f}")
    assert not too_long, too_long


def test_no_shipped_patient_sentence_is_long(library):
    from explanations.readability import sentences

    long_ones = [
        f"{where}: {sentence}" for where, text in patient_texts(library) for sentence in sentences(text)
        if len(sentence.split()) > 13
    ]
    assert not long_ones, long_ones


def test_no_shipped_patient_text_contains_a_phrase_to_avoid(library):
    hits = [(where, h.matched) for where, text in patient_texts(library) for h in find_phrases(text, library["phrases_to_avoid"])]
    assert hits == []


def test_guard_finds_the_brief_phrases_in_any_case_and_spacing(library):
    phrases = library["phrases_to_avoid"]
    for text, expected in [
        ("Ik denk dat het zit Tussen  de oren.", "het zit tussen de oren"),
        ("U moet ermee leren leven, helaas.", "u moet ermee leren leven"),
        ("Er is niets aan de hand", "er is niets aan de hand"),
        ("Het is ingebeeld", "ingebeeld"),
        ("Het is psychisch.", "het is psychisch"),
    ]:
        assert expected in [h.phrase for h in find_phrases(text, phrases)], text


def test_guard_leaves_ordinary_words_alone(library):
    assert find_phrases("Psychische klachten zijn uitgevraagd; geen aanwijzingen.", library["phrases_to_avoid"]) == []


def test_readability_counts_words_per_sentence_and_long_words():
    score = measure("Dit is kort. Dit is een tweede zin met gezondheidsbevorderende woorden.")
    assert score.sentences == 2
    assert score.words == 11
    assert score.words_per_sentence == 5.5
    assert score.long_words == 1
