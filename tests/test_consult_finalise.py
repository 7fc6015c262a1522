"""Finalise, reprint and reopen: what was handed out never changes."""

import pytest

from consult.actions import finalise_consult
from consult.models import Consult, Snapshot
from consult.outputs import render_handout_html
from explanations.actions import create_draft_from, publish
from explanations.models import KeyTerm
from tests.factories import mrs_k_consult, save
from tests.helpers import url
from tests.pdf_text import pdf_text


@pytest.fixture(autouse=True)
def pdf_cache_dir(settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path / "pdf-cache"
    return settings.PDF_CACHE_DIR


def finalise(client, consult):
    consult = Consult.objects.get(pk=consult.pk)
    return client.post(url("consult_finalise", consult), {"version": consult.version})


def test_finalising_stores_handout_referrals_and_journal(mrs_k, anna_client):
    outputs_before = anna_client.get(url("consult_outputs", mrs_k)).context
    finalise(anna_client, mrs_k)
    snapshot = Snapshot.objects.get(consult=mrs_k)
    assert snapshot.number == 1 and snapshot.content_version == mrs_k.content_version
    assert snapshot.journal_text == outputs_before["journal_text"]
    assert set(snapshot.referrals) == {"poh_ggz", "fysiotherapeut", "psycholoog", "specialist"}  # no consent for the bedrijfsarts
    assert "Uitleg over uw klachten, Karin" in snapshot.handout_html
    assert Consult.objects.get(pk=mrs_k.pk).is_final


def test_a_reprint_after_the_library_changed_is_byte_for_byte_the_same(mrs_k, anna_client):
    finalise(anna_client, mrs_k)
    first_html = anna_client.get(url("consult_handout", mrs_k)).content
    first_pdf = anna_client.get(url("consult_handout_pdf", mrs_k)).content
    first_referral = anna_client.get(url("consult_referral", mrs_k, "?ontvanger=poh_ggz")).context["referral_text"]

    # A month later the practice has a new phone number and the library says something
    # else about the same model.
    from practices.models import Practice

    Practice.objects.filter(pk=mrs_k.practice_id).update(phone="0229 999 999")
    assert "0229 999 999" in render_handout_html(Consult.objects.get(pk=mrs_k.pk))
    draft = create_draft_from(version=mrs_k.content_version)
    term = KeyTerm.objects.get(version=draft, term="overgevoelig zenuwstelsel")
    term.term = "gevoelig afgesteld zenuwstelsel"
    term.save()
    publish(version=draft)

    assert anna_client.get(url("consult_handout", mrs_k)).content == first_html
    assert anna_client.get(url("consult_handout_pdf", mrs_k)).content == first_pdf
    assert anna_client.get(url("consult_referral", mrs_k, "?ontvanger=poh_ggz")).context["referral_text"] == first_referral
    assert "overgevoelig zenuwstelsel" in pdf_text(first_pdf)


def test_the_second_download_comes_from_the_cache(mrs_k, anna_client, pdf_cache_dir):
    finalise(anna_client, mrs_k)
    first = anna_client.get(url("consult_handout_pdf", mrs_k))
    second = anna_client.get(url("consult_handout_pdf", mrs_k))
    assert first["X-PDF-Cache"] == "miss" and second["X-PDF-Cache"] == "hit"
    assert first.content == second.content
    assert len(list(pdf_cache_dir.glob("*.pdf"))) == 1


def test_a_final_consult_is_not_edited_in_place(mrs_k, anna_client):
    finalise(anna_client, mrs_k)
    final = Consult.objects.get(pk=mrs_k.pk)
    response = anna_client.post(url("consult_plan", final), {"version": final.version, "next_appointment": "Nooit"}, HTTP_HX_REQUEST="true")
    assert "Dit consult is afgerond" in response.content.decode()
    assert Consult.objects.get(pk=mrs_k.pk).next_appointment == "Over vier weken bij de POH-GGZ"


def test_reopening_makes_a_new_version_and_keeps_the_first(mrs_k, anna, anna_client):
    finalise(anna_client, mrs_k)
    first = Snapshot.objects.get(consult=mrs_k)
    final = Consult.objects.get(pk=mrs_k.pk)
    anna_client.post(url("consult_reopen", final), {"version": final.version})
    reopened = Consult.objects.get(pk=mrs_k.pk)
    assert not reopened.is_final
    save(reopened, anna, fields={"next_appointment": "Over twee weken"})
    finalise(anna_client, reopened)
    second = Snapshot.objects.get(consult=mrs_k, number=2)
    assert "Over twee weken" in second.handout_html
    assert Snapshot.objects.get(pk=first.pk).handout_html == first.handout_html
    assert "Over vier weken" in anna_client.get(url("consult_handout", mrs_k, "?uitgifte=1")).content.decode()
    assert "Over twee weken" in anna_client.get(url("consult_handout", mrs_k)).content.decode()


def test_a_stale_finalise_is_refused(mrs_k, anna_client):
    response = anna_client.post(url("consult_finalise", mrs_k), {"version": mrs_k.version - 1}, follow=True)
    assert "het consult is intussen gewijzigd" in response.content.decode()
    assert not Snapshot.objects.exists()


def test_without_an_explanation_nothing_is_handed_out(content, anna, anna_client):
    consult = mrs_k_consult(user=anna, agreement="no")
    response = anna_client.post(url("consult_finalise", consult), {"version": consult.version}, follow=True)
    assert "Kies eerst een verklaringsmodel" in response.content.decode()
    assert not Snapshot.objects.exists()


def test_other_practice_gets_404(mrs_k, bram_client, anna_client):
    assert bram_client.post(url("consult_finalise", mrs_k), {"version": mrs_k.version}).status_code == 404
    finalise(anna_client, mrs_k)
    final = Consult.objects.get(pk=mrs_k.pk)
    assert bram_client.post(url("consult_reopen", final), {"version": final.version}).status_code == 404
    assert bram_client.get(url("consult_handout_pdf", mrs_k, "?uitgifte=1")).status_code == 404
    assert Consult.objects.get(pk=mrs_k.pk).is_final


def test_a_phrase_to_avoid_is_never_handed_out(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, fields={"next_appointment": "Als het ingebeeld blijkt, stoppen we"})
    finalise(anna_client, mrs_k)
    assert not Snapshot.objects.exists()
    page = anna_client.get(url("consult_outputs", mrs_k)).content.decode()
    assert "Niet afgerond: de folder bevat woorden" in page
    assert "Volgende afspraak: “ingebeeld”" in page


def test_finalise_refuses_when_the_consult_changed_after_it_was_read(mrs_k, anna, monkeypatch):
    """SQLite has no row locks: the final update itself must check the version."""
    import consult.actions as consult_actions
    from consult.actions import StaleConsultError

    real = consult_actions.handout_problems

    def someone_saves_meanwhile(consult):
        Consult.objects.filter(pk=consult.pk).update(version=consult.version + 1)
        return real(consult)

    monkeypatch.setattr(consult_actions, "handout_problems", someone_saves_meanwhile)
    with pytest.raises(StaleConsultError):
        finalise_consult(consult=mrs_k, user=anna, expected_version=mrs_k.version)
    assert not Snapshot.objects.exists()
    assert not Consult.objects.get(pk=mrs_k.pk).is_final


def test_no_consent_means_no_stored_text_for_the_occupational_physician(mrs_k, anna, anna_client):
    finalise(anna_client, mrs_k)
    assert "bedrijfsarts" not in Snapshot.objects.get(consult=mrs_k).referrals


def test_a_snapshot_is_never_changed(mrs_k, anna_client):
    finalise(anna_client, mrs_k)
    snapshot = Snapshot.objects.get(consult=mrs_k)
    snapshot.journal_text = "iets anders"
    with pytest.raises(ValueError):
        snapshot.save()
    assert Snapshot.objects.get(pk=snapshot.pk).journal_text != "iets anders"
