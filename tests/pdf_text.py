import io
import re

from pypdf import PdfReader


def pdf_pages(data):
    return PdfReader(io.BytesIO(data)).pages


def pdf_text(data):
    """All text of a PDF with whitespace folded, so wrapped lines still match."""
    text = " ".join(page.extract_text() or "" for page in pdf_pages(data))
    return re.sub(r"\s+", " ", text)


def folded(text):
    return re.sub(r"\s+", " ", text).strip()


def page_lines(data):
    """Each page's text lines in reading order (poppler's pdftotext)."""
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        text = subprocess.run(["pdftotext", "-layout", pdf.name, "-"], check=True, capture_output=True, text=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f") if page.strip()]


def overlapping_words(data):
    """Pairs of words printed over each other, as (page, word, word): a layout that lets
    one box run into another (poppler's word boxes, pdftotext -bbox)."""
    import subprocess
    import tempfile
    from xml.etree import ElementTree

    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        xhtml = subprocess.run(["pdftotext", "-bbox", pdf.name, "-"], check=True, capture_output=True, text=True).stdout
    tree = ElementTree.fromstring(xhtml)
    found = []
    for number, page in enumerate(tree.iter("{http://www.w3.org/1999/xhtml}page"), start=1):
        boxes = sorted(
            (float(w.get("yMin")), float(w.get("yMax")), float(w.get("xMin")), float(w.get("xMax")), w.text)
            for w in page.iter("{http://www.w3.org/1999/xhtml}word"))
        for index, (top, bottom, left, right, text) in enumerate(boxes):
            for other_top, _, other_left, other_right, other_text in boxes[index + 1:]:
                if other_top >= bottom - 1:  # sorted by top: nothing further down can overlap
                    break
                if other_left < right - 1 and left < other_right - 1:
                    found.append((number, text, other_text))
    return found
