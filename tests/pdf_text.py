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
