"""Finalise, reprint and reopen: what was handed out never changes."""

import pytest

from consult.actions import finalise_consult
from consult.handout import render_handout_html
from consult.models import Consult, Issue
from explanations.actions import create_draft_from, publish
from explanations.models import KeyTerm
from tests.factories import mrs_k_consult, save
from tests.helpers import step_url, url
from tests.pdf_text import pdf_text


def finalise(client, consult):
    consult = Consult.objects.get(pk=consult.pk)
    return client.post(url("consult_finalise", consult), {"version": consult.version})


def test_finalising_stores_handout_referrals_and_journal(mrs_k, anna_client):
    outputs_before = anna_client.get(step_url(mrs_k, "afronden")).context
    finalise(anna_client, mrs_k)
    issue = Issue.objects.get(consult=mrs_k)
    assert issue.number == 1 and issue.content_version == mrs_k.content_version
    assert issue.journal_text == outputs_before["journal_text"]
    assert "bedrijfsarts" not in issue.referrals  # no consent for the bedrijfsarts
    assert {"poh_ggz", "fysiotherapeut", "psycholoog", "specialist"} <= set(issue.referrals)
    assert "Uitleg over uw klachten, Karin" in issue.handout_html
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


def test_finalising_stores_the_pdf_and_a_download_reads_it(mrs_k, anna_client, media_root, monkeypatch):
    import consult.views.handout_pdf as view
    import printing.stored

    finalise(anna_client, mrs_k)
    issue = Issue.objects.get(consult=mrs_k)
    stored = list(media_root.rglob("*.pdf"))
    assert [p.name for p in stored] == [issue.handout_pdf.name.split("/")[-1]]

    def no_rendering(html):
        raise AssertionError("an issued handout is read, not rendered")

    monkeypatch.setattr(view, "render_pdf", no_rendering)
    monkeypatch.setattr(printing.stored, "render_pdf", no_rendering)
    first = anna_client.get(url("consult_handout_pdf", mrs_k))
    assert first.content == stored[0].read_bytes() and first.content.startswith(b"%PDF")


def test_a_final_consult_is_not_edited_in_place(mrs_k, anna_client):
    finalise(anna_client, mrs_k)
    final = Consult.objects.get(pk=mrs_k.pk)
    from tests.helpers import post_step

    response = post_step(anna_client, final, "plan", next_appointment="Nooit")
    assert "dit is afgerond en kan niet meer veranderen" in response.content.decode()
    assert Consult.objects.get(pk=mrs_k.pk).next_appointment == "Over vier weken bij de POH-GGZ"


def test_reopening_makes_a_new_version_and_keeps_the_first(mrs_k, anna, anna_client):
    finalise(anna_client, mrs_k)
    first = Issue.objects.get(consult=mrs_k)
    final = Consult.objects.get(pk=mrs_k.pk)
    anna_client.post(url("consult_reopen", final), {"version": final.version})
    reopened = Consult.objects.get(pk=mrs_k.pk)
    assert not reopened.is_final
    save(reopened, anna, next_appointment="Over twee weken")
    finalise(anna_client, reopened)
    second = Issue.objects.get(consult=mrs_k, number=2)
    assert "Over twee weken" in second.handout_html
    assert Issue.objects.get(pk=first.pk).handout_html == first.handout_html
    assert "Over vier weken" in anna_client.get(url("consult_handout", mrs_k, "?uitgifte=1")).content.decode()
    assert "Over twee weken" in anna_client.get(url("consult_handout", mrs_k)).content.decode()


def test_a_stale_finalise_is_refused(mrs_k, anna_client):
    response = anna_client.post(url("consult_finalise", mrs_k), {"version": mrs_k.version - 1}, follow=True)
    assert "het consult is intussen gewijzigd" in response.content.decode()
    assert not Issue.objects.exists()


def test_without_an_explanation_nothing_is_handed_out(content, anna, anna_client):
    consult = mrs_k_consult(user=anna, agreement="no")
    response = anna_client.post(url("consult_finalise", consult), {"version": consult.version}, follow=True)
    assert "kies eerst een verklaringsmodel en metafoor" in response.content.decode()
    assert not Issue.objects.exists()


