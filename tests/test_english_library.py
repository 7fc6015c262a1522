"""The English content library (explanations/content/en/): the same slugs as the Dutch
one, plain English by the Flesch reading ease, free of the English phrases to avoid,
one vocabulary, and every English handout on two A4 pages."""

import re
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from consult.handout import HandoutContent, render_handout_html
from explanations import kinds
from explanations.guard import find_phrases
from explanations.models import ContentVersion
from explanations.readability import MIN_READING_EASE, measure, measure_html, sentences, syllables
from printing.pdf import render_pdf
from tests.handouts import shipped_handout_consults
from tests.pdf_text import overlapping_words, pdf_pages, pdf_text

MIN_WORDS_SCORED = 8
# Kinds a patient reads: the English library has every row the Dutch one has.
PATIENT_KINDS = ["explanationmodel", "metaphor", "maintainingfactor", "selfmanagementadvice", "recipient",
                 "generaltext", "infosource"]
CORPUS = Path(__file__).parent / "language" / "en" / "corpus.yaml"


@pytest.fixture(scope="module")
def english():
    return kinds.read_sources(kinds.source_dir("en"))


@pytest.fixture(scope="module")
def dutch():
    return kinds.read_sources()


def rows(library, kind):
    return {row["slug"]: row for row in library[kind]}


def test_the_english_library_is_fit_to_publish(english):
    assert kinds.problems(english, "en") == []


def test_it_maps_every_dutch_row_a_patient_reads_by_slug(english, dutch):
    for kind in PATIENT_KINDS:
        assert rows(english, kind).keys() == rows(dutch, kind).keys(), kind
    for slug, model in rows(english, "explanationmodel").items():
        dutch_model = rows(dutch, "explanationmodel")[slug]
        assert [t["slug"] for t in model["key_terms"]] == [t["slug"] for t in dutch_model["key_terms"]], slug
        assert model["metaphors"] == dutch_model["metaphors"], slug
    for slug, factor in rows(english, "maintainingfactor").items():
        assert (factor["dimension"], factor["work"]) == (rows(dutch, "maintainingfactor")[slug]["dimension"],
                                                         rows(dutch, "maintainingfactor")[slug]["work"]), slug
    for slug, recipient in rows(english, "recipient").items():
        assert recipient["scope"] == rows(dutch, "recipient")[slug]["scope"], slug


def test_every_english_patient_text_reads_as_plain_english(english):
    hard = []
    for where, text in kinds.patient_texts(english):
        score = measure(text, "en")
        if score.words >= MIN_WORDS_SCORED and score.flesch < MIN_READING_EASE["en"]:
            hard.append(f"{where}: {score.flesch:.1f}")
        if score.words_per_sentence > 12:
            hard.append(f"{where}: {score.words_per_sentence:.1f} words per sentence")
        hard += [f"{where}: long sentence {s!r}" for s in sentences(text) if len(s.split()) > 13]
    assert not hard, hard


def test_no_english_patient_text_contains_an_english_phrase_to_avoid(english):
    phrases = english["phrasetoavoid"]
    assert [(where, h.matched) for where, text in kinds.patient_texts(english)
            for h in find_phrases(text, phrases, "en")] == []


def test_the_english_texts_keep_the_rules_of_the_dutch_ones(english):
    general = {slug: row["text"] for slug, row in rows(english, "generaltext").items()}
    assert "You really feel something" in general["in_short_start"] and "common" in general["in_short_start"]
    assert "one system" in general["body_and_mind"]
    examined = general["examined"]
    assert "no disease that needs a different treatment" in examined
    assert "aanhoudende lichamelijke klachten (ALK)" in examined  # the Dutch name the patient will hear
    assert "113" in general["mood_safety_net"] and "0800-0113" in general["mood_safety_net"]
    for model in english["explanationmodel"]:
        assert re.search(r"\bfits? with\b|\bprobably\b", model["patient_text"]), model["slug"]
    bucket = rows(english, "explanationmodel")["stress-emmer"]["patient_text"]
    assert "not about one cause" in bucket and not re.search(r"stress (causes|gives|makes)", bucket, re.I)
    alarm = rows(english, "metaphor")["kapot-alarmsysteem"]
    assert alarm["name"] == "Alarm set too sensitive" and "**set too sensitive**" in alarm["patient_text"]
    for where, text in kinds.patient_texts(english):
        assert "broken" not in text.lower(), where
    for metaphor in english["metaphor"]:
        assert 2 <= len(re.findall(r"\*\*(.+?)\*\*", metaphor["patient_text"], re.S)) <= 4, metaphor["slug"]
        assert all(len(line.split()) <= 8 for line in metaphor["presentation_lines"]), metaphor["slug"]


def test_each_english_drawing_describes_itself_in_english(english):
    for metaphor in english["metaphor"]:
        svg = metaphor["drawing_svg"]
        assert "<title" in svg and "<desc" in svg
        assert not re.search(r"\b(een|het|de|en)\b", re.sub(r"<[^>]+>", " ", svg)), metaphor["slug"]


