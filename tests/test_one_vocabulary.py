"""Handout, referral and SOEP use the same words, for every model and metaphor."""

import html as html_lib
import re

import pytest

from consult.outputs import recipients_for, render_handout_html, render_journal, render_referral
from explanations.guard import find_phrases
from explanations.models import ExplanationModel, PhraseToAvoid
from tests.factories import mrs_k_consult


def combinations(version):
    for model in ExplanationModel.objects.filter(version=version).order_by("order"):
        for metaphor in model.metaphors.order_by("order"):
            yield model, metaphor


def handout_terms(html):
    return [html_lib.unescape(t) for t in re.findall(r"<dt>(.*?)</dt>", html)]


@pytest.mark.django_db
def test_every_combination_speaks_with_one_voice(content, anna):
    phrases = list(PhraseToAvoid.objects.filter(version=content))
    checked = 0
    for model, metaphor in combinations(content):
        consult = mrs_k_consult(user=anna, model=model.slug, metaphors=(metaphor.slug,))
        handout = render_handout_html(consult, for_pdf=True)
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
