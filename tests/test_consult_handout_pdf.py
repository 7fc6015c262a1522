from django.utils import timezone
from django.utils.formats import date_format

from audit.models import AccessEvent
from tests.factories import save
from tests.helpers import assert_other_practice_gets_404, step_url, url
from tests.pdf_text import folded, page_lines, pdf_pages, pdf_text


def test_pdf_holds_terms_factors_and_plan_of_this_consult(mrs_k, anna_client):
    response = anna_client.get(url("consult_handout_pdf", mrs_k))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    for term in mrs_k.chosen("explanation_model").key_terms.all():
        assert folded(term.term) in text
    for factor in mrs_k.chosen("factors"):
        assert folded(factor.patient_wording) in text
    for advice in mrs_k.chosen("advice"):
        assert advice.label in text
    assert "Over vier weken bij de POH-GGZ" in text
    assert "Kapot alarmsysteem" in text
    assert "Huisartsenpraktijk De Linde" in text
    assert "Mijn lichaam staat te hard afgesteld" in text
    assert len(pdf_pages(response.content)) <= 2


def test_typed_html_is_printed_as_text(mrs_k, anna, anna_client):
    mrs_k = save(mrs_k, anna, patient_words="<b>vet</b> <script>alert(1)</script>")
    text = pdf_text(anna_client.get(url("consult_handout_pdf", mrs_k)).content)
    assert "<b>vet</b> <script>alert(1)</script>" in text


def test_download_is_logged_as_print(mrs_k, anna_client):
    anna_client.get(url("consult_handout_pdf", mrs_k))
    assert AccessEvent.objects.filter(record_id=mrs_k.pk, action="print", what="folder-pdf").count() == 1


def test_other_practice_gets_404(mrs_k, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_handout_pdf", mrs_k)


SECTIONS = ["In het kort", "Wat we samen hebben afgesproken", "Waarom blijven uw klachten?", "Wat speelt bij u mee",
            "Wat u zelf kunt doen", "Wat gaat er nu gebeuren", "Wanneer neemt u contact op met de praktijk?", "Meer informatie"]


def test_mrs_k_handout_fits_two_pages_with_sections_in_order_and_is_rendered_for_a_look(mrs_k, anna_client):
    import shutil
    import subprocess
    from pathlib import Path

    data = anna_client.get(url("consult_handout_pdf", mrs_k)).content
    assert len(pdf_pages(data)) <= 2
    text = pdf_text(data)
    positions = [text.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)
    title, date = "Uitleg over uw klachten, Karin", consult_date(mrs_k)
    assert text.index(title) < text.index(date) < text.index("Huisartsenpraktijk De Linde") < text.index("In het kort")
    assert "Pagina 1 van 2" in text or "Pagina 1 van 1" in text
    # Pictures for a person to look at: test-output/handout-mrs-k-1.png, -2.png
    out = Path(__file__).resolve().parent.parent / "test-output"
    out.mkdir(exist_ok=True)
    (out / "handout-mrs-k.pdf").write_bytes(data)
    assert shutil.which("pdftoppm"), "poppler-utils is installed by scripts/setup"
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(out / "handout-mrs-k.pdf"), str(out / "handout-mrs-k")], check=True)
    pngs = sorted(out.glob("handout-mrs-k-*.png"))
    assert pngs and all(p.stat().st_size > 10_000 for p in pngs)


def test_no_pdf_without_agreement_or_with_a_phrase_to_avoid(content, mrs_k, anna, anna_client):
    from tests.factories import mrs_k_consult

    stopped = mrs_k_consult(user=anna, agreement="partly")
    assert anna_client.get(url("consult_handout_pdf", stopped))["Location"] == step_url(stopped, "probleemdefinitie")
    mrs_k = save(mrs_k, anna, safety_netting="Er is niets aan de hand, maar bel gerust.")
    response = anna_client.get(url("consult_handout_pdf", mrs_k))
    assert response.status_code == 409 and not response.content.startswith(b"%PDF")


def consult_date(consult):
    return date_format(timezone.localtime(consult.created_at), "j F Y")


def test_no_page_ends_with_a_heading_wherever_the_page_breaks_fall(mrs_k, anna, anna_client):
    from explanations.models import MaintainingFactor, SelfManagementAdvice

    library = mrs_k.library
    mrs_k = save(mrs_k, anna, advice=library.slugs(SelfManagementAdvice), factors=library.slugs(MaintainingFactor)[:6],
                 metaphors=["kapot-alarmsysteem", "volumeknoppen"])
    headings = set(SECTIONS) | {"Woorden die we gebruiken"}
    breaks_seen = 0
    # Longer words of the patient push every later section down a little, so the page
    # breaks land in a different place each round.
    for lines_of_words in range(0, 16, 2):
        words = " ".join(["Ik ga maar door, ook als mijn lijf moe is."] * lines_of_words) or "Ik ga door."
        mrs_k = save(mrs_k, anna, patient_words=words)
        pages = page_lines(anna_client.get(url("consult_handout_pdf", mrs_k)).content)
        for number, lines in enumerate(pages[:-1], start=1):
            body = [line for line in lines if not line.startswith("Huisartsenpraktijk De Linde")]
            assert body[-1] not in headings, f"{lines_of_words}: page {number} ends with the heading {body[-1]!r}"
            breaks_seen += 1
    assert breaks_seen >= 8


def test_the_handout_pdf_is_tagged_with_its_language_and_title(mrs_k, anna_client):
    """PDF/UA: a structure tree for screen readers, the language and a title."""
    import io

    from pypdf import PdfReader

    response = anna_client.get(url("consult_handout_pdf", mrs_k))
    reader = PdfReader(io.BytesIO(response.content))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "nl"
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    assert reader.metadata.title == "Uitleg over uw klachten"
    assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()  # declared PDF/UA in its XMP
