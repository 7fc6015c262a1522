"""Referral and SOEP texts state only what happened, and give each recipient what it
needs (issue 10, part 4)."""

from consult.documents import render_journal, render_referral
from consult.icpc import ICPC_CHOICES, short_icpc_label
from explanations.models import Recipient
from tests.factories import mrs_k_consult, save


def referral(consult, slug, author):
    return render_referral(consult, consult.library.get(Recipient, slug), author=author)


def test_before_an_explanation_the_texts_say_what_was_agreed_instead(content, anna):
    consult = save(mrs_k_consult(user=anna, agreement="partly"), anna, needed_first_note="cardioloog")
    for slug in ["specialist", "poh_ggz", "fysiotherapeut"]:
        text = referral(consult, slug, anna)
        assert "Nog geen uitleg gegeven. Afgesproken: eerst een verwijzing (cardioloog).\n" in text, slug
        assert "folder" not in text and "al uitleg" not in text, slug
        assert "dezelfde woorden gebruiken?" in text
    journal = render_journal(consult)
    assert "\nP: Nog geen uitleg; afgesproken: eerst een verwijzing (cardioloog)." in journal
    assert "Folder meegegeven" not in journal and "Vangnet besproken" not in journal


def test_after_the_explanation_the_texts_say_it_was_given(mrs_k, anna):
    text = referral(mrs_k, "specialist", anna)
    assert "Patiënt kreeg een folder mee met deze uitleg." in text
    assert "Verklaringsmodel: Centrale sensitisatie" in text
    assert "Folder meegegeven." in render_journal(mrs_k)


def test_the_patients_wish_for_more_investigation_reaches_the_colleague(mrs_k, anna):
    mrs_k = save(mrs_k, anna, wants_further_investigation=True)
    assert "Verwachting van de patiënt: wil daarnaast graag verder onderzoek.\n" in referral(mrs_k, "specialist", anna)


def test_the_occupational_physician_reads_only_what_work_needs(mrs_k, anna):
    mrs_k = save(mrs_k, anna, consent_occupational_physician=True, factors=["werkstress", "somberheid", "vermijden"])
    text = referral(mrs_k, "bedrijfsarts", anna)
    assert "Aanhoudende lichamelijke klachten (ALK).\n" in text
    assert "Wat bij werk en herstel meespeelt:\n- Vermijden van activiteiten\n- Werkstress\n" in text
    for private in ["ernst", "Ernst", "matig", mrs_k.complaints, mrs_k.duration, "Somberheid",
                    "Versterking in ruggenmerg", "Hyperalgesie", "Biopsychosociaal", "trauma", "hechting"]:
        assert private not in text, private
    for term in mrs_k.chosen("explanation_model").key_terms.all():
        assert f"- {term.term}: {term.patient_definition}" in text


def test_icpc_low_back_is_l03_and_the_soep_line_gives_no_instruction(mrs_k, anna):
    assert short_icpc_label("L03") == "L03 Lage-rugklachten"
    assert {"L01", "L03", "D01", "N18", "N29"} <= dict(ICPC_CHOICES).keys()
    assert "alleen als de patiënt dit label kent" in str(dict(ICPC_CHOICES)["P75"])
    mrs_k = save(mrs_k, anna, leading_complaint_icpc="P75")
    journal = render_journal(mrs_k)
    assert "ICPC: P75 Somatisatie." in journal
    for instruction in ["codeer", "alleen als", "suggestie"]:
        assert instruction not in journal


def test_severe_prescribes_specialised_care_an_alk_centre_or_a_rehabilitation_physician(shipped_content):
    from explanations.models import ContentVersion, SeverityGrade

    version = ContentVersion.current()
    severe = SeverityGrade.objects.get(version=version, slug="ernstig").stepped_care
    assert "specialistische GGZ" in severe and "ALK-centrum" in severe and "revalidatiearts" in severe
    assert Recipient.objects.filter(version=version, slug__in=["specialistische_ggz", "alk_centrum", "revalidatiearts"]).count() == 3
    specialist = Recipient.objects.get(version=version, slug="specialist").request
    assert "al uitleg" not in specialist