def test_other_practice_gets_404(mrs_k, bram_client, anna_client):
    assert bram_client.post(url("consult_finalise", mrs_k), {"version": mrs_k.version}).status_code == 404
    finalise(anna_client, mrs_k)
    final = Consult.objects.get(pk=mrs_k.pk)
    assert bram_client.post(url("consult_reopen", final), {"version": final.version}).status_code == 404
    assert bram_client.get(url("consult_handout_pdf", mrs_k, "?uitgifte=1")).status_code == 404
    assert Consult.objects.get(pk=mrs_k.pk).is_final


def test_a_phrase_to_avoid_is_never_handed_out(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, next_appointment="Als het ingebeeld blijkt, stoppen we")
    finalise(anna_client, mrs_k)
    assert not Issue.objects.exists()
    page = anna_client.get(step_url(mrs_k, "afronden")).content.decode()
    assert "Niet afgerond: de folder bevat woorden" in page
    assert "<strong>Volgende afspraak:</strong> “ingebeeld”" in page


def test_finalise_refuses_when_the_consult_changed_after_it_was_read(mrs_k, anna, monkeypatch):
    """The texts are assembled outside the write transaction; the write checks the version again."""
    import consult.actions as consult_actions
    from consult.actions import StaleConsultError

    real = consult_actions.documents.render_journal

    def someone_saves_while_the_texts_are_made(consult):
        Consult.objects.filter(pk=mrs_k.pk).update(version=mrs_k.version + 1)
        return real(consult)

    monkeypatch.setattr(consult_actions.documents, "render_journal", someone_saves_while_the_texts_are_made)
    with pytest.raises(StaleConsultError):
        finalise_consult(consult=mrs_k, user=anna, expected_version=mrs_k.version)
    assert not Issue.objects.exists()
    assert not Consult.objects.get(pk=mrs_k.pk).is_final


def test_no_consent_means_no_stored_text_for_the_occupational_physician(mrs_k, anna, anna_client):
    finalise(anna_client, mrs_k)
    assert "bedrijfsarts" not in Issue.objects.get(consult=mrs_k).referrals


def test_a_issue_is_never_changed(mrs_k, anna_client):
    finalise(anna_client, mrs_k)
    issue = Issue.objects.get(consult=mrs_k)
    issue.journal_text = "iets anders"
    with pytest.raises(ValueError):
        issue.save()
    assert Issue.objects.get(pk=issue.pk).journal_text != "iets anders"


def test_a_failed_background_render_never_undoes_the_finalising(mrs_k, anna_client, monkeypatch, settings):
    """The worker's render fails: the consult stays finalised, the GP is told the PDF is
    being made, and past the grace time the download makes it itself."""
    import printing.stored
    from printing.pdf import RenderError

    def fail(html):
        raise RenderError("rendering took longer than 20 s")

    real = printing.stored.render_pdf
    monkeypatch.setattr(printing.stored, "render_pdf", fail)
    response = finalise(anna_client, mrs_k)
    page = anna_client.get(response["Location"]).content.decode()
    assert "Afgerond. Uitgifte 1 is vastgelegd" in page
    issue = Issue.objects.get(consult=mrs_k)
    assert Consult.objects.get(pk=mrs_k.pk).is_final and not issue.handout_pdf

    waiting = anna_client.get(url("consult_handout_pdf", mrs_k))
    assert "PDF wordt gemaakt" in waiting.content.decode()

    monkeypatch.setattr(printing.stored, "render_pdf", real)
    settings.PDF_WORKER_GRACE = 0
    download = anna_client.get(url("consult_handout_pdf", mrs_k))
    assert download["Content-Type"] == "application/pdf" and download.content.startswith(b"%PDF")
    assert Issue.objects.get(pk=issue.pk).handout_pdf


def test_only_the_owning_practice_finalises(mrs_k, bram):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        finalise_consult(consult=mrs_k, user=bram, expected_version=mrs_k.version)
    assert not Issue.objects.exists()
