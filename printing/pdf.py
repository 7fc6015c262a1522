"""HTML to PDF with WeasyPrint: the one way a PDF is made.

The URL fetcher serves only the app's own static files and `data:` URIs, so text a user
typed can never make WeasyPrint read a file or open a connection. Rendering runs with a
time limit, in a warm renderer process (see renderers.py).
"""

import os
import threading
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .renderers import RenderError, RendererPool, warm_up

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


def _render_document(document):
    """What a renderer process does with each document it is sent (see renderers.py)."""
    return write_pdf(document.decode("utf-8"))


_pools = {}
_pools_lock = threading.Lock()


def render_pool():
    """This process's renderers: PDF_RENDER_SLOTS of them at most, so printing never
    takes every core from the GPs typing. A process forked from this one (a gunicorn
    worker) starts its own pool."""
    key = (settings.PDF_RENDER_SLOTS, os.getpid())
    with _pools_lock:
        if key not in _pools:
            _pools[key] = RendererPool(_render_document, settings.PDF_RENDER_SLOTS)
        return _pools[key]


def render_pdf(html):
    """The PDF of a finished HTML document, made within PDF_RENDER_TIMEOUT seconds by
    one of this process's warm renderers.

    Raises RenderError when it fails or takes too long.
    """
    warm_up(lambda: write_pdf(WARM_UP_HTML))
    return render_pool().run(html.encode("utf-8"), settings.PDF_RENDER_TIMEOUT)
