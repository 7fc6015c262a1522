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


# --- clinical language v2: one story, the handout's own content ---------------------

def rows(library, kind):
    return {row["slug"]: row for row in library[kind]}


def general(library, slug):
    return rows(library, "generaltext")[slug]["text"]


def list_items(text):
    from consult.handout import list_items as items

    return items(text)


def test_in_het_kort_has_5_to_8_bullets_for_every_model(library):
    start, end = list_items(general(library, "in_short_start")), list_items(general(library, "in_short_end"))
    assert start and end
    for model in library["explanationmodel"]:
        assert 5 <= len(start) + len(model["in_short"]) + len(end) <= 8, model["slug"]
    shared = " ".join(start + end)
    assert "U voelt echt iets" in shared and "veel voor" in shared  # real and common
    assert "minder" in shared and "contact op" in shared  # often less; when to come back


def test_every_model_is_a_working_explanation_with_hope_and_body_and_mind(library):
    for model in library["explanationmodel"]:
        text = model["patient_text"]
        assert re.search(r"\b(past|passen) bij\b|\bwaarschijnlijk\b", text), model["slug"]
    assert "één systeem" in general(library, "body_and_mind")
    examined = general(library, "examined")
    assert "onderzocht" in examined and "geen ziekte die een andere behandeling nodig heeft" in examined
    assert "aanhoudende lichamelijke klachten (ALK)" in examined
    assert "Thuisarts.nl" in examined and "NALK" in examined
    assert {s["url"] for s in library["infosource"]} >= {"https://www.thuisarts.nl", "https://www.nalk.info"}
    prognosis = general(library, "prognosis")
    assert "minder" in prognosis and "langer" in prognosis  # neutral: no promise either way


def test_the_stress_bucket_is_no_story_of_stress_causing_the_symptoms(library):
    model = rows(library, "explanationmodel")["stress-emmer"]
    metaphor = rows(library, "metaphor")["overlopende-stressemmer"]
    texts = [model["patient_text"], metaphor["patient_text"], *model["in_short"]]
    for text in texts:
        assert not re.search(r"(door|van|uit) (de |uw )?stress\b|stress (geeft|veroorzaakt|maakt)", text, re.I), text
    assert "pijn" in model["patient_text"] and "slecht slapen" in model["patient_text"]  # load, not only stress
    assert "niet om één oorzaak" in model["patient_text"]
    assert "echte, lichamelijke klachten" in model["patient_text"]


def test_stress_emmer_is_spelled_one_way(library):
    assert rows(library, "explanationmodel")["stress-emmer"]["name"] == "Stress-emmer"
    assert rows(library, "metaphor")["overlopende-stressemmer"]["name"] == "Overlopende stress-emmer"
    for where, text in kinds.patient_texts(library):
        assert not re.search(r"stressemmer|stress emmer", text, re.I), where


def test_the_alarm_is_named_as_the_patient_hears_it(library):
    alarm = rows(library, "metaphor")["kapot-alarmsysteem"]
    assert alarm["name"] == "Te gevoelig alarmsysteem"
    assert "te gevoelig afgesteld" in alarm["patient_text"]
    for where, text in kinds.patient_texts(library):
        assert "kapot" not in text.lower(), where
    for model in library["explanationmodel"]:
        script = " ".join(step["text"] for step in model["clinician_script"])
        assert "kapot alarm" not in script.lower(), model["slug"]


def bold(text):
    return [" ".join(w.split()) for w in re.findall(r"\*\*(.+?)\*\*", text, re.S)]


def test_every_metaphor_marks_two_to_four_key_words(library):
    for metaphor in library["metaphor"]:
        words = bold(metaphor["patient_text"])
        assert 2 <= len(words) <= 4, (metaphor["slug"], words)
        assert all(w.lower() in metaphor["patient_text"].lower() for w in words)
    assert bold(rows(library, "metaphor")["kapot-alarmsysteem"]["patient_text"])[:2] == ["alarm", "te gevoelig afgesteld"]


def test_every_metaphor_tells_what_its_drawing_shows_and_fits_each_model_it_is_offered_for(library):
    metaphors = rows(library, "metaphor")
    offered = {slug: [m["slug"] for m in library["explanationmodel"] if slug in m["metaphors"]] for slug in metaphors}
    # The spinal cord belongs to central sensitisation only.
    for slug, models in offered.items():
        if set(models) - {"centrale-sensitisatie"}:
            assert "ruggenmerg" not in metaphors[slug]["patient_text"], slug
    volume = metaphors["volumeknoppen"]["patient_text"]
    assert "somatosensorische-amplificatie" in offered["volumeknoppen"]
    assert "**volumeknoppen**" in volume and "op weg naar uw hersenen" in volume
    assert "hoger" in volume and "lager" in volume
    assert "camera" in metaphors["zoomlens"]["patient_text"] and "**zoomlens**" in metaphors["zoomlens"]["patient_text"]
    river = metaphors["rivierbedding"]["patient_text"]
    assert "**oude bedding**" in river and "**nieuwe bedding**" in river and "langzaam" in river
    path = metaphors["olifantenpaadjes"]["patient_text"]
    assert "**nieuw pad**" in path and "**oude pad**" in path and "groeit langzaam dicht" in path
    assert "duidelijker" in path


def test_predictive_processing_speaks_of_movement_and_weakness(library):
    model = rows(library, "explanationmodel")["predictive-processing"]
    motor = re.compile(r"\b(bewe\w*|been|benen|arm|slap\w*|zwak\w*|lopen|trilt|stroef\w*|stokt)\b", re.I)
    assert motor.search(model["patient_text"]) and motor.search(" ".join(model["in_short"]))
    assert "slap" in model["patient_text"]
    for slug in model["metaphors"]:
        assert motor.search(rows(library, "metaphor")[slug]["patient_text"]), slug
    terms = {t["term"]: t["patient_definition"] for t in model["key_terms"]}
    assert "zwakte" in terms["voorspelling die niet klopt"]


def test_the_library_has_the_missing_patient_content(library):
    advice = rows(library, "selfmanagementadvice")
    pacing = advice["doseren"]["patient_text"]
    assert "startpunt" in pacing and "volgens de klok, niet volgens de klachten" in pacing
    assert "werk" in advice["werk"]["patient_text"] and "meedoen" in advice["werk"]["patient_text"]
    medication = advice["medicijnen"]["patient_text"]
    assert "Sterke pijnstillers" in medication and "slaappillen" in medication and "niet voor lang" in medication
    assert "huisarts" in medication
    assert "schema" in advice["dagboek"]["patient_text"]
    columns = list_items(general(library, "diary_columns"))
    assert len(columns) == 4 and "Meer of minder klachten?" in columns
    assert any("dacht" in c and "voelde" in c and "deed" in c for c in columns)
    assert any("anderen" in c for c in columns)
    mood = general(library, "mood_safety_net")
    assert "113" in mood and "0800-0113" in mood and "praktijk" in mood and "huisartsenpost" in mood
    assert "somberheid" in rows(library, "maintainingfactor")


def test_presentation_lines_are_very_short(library):
    for metaphor in library["metaphor"]:
        assert 2 <= len(metaphor["presentation_lines"]) <= 3, metaphor["slug"]
        for line in metaphor["presentation_lines"]:
            assert len(line.split()) <= 8, (metaphor["slug"], line)
