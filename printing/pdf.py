"""HTML to PDF with WeasyPrint: the one way a PDF is made.

The URL fetcher serves only the app's own static files and `data:` URIs, so text a user
typed can never make WeasyPrint read a file or open a connection. Rendering runs with a
time limit (see bounded.py).
"""

import threading
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .bounded import RenderError, run_bounded, warm_up

# A host name that resolves nowhere: relative URLs in a document resolve against it and
# the fetcher maps them to static files. No request ever leaves the process.
BASE_URL = "http://document.invalid/"
CONTENT_TYPES = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".otf": "font/otf",
                 ".ttf": "font/ttf", ".woff": "font/woff", ".woff2": "font/woff2"}

__all__ = ["BASE_URL", "RenderError", "StaticOnlyURLFetcher", "render_pdf", "write_pdf"]


class BlockedURLError(ValueError):
    pass


def static_file_for(url):
    """The path of the static file `url` names, or None."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != BASE_URL:
        return None
    path = unquote(parts.path)
    if not path.startswith(settings.STATIC_URL):
        return None
    relative = path[len(settings.STATIC_URL):]
    if not relative or relative.startswith("/") or ".." in PurePosixPath(relative).parts:
        return None
    found = finders.find(relative)
    if found:
        return Path(found)
    location = getattr(staticfiles_storage, "location", None)
    if location:
        candidate = Path(location, relative)
        if candidate.is_file():
            return candidate
    return None


class StaticOnlyURLFetcher(URLFetcher):
    """Serves `data:` URIs and the app's static files; refuses everything else."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = static_file_for(url)
        if path is None:
            raise BlockedURLError(f"blocked: {url[:80]}")
        content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
        return URLFetcherResponse(url=url, body=path.read_bytes(), headers={"Content-Type": content_type})


# Tagged PDF (PDF/UA-1): a screen reader reads the handout in order, in its language
# (<html lang>), under its title (<title>).
PDF_VARIANT = "pdf/ua-1"


def write_pdf(html):
    """WeasyPrint on a finished HTML string, with the safe fetcher, in this process."""
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyURLFetcher())
    return document.write_pdf(pdf_variant=PDF_VARIANT)


WARM_UP_HTML = (
    '<html lang="nl"><head><title>Uitleg</title><link rel="stylesheet" href="/static/css/handout.css"></head>'
    "<body><h1>Uitleg</h1><p>Warm <strong>vet</strong> <em>schuin</em></p></body></html>"
)


_slots = {}
_slots_lock = threading.Lock()


def render_slots():
    """The semaphore that bounds how many PDFs this process renders at once."""
    size = settings.PDF_RENDER_SLOTS
    with _slots_lock:
        if size not in _slots:
            _slots[size] = threading.BoundedSemaphore(size)
        return _slots[size]


def render_pdf(html):
    """The PDF of a finished HTML document, made within PDF_RENDER_TIMEOUT seconds by
    one of at most PDF_RENDER_SLOTS renderers of this process.

    Raises RenderError when it fails or takes too long.
    """
    warm_up(lambda: write_pdf(WARM_UP_HTML))
    return run_bounded(lambda: write_pdf(html), settings.PDF_RENDER_TIMEOUT, slots=render_slots())
