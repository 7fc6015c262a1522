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
