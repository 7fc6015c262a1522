"""SOEP lines go into the record the patient reads online: they state what happened, give
the GP no instructions and carry no label a patient would read as blame. The ICPC list
codes the leading complaint (issue 10, part 4)."""

import re

import pytest

from consult.documents import render_journal
from consult.icpc import CAUTION, ICPC_CHOICES, short_icpc_label
from explanations.models import ExplanationModel, MaintainingFactor
from tests.factories import mr_v_consult, mrs_k_consult, save
from tests.helpers import post_step, oob, step_url

INSTRUCTIONS = re.compile(r"\b(codeer|overweeg|verwijs|vraag|plan|controleer|vul|kies|let op|suggestie|"
                          r"alleen als|geef|spreek|schaal)\b", re.I)
BLAME = re.compile(r"solk|somatisatie|somatiseren|psychosomatisch|functionele? overlay|psychogeen|conversie|"
                   r"aanstel|ingebeeld|tussen de oren|catastrof", re.I)


def states(anna):
    """Consults in every state the SOEP lines can describe."""
    yield "explained", mrs_k_consult(user=anna)
    yield "partly", save(mrs_k_consult(user=anna, agreement="partly"), anna, needed_first_note="cardioloog")
    yield "no", mrs_k_consult(user=anna, agreement="no")
    yield "red flag open", save(mrs_k_consult(user=anna), anna, red_flags="present", red_flags_present="koorts")
    yield "mr v", mr_v_consult(user=anna)
    yield "measures", save(mrs_k_consult(user=anna), anna, phq15=20, fourdkl_somatisation=25, csi=60,
                           symptom_clusters=["maag-darm", "hart-longen", "bewegingsapparaat", "algemeen"],
                           daily_limitation="severe", course="months", severity="ernstig")


def test_soep_lines_give_no_instruction_and_no_blaming_label(shipped_content, anna):
    factors = [f.slug for f in MaintainingFactor.objects.filter(version=shipped_content)]
    checked = 0
    for model in ExplanationModel.objects.filter(version=shipped_content):
        for name, consult in states(anna):
            consult = save(consult, anna, explanation_model=model.slug,
                           metaphors=[model.metaphors.first().slug]) if consult.may_explain else consult
            for code, _ in ICPC_CHOICES:
                if code in CAUTION:
                    continue
                journal = render_journal(save(consult, anna, leading_complaint_icpc=code, factors=factors))
                assert not INSTRUCTIONS.search(journal), (model.slug, name, code, INSTRUCTIONS.search(journal))
                assert not BLAME.search(journal), (model.slug, name, code, BLAME.search(journal))
                assert re.fullmatch(r"S: .*\nO: .*\nE: .*\nP: .*\n", journal), journal
                checked += 1
    assert checked >= 4 * 6 * 16


def test_p75_names_what_the_gp_chose_knowingly_without_the_caution(mrs_k, anna):
    journal = render_journal(save(mrs_k, anna, leading_complaint_icpc="P75"))
    assert "ICPC: P75 Somatisatie." in journal
    assert not INSTRUCTIONS.search(journal) and "dossier" not in journal


def test_the_icpc_list_codes_low_back_neck_abdomen_and_functional_weakness():
    labels = {code: str(label) for code, label in ICPC_CHOICES}
    assert labels["L03"] == "L03 Lage-rugklachten" and labels["L02"] == "L02 Rugklachten (thoracaal)"
    assert labels["L01"] == "L01 Nekklachten"
    assert labels["D01"].startswith("D01 Buikpijn") and labels["D06"].startswith("D06 Andere gelokaliseerde buikpijn")
    assert labels["N18"].startswith("N18 Verlamming/krachtsverlies") and "N29" in labels and "N08" in labels
    assert CAUTION == {"P75"}
    assert labels["P75"] == ("P75 Somatisatie – alleen als de patiënt dit label kent en deelt; "
                             "het staat in het dossier dat de patiënt kan lezen")
    assert short_icpc_label("N18") == "N18 Verlamming/krachtsverlies"  # the examples are for the GP
    assert short_icpc_label("L02") == "L02 Rugklachten (thoracaal)"
    assert len(labels) == len(ICPC_CHOICES)  # each code once


def test_the_caution_stands_beside_p75_where_the_gp_chooses(mrs_k, anna_client):
    html = anna_client.get(step_url(mrs_k, "scegs")).content.decode()
    assert ">P75 Somatisatie – alleen als de patiënt dit label kent en deelt; het staat in het dossier dat de " \
           "patiënt kan lezen</option>" in html


def test_a_functional_motor_complaint_suggests_its_icpc_codes(mrs_k, anna_client):
    response = post_step(anna_client, mrs_k, "scegs", functional_weakness=True)
    piece = oob(response.content.decode(), "icpc-suggestion")
    assert "Bij functionele zwakte of een bewegingsprobleem past: N18 Verlamming/krachtsverlies of " \
           "N29 Andere klachten zenuwstelsel." in piece
    response = post_step(anna_client, mrs_k, "scegs", functional_weakness=False)
    assert "past:" not in oob(response.content.decode(), "icpc-suggestion")


@pytest.mark.parametrize("code", ["L01", "L03", "D01", "N18"])
def test_the_record_shows_the_code_and_its_name(mrs_k, anna, code):
    journal = render_journal(save(mrs_k, anna, leading_complaint_icpc=code))
    assert f"ICPC: {short_icpc_label(code)}.\nP: " in journal


def test_the_wish_for_more_investigation_is_in_the_record(mrs_k, anna):
    journal = render_journal(save(mrs_k, anna, wants_further_investigation=True))
    assert "| Sociaal: Werkt 24 uur als doktersassistente. Wil daarnaast graag verder onderzoek.\nO: " in journal
