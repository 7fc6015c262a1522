"""PHQ-15 and 4DKL bands at every edge, from the content library (shipped and test)."""

import datetime

import pytest

from care.actions import plan_session
from care.models import PHQ15_ITEMS
from explanations import kinds
from explanations.models import Measure
from tests.factories import mrs_k_consult, save

EDGES = {
    "phq15": [(0, "minimaal"), (4, "minimaal"), (5, "laag"), (9, "laag"), (10, "matig"), (14, "matig"), (15, "hoog"), (30, "hoog")],
    "4dkl-distress": [(0, "niet verhoogd"), (10, "niet verhoogd"), (11, "matig verhoogd"), (20, "matig verhoogd"),
                      (21, "sterk verhoogd"), (32, "sterk verhoogd")],
    "4dkl-depressie": [(0, "niet verhoogd"), (2, "niet verhoogd"), (3, "matig verhoogd"), (5, "matig verhoogd"),
                       (6, "sterk verhoogd"), (12, "sterk verhoogd")],
    "4dkl-angst": [(0, "niet verhoogd"), (3, "niet verhoogd"), (4, "matig verhoogd"), (7, "matig verhoogd"),
                   (8, "sterk verhoogd"), (24, "sterk verhoogd")],
    "4dkl-somatisatie": [(0, "niet verhoogd"), (10, "niet verhoogd"), (11, "matig verhoogd"), (20, "matig verhoogd"),
                         (21, "sterk verhoogd"), (32, "sterk verhoogd")],
}


@pytest.mark.parametrize("slug", EDGES)
def test_every_band_edge_of_the_shipped_library(slug):
    row = next(m for m in kinds.read_sources()["measure"] if m["slug"] == slug)
    measure = Measure(**{k: row[k] for k in ("slug", "name", "minimum", "maximum", "bands", "item_scale", "items", "source")})
    for score, band in EDGES[slug]:
        assert measure.band(score) == band, (slug, score)
    assert measure.band(None) is None
    assert "20" in measure.source  # the published source is named with its year


def test_the_phq15_has_15_items_scored_0_to_2():
    row = next(m for m in kinds.read_sources()["measure"] if m["slug"] == "phq15")
    assert len(row["items"]) == 15 and row["item_scale"] == ["niet", "een beetje", "veel"]


def test_a_session_scores_its_items_or_its_total(content, anna):
    consult = mrs_k_consult(user=anna)
    session = plan_session(patient=consult.patient, user=anna, date=datetime.date.today())
    assert session.phq15_score is None and session.phq15_band is None
    session = save_session(session, anna, phq15_total=12)
    assert (session.phq15_score, session.phq15_band) == (12, "matig")
    session = save_session(session, anna, **{name: 1 for name in PHQ15_ITEMS[:14]})
    assert session.phq15_score == 12  # not every item answered: the total typed in counts
    session = save_session(session, anna, **{PHQ15_ITEMS[14]: 1})
    assert (session.phq15_score, session.phq15_band) == (15, "hoog")  # all 15 items: their sum


def test_a_4dkl_score_beyond_its_scale_is_refused(content, anna, sanne):
    from django.core.exceptions import ValidationError

    from care.actions import save_intake_answers, start_intake

    intake = start_intake(patient=mrs_k_consult(user=anna).patient, user=sanne)
    with pytest.raises(ValidationError):
        save_intake_answers(intake=intake, user=sanne, answers={"fourdkl_depression": 13})
    result = save_intake_answers(intake=intake, user=sanne, answers={"fourdkl_depression": 6, "fourdkl_distress": 11})
    assert ("4DKL depressie", 6, "sterk verhoogd") in result.record.fourdkl_bands()
    assert ("4DKL distress", 11, "matig verhoogd") in result.record.fourdkl_bands()


def save_session(session, user, **answers):
    from care.actions import save_session_answers

    return save_session_answers(session=session, user=user, answers=answers).record


def test_the_chart_has_a_point_for_the_baseline_and_every_measured_session(content, anna, sanne):
    from care.chart import phq15_points, phq15_svg

    consult = save(mrs_k_consult(user=anna), anna, phq15=18)
    patient = consult.patient
    today = datetime.date.today()
    sessions = []
    for weeks, total in [(2, 14), (4, None), (6, 9)]:
        session = plan_session(patient=patient, user=sanne, date=today + datetime.timedelta(weeks=weeks))
        if total is not None:
            session = save_session(session, sanne, phq15_total=total)
        sessions.append(session)
    points = phq15_points(patient, [consult], sessions)
    assert [(score, who) for _, score, who in points] == [(18, "huisarts"), (14, "sessie"), (9, "sessie")]
    svg = phq15_svg(points, consult.library.get(Measure, "phq15"))
    assert svg.count('class="point"') == 3
    assert f'data-date="{(today + datetime.timedelta(weeks=6)).isoformat()}" data-score="9"' in svg
    assert "<title" in svg and "hoog" in svg and "minimaal" in svg
