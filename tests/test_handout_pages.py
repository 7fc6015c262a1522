"""The printed handout: never more than two A4 pages, a large drawing, one readable size."""

import re
from pathlib import Path

from django.conf import settings

from consult.handout import render_handout_html
from printing.pdf import render_pdf
from tests.handouts import shipped_handout_consults
from tests.pdf_text import overlapping_words, pdf_pages, pdf_text

CSS = (Path(settings.BASE_DIR) / "static" / "css" / "handout.css").read_text(encoding="utf-8")


def test_the_longest_handouts_fit_two_a4_pages(shipped_content, anna):
    """Every model with each of its metaphors and every pair of them, every factor and
    every advice ticked."""
    pages, out = {}, Path(settings.BASE_DIR) / "test-output"
    for model, chosen, consult in shipped_handout_consults(shipped_content, anna):
        data = render_pdf(render_handout_html(consult))
        pages[(model.slug, chosen)] = len(pdf_pages(data))
        text = pdf_text(data)
        assert "Meer informatie" in text and "www.nalk.info" in text, (model.slug, chosen)
        assert overlapping_words(data) == [], (model.slug, chosen)
    assert len(pages) >= 30
    assert max(pages.values()) <= 2, {k: v for k, v in pages.items() if v > 2}
    # The last one, for a person to look at: test-output/handout-worst-case.pdf
    out.mkdir(exist_ok=True)
    (out / "handout-worst-case.pdf").write_bytes(data)


def test_the_overlap_check_finds_words_printed_over_each_other():
    """The check the page tests rely on: it must see a layout that runs into itself."""
    page = '<html lang="nl"><head><title>t</title></head><body style="font: 12pt sans-serif">{}</body></html>'
    apart = page.format("<p>Rustig bewegen</p><p>Goed slapen</p>")
    over = page.format('<p>Rustig bewegen</p><p style="margin-top: -14pt">Goed slapen</p>')
    assert overlapping_words(render_pdf(apart)) == []
    assert overlapping_words(render_pdf(over))


def declarations(selector_pattern):
    """The declarations of the first rule whose selector matches, outside @media screen."""
    printable = CSS.split("@media screen")[0]
    match = re.search(selector_pattern + r"\s*\{([^}]*)\}", printable)
    assert match, selector_pattern
    return match.group(1)


def test_the_drawing_is_printed_at_least_70_mm_wide_alone_or_in_a_pair():
    for selector in (r"\nfigure\.metaphor img", r"\.metaphors-2 figure\.metaphor img"):
        width = re.search(r"width:\s*([\d.]+)mm", declarations(selector))
        assert width and float(width.group(1)) >= 70, selector


def test_body_text_glossary_and_sources_share_one_size_of_at_least_10_5_pt():
    assert re.search(r"font-size:\s*10\.5pt", declarations(r"html"))
    printable = CSS.split("@media screen")[0]
    # Only the page footer and page number may be smaller; no other rule sets a small size.
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", printable):
        for size in re.findall(r"font(?:-size)?:\s*([\d.]+)pt", body):
            if float(size) < 10.5:
                assert "footer" in selector or "@bottom" in selector or selector.strip() == "", (selector, size)
    for selector in (r"\.terms dl", r"\.terms dd", r"\.source p"):
        assert "font-size" not in declarations(selector), selector


def test_no_framework_styles_the_handout(mrs_k):
    html = render_handout_html(mrs_k)
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) == ["/static/css/handout.css"]
    assert "bootstrap" not in html.lower() and "bootstrap" not in CSS.lower()