@pytest.mark.parametrize("word, expected", [
    ("made", 1), ("turned", 1), ("makes", 1), ("wanted", 2), ("body", 2), ("people", 2),
    ("nervous", 2), ("attention", 3), ("sensitisation", 5), ("0800-0113", 2),
])
def test_english_syllables_are_vowel_groups_without_silent_endings(word, expected):
    assert syllables(word, "en") == expected


def test_the_flesch_reading_ease_is_the_english_formula():
    easy = measure("The cat sat on the mat. It slept.", "en")
    assert (easy.words, easy.sentences, easy.syllables) == (8, 2, 8)
    assert easy.flesch == pytest.approx(206.835 - 84.6 * 1 - 1.015 * 4)
    assert easy.reading_ease == easy.flesch
    assert measure_html('<html lang="en"><p>The cat sat on the mat.</p></html>').language == "en"
    assert measure_html("<html><p>De kat zit op de mat.</p></html>").language == "nl"


def test_the_english_guard_on_a_labelled_corpus():
    """Measured, not assumed: recall on harmful sentences and false alarms on safe ones
    that share their words (the figures are in the README)."""
    phrases = kinds.read_sources(kinds.source_dir("en"))["phrasetoavoid"]
    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    harmful = [s for s in corpus if s["harmful"]]
    safe = [s for s in corpus if not s["harmful"]]
    assert len(harmful) >= 50 and len(safe) >= 50
    assert {s["phrase"] for s in harmful} == {p["slug"] for p in phrases}
    missed = [s["text"] for s in harmful if s["phrase"] not in {h.slug for h in find_phrases(s["text"], phrases, "en")}]
    false_alarms = [s["text"] for s in safe if find_phrases(s["text"], phrases, "en")]
    assert len(missed) / len(harmful) <= 0.05, missed
    assert len(false_alarms) / len(safe) <= 0.05, false_alarms
    # The Dutch stems do not read English: the list is only ever used in its own language.
    assert find_phrases("You are exaggerating.", phrases, "en")


def test_load_content_publishes_both_languages_once(db):
    call_command("load_content", stdout=open("/dev/null", "w"))
    assert ContentVersion.current("nl") is not None and ContentVersion.current("en") is not None
    numbers = set(ContentVersion.objects.values_list("number", flat=True))
    call_command("load_content", stdout=open("/dev/null", "w"))
    assert set(ContentVersion.objects.values_list("number", flat=True)) == numbers


def test_the_english_library_round_trips_through_the_database(english_content, english):
    assert english_content.language == "en"
    assert kinds.export(english_content) == english


def test_every_assembled_english_handout_reads_easily(english_content, shipped_content, anna):
    checked, hard = 0, []
    for everything in (False, True):
        for model, chosen, consult in shipped_handout_consults(shipped_content, anna, everything=everything,
                                                               language="en"):
            html = render_handout_html(consult)
            handout = measure_html(html)
            in_short = measure("\n".join(f"- {line}" for line in
                                         HandoutContent.of(consult, consult.handout_library).in_short), "en")
            assert handout.language == "en"
            if handout.flesch < MIN_READING_EASE["en"] or in_short.flesch < MIN_READING_EASE["en"]:
                hard.append(f"{model.slug} {chosen}: {handout.flesch:.1f}, in short {in_short.flesch:.1f}")
            if handout.words_per_sentence > 12:
                hard.append(f"{model.slug} {chosen}: {handout.words_per_sentence:.1f} words per sentence")
            checked += 1
    assert checked >= 2 * 20 and not hard, hard


def test_the_longest_english_handouts_fit_two_a4_pages(english_content, shipped_content, anna):
    pages = {}
    for model, chosen, consult in shipped_handout_consults(shipped_content, anna, language="en"):
        data = render_pdf(render_handout_html(consult))
        pages[(model.slug, chosen)] = len(pdf_pages(data))
        text = pdf_text(data)
        assert "More information" in text and "www.nalk.info" in text, (model.slug, chosen)
        assert overlapping_words(data) == [], (model.slug, chosen)
    assert len(pages) >= 30
    assert max(pages.values()) <= 2, {k: v for k, v in pages.items() if v > 2}


def test_english_syllables_measured_on_a_pronouncing_dictionary():
    """Every word of the English library, labelled by the CMU Pronouncing Dictionary
    (written independently of the counter): exact for at least 90 % of the words, and
    the total within 3 %, which is what the Flesch score uses."""
    labelled = {}
    for line in (CORPUS.parent / "syllables.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, counts = line.split("\t")
            labelled[word] = {int(c) for c in counts.split(",")}
    assert len(labelled) >= 1000
    exact = sum(syllables(word, "en") in counts for word, counts in labelled.items())
    counted = sum(syllables(word, "en") for word in labelled)
    expected = sum(min(counts) for counts in labelled.values())
    assert exact / len(labelled) >= 0.90, exact / len(labelled)
    assert abs(counted / expected - 1) <= 0.03, (counted, expected)
