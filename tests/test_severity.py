"""Severity with the NHG criteria (symptom clusters, limitation in daily life, course):
one rule on the model suggests the grade; the SCEGS step shows it while the GP fills in
the criteria, and the referral and SOEP lines say what it rests on. Questionnaire totals
are read with the library's bands."""

import pytest

from consult.documents import render_journal, render_referral
from consult.models import Cluster, Consult, severity_from_criteria
from explanations.models import Measure, Recipient
from tests.factories import new_consult, save
from tests.helpers import oob, post_step, step_url

ALL = [c.value for c in Cluster]


@pytest.mark.parametrize("clusters, limitation, course, grade", [
    (["algemeen"], "light", "weeks", "licht"),
    (["algemeen", "maag-darm"], "light", "weeks", "licht"),
    (["algemeen", "maag-darm", "hart-longen"], "light", "weeks", "matig"),  # three clusters
    (["algemeen"], "light", "longer", "matig"),  # longer than expected
    (["algemeen"], "clear", "weeks", "matig"),
    (["algemeen"], "severe", "months", "matig"),  # not in all clusters
    (ALL, "severe", "longer", "matig"),  # not yet three months
    (ALL, "clear", "months", "matig"),
    (ALL, "severe", "months", "ernstig"),
    (ALL + ["algemeen"], "severe", "months", "ernstig"),  # a cluster counts once
    ([], "severe", "months", ""),  # a criterion missing: no suggestion
    (ALL, "", "months", ""),
    (ALL, "severe", "", ""),
])
def test_the_nhg_rule(clusters, limitation, course, grade):
    assert severity_from_criteria(clusters, limitation, course) == grade


def test_the_consult_suggests_the_librarys_grade_and_says_why(content, anna):
    consult = save(new_consult(user=anna), anna, symptom_clusters=["algemeen", "bewegingsapparaat", "maag-darm"],
                   daily_limitation="clear", course="months")
    assert consult.suggested_severity.slug == "matig"
    assert consult.severity_criteria == (
        "3 van de 4 klachtenclusters, duidelijk beperkt in het dagelijks leven, langer dan 3 maanden")
    assert consult.symptom_clusters == ["maag-darm", "bewegingsapparaat", "algemeen"]  # in the NHG order


def test_the_scegs_step_shows_the_suggestion_while_the_gp_fills_in_the_criteria(content, anna, anna_client):
    consult = new_consult(user=anna)
    html = anna_client.get(step_url(consult, "scegs")).content.decode()
    assert "Vul de drie NHG-criteria in" in html and 'name="symptom_clusters"' in html
    response = post_step(anna_client, consult, "scegs", symptom_clusters=ALL, daily_limitation="severe", course="months")
    piece = oob(response.content.decode(), "severity-suggestion")
    assert "Volgens de NHG-criteria (4 van de 4 klachtenclusters, ernstig beperkt in het dagelijks leven, " \
           "langer dan 3 maanden) past: <strong>Ernstig</strong>." in piece
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.severity == ""  # a suggestion: the GP chooses
    response = post_step(anna_client, saved, "scegs", severity="matig")
    assert "U koos een andere ernst." in oob(response.content.decode(), "severity-suggestion")


def test_an_unknown_cluster_is_refused(content, anna, anna_client):
    consult = new_consult(user=anna)
    response = post_step(anna_client, consult, "scegs", symptom_clusters=["hoofd"], social_note="blijft")
    assert "Selecteer een geldige keuze" in oob(response.content.decode(), "feedback-symptom_clusters")
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.symptom_clusters == [] and saved.social_note == "blijft"


def test_the_texts_say_what_the_grade_rests_on(mrs_k, anna):
    consult = save(mrs_k, anna, symptom_clusters=["bewegingsapparaat", "algemeen"], daily_limitation="clear",
                   course="months")
    physio = consult.library.get(Recipient, "fysiotherapeut")
    criteria = "2 van de 4 klachtenclusters, duidelijk beperkt in het dagelijks leven, langer dan 3 maanden"
    assert (f"\nErnst: matig (NHG-criteria: {criteria}). Huisarts plus POH-GGZ of fysiotherapie.\n"
            in render_referral(consult, physio, author=anna))
    assert f"\nE: Aanhoudende lichamelijke klachten (ALK), matig (NHG-criteria: {criteria}). " in render_journal(consult)


def test_when_the_gp_grades_otherwise_both_are_stated(mrs_k, anna):
    consult = save(mrs_k, anna, symptom_clusters=["algemeen"], daily_limitation="light", course="weeks",
                   severity="ernstig")
    physio = consult.library.get(Recipient, "fysiotherapeut")
    criteria = "1 van de 4 klachtenclusters, licht beperkt in het dagelijks leven, enkele weken, zoals bij deze klacht te verwachten"
    assert (f"\nErnst: ernstig, ingeschat door de huisarts; de NHG-criteria ({criteria}) wijzen op licht. "
            in render_referral(consult, physio, author=anna))
    assert f"ALK), ernstig (NHG-criteria: {criteria}; die wijzen op licht). " in render_journal(consult)


def test_measures_are_read_with_the_librarys_bands(mrs_k, anna):
    consult = save(mrs_k, anna, phq15=14, fourdkl_somatisation=12, csi=40)
    phq15 = consult.library.get(Measure, "phq15")
    fourdkl = consult.library.get(Measure, "4dkl-somatisatie")
    assert consult.measure_bands() == [("PHQ-15", 14, phq15.band(14)), ("4DKL somatisatie", 12, fourdkl.band(12))]
    text = render_referral(consult, consult.library.get(Recipient, "poh_ggz"), author=anna)
    assert "\nPHQ-15: 14 (matig)\n4DKL somatisatie: 12 (matig verhoogd)\nCSI: 40\n" in text
    journal = render_journal(consult)
    assert "PHQ-15: 14 (matig). 4DKL lichamelijke klachten: 12 (matig verhoogd). CSI: 40. " in journal
    assert "somatisatie" not in journal


def test_the_scegs_step_shows_the_bands_after_each_save(content, anna, anna_client):
    consult = new_consult(user=anna)
    response = post_step(anna_client, consult, "scegs", phq15="16")
    assert "PHQ-15 16: hoog" in oob(response.content.decode(), "measure-bands")


def test_the_severity_rule_is_written_once():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sources = [p for p in root.rglob("*.py") if ".venv" not in p.parts and "tests" not in p.parts]
    places = [p.relative_to(root).as_posix() for p in sources if "severity_from_criteria(" in p.read_text()]
    assert places == ["consult/models.py"]

