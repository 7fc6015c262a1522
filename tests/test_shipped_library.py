"""The library the app ships with: complete, B1, free of phrases to avoid, one voice."""

import html as html_lib
import re

import pytest

from consult.documents import recipients_for, render_journal, render_referral
from consult.handout import render_handout_html
from explanations import kinds
from explanations.guard import find_phrases
from explanations.models import ExplanationModel, Metaphor, PhraseToAvoid
from explanations.readability import measure, sentences
from tests.factories import mrs_k_consult


@pytest.fixture(scope="module")
def library():
    return kinds.read_sources()


def test_the_shipped_library_is_fit_to_publish(library):
    assert kinds.problems(library) == []


def test_it_has_the_models_and_the_six_metaphors_of_the_article(library):
    models = {m["slug"] for m in library["explanationmodel"]}
    assert {"centrale-sensitisatie", "predictive-processing", "stress-emmer"} <= models
    assert {m["slug"] for m in library["metaphor"]} == {
        "kapot-alarmsysteem", "volumeknoppen", "zoomlens", "overlopende-stressemmer", "rivierbedding", "olifantenpaadjes",
    }


def test_every_shipped_patient_text_averages_at_most_12_words_per_sentence(library):
    too_long = []
    for where, text in kinds.patient_texts(library):
        score = measure(text)
        if score.words_per_sentence > 12:
            too_long.append(f"{where}: {score.words_per_sentence:.1f}")
    assert not too_long, too_long


def test_no_shipped_patient_sentence_is_long(library):
    long_ones = [
        f"{where}: {sentence}" for where, text in kinds.patient_texts(library) for sentence in sentences(text)
        if len(sentence.split()) > 13
    ]
    assert not long_ones, long_ones


def test_no_shipped_patient_text_contains_a_phrase_to_avoid(library):
    phrases = library["phrasetoavoid"]
    hits = [(where, h.matched) for where, text in kinds.patient_texts(library) for h in find_phrases(text, phrases)]
    assert hits == []


def test_guard_finds_the_brief_phrases_in_any_case_and_spacing(library):
    phrases = library["phrasetoavoid"]
    for text, expected in [
        ("Ik denk dat het zit Tussen  de oren.", "het zit tussen de oren"),
        ("U moet ermee leren leven, helaas.", "u moet ermee leren leven"),
        ("Er is niets aan de hand", "er is niets aan de hand"),
        ("Het is ingebeeld", "ingebeeld"),
        ("Het is psychisch.", "het is psychisch"),
    ]:
        assert expected in [h.phrase for h in find_phrases(text, phrases)], text


def test_guard_leaves_ordinary_words_alone(library):
    assert find_phrases("Psychische klachten zijn uitgevraagd; geen aanwijzingen.", library["phrasetoavoid"]) == []


def test_readability_counts_words_per_sentence_and_long_words():
    score = measure("Dit is kort. Dit is een tweede zin met gezondheidsbevorderende woorden.")
    assert score.sentences == 2
    assert score.words == 11
    assert score.words_per_sentence == 5.5
    assert score.long_words == 1


def test_the_shipped_library_round_trips_through_the_database(shipped_content, library):
    assert kinds.export(shipped_content) == library


def handout_terms(html):
    return [html_lib.unescape(t) for t in re.findall(r"<dt>(.*?)</dt>", html)]


def test_every_combination_speaks_with_one_voice(shipped_content, anna):
    phrases = list(PhraseToAvoid.objects.filter(version=shipped_content))
    checked = 0
    for model in ExplanationModel.objects.filter(version=shipped_content).order_by("order"):
        for metaphor in model.metaphors.order_by("order"):
            consult = mrs_k_consult(user=anna, model=model.slug, metaphors=(metaphor.slug,))
            handout = render_handout_html(consult)
            journal = render_journal(consult)
            terms = handout_terms(handout)
            assert terms == [t.term for t in model.key_terms.order_by("order")], model.slug
            assert metaphor.name in handout
            for recipient in recipients_for(consult):
                referral = render_referral(consult, recipient, author=anna)
                for term in terms:
                    assert f'"{term}"' in referral and f"- {term}: " in referral, (model.slug, term)
                assert f"Verklaringsmodel: {model.name}\n" in referral
                assert f"Metafoor: {metaphor.name}\n" in referral
                assert find_phrases(referral, phrases) == [], (model.slug, recipient.slug)
            assert all(term in journal for term in terms)
            assert metaphor.name.lower() in journal
            visible = re.sub(r"<[^>]+>", " ", handout)
            assert find_phrases(visible, phrases) == [], (model.slug, metaphor.slug)
            assert find_phrases(journal, phrases) == []
            checked += 1
    assert checked >= 13
    assert Metaphor.objects.filter(version=shipped_content).count() == 6
