"""Readability (Flesch-Douma, measured with Dutch hyphenation) of every shipped patient
text and of every handout the shipped library can assemble."""

import pytest

from consult.handout import HandoutContent, render_handout_html
from explanations import kinds
from explanations.readability import MIN_FLESCH_DOUMA, measure, measure_html, sentences, syllables, visible_text
from tests.handouts import shipped_handout_consults

# Below this many words a text is a name, a label or a term, not prose: Flesch-Douma says
# nothing about it alone. Its words still count in the handout it is printed in.
MIN_WORDS_SCORED = 8


@pytest.fixture(scope="module")
def library():
    return kinds.read_sources()


@pytest.mark.parametrize("word, expected", [
    ("zenuwstelsel", 4),
    ("gezondheidsbevorderende", 8),
    ("over", 2),          # Dutch hyphenation never splits off one letter: o-ver is still two
    ("idee", 2),
    ("ademhaling", 4),
    ("stress-emmer", 3),  # a hyphenated compound counts its parts
    ("één", 1),
    ("0800-0113", 2),     # a part without a vowel counts as one
])
def test_syllables_come_from_dutch_hyphenation(word, expected):
    assert syllables(word) == expected


def test_flesch_douma_is_the_dutch_formula():
    easy = measure("De kat zit op de mat. Hij slaapt.")
    assert (easy.words, easy.sentences, easy.syllables) == (8, 2, 8)
    assert easy.flesch_douma == pytest.approx(206.84 - 0.77 * 100 - 0.93 * 4)
    hard = measure("Gezondheidsbevorderende interventies verminderen aanhoudende lichamelijke klachten aanzienlijk.")
    assert hard.flesch_douma < 0 < easy.flesch_douma
    assert measure("").flesch_douma == 0


def test_every_block_of_a_page_ends_a_sentence():
    html = "<table><tr><th>Datum</th><th>Wat deed u</th></tr></table><ul><li>Een</li><li>Twee</li></ul>"
    assert sentences(visible_text(html)) == ["Datum", "Wat deed u", "Een", "Twee"]


def test_every_shipped_patient_text_reads_easily(library):
    hard = []
    for where, text in kinds.patient_texts(library):
        score = measure(text)
        if score.words >= MIN_WORDS_SCORED and score.flesch_douma < MIN_FLESCH_DOUMA:
            hard.append(f"{where}: {score.flesch_douma:.1f}")
    assert not hard, hard


def test_every_assembled_handout_reads_easily(shipped_content, anna):
    checked, hard, worst = 0, [], {}
    for everything in (False, True):
        for model, chosen, consult in shipped_handout_consults(shipped_content, anna, everything=everything):
            handout = measure_html(render_handout_html(consult))
            in_short = measure("\n".join(f"- {line}" for line in HandoutContent.of(consult).in_short))
            if handout.flesch_douma < MIN_FLESCH_DOUMA or in_short.flesch_douma < MIN_FLESCH_DOUMA:
                hard.append(f"{model.slug} {chosen}: {handout.flesch_douma:.1f}, in het kort {in_short.flesch_douma:.1f}")
            if handout.words_per_sentence > 12:
                hard.append(f"{model.slug} {chosen}: {handout.words_per_sentence:.1f} words per sentence")
            low = worst.get(model.slug, (999, None, None))
            if handout.flesch_douma < low[0]:
                worst[model.slug] = (handout.flesch_douma, chosen, in_short.flesch_douma)
            checked += 1
    assert checked >= 2 * 20 and not hard, hard
    # The table for the report: pytest -s shows it.
    for slug, (score, chosen, in_short) in worst.items():
        print(f"{slug:32} worst handout {score:5.1f} ({', '.join(chosen)}); in het kort {in_short:5.1f}")
