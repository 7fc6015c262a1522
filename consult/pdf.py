"""Handout PDF rendering with WeasyPrint.

- The URL fetcher serves only the app's own static files and `data:` URIs, so text a
  user typed can never make WeasyPrint read a file or open a connection.
- Rendering runs in a forked child with a time limit, so a pathological document cannot
  hold a worker: past the limit the child is killed and the user gets a clear message.
- PDFs of finalised consults are cached on disk by the hash of their HTML.
"""

import gc
import os
import selectors
import signal
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.response import TemplateResponse
from django_weasyprint.utils import guess_content_type
from django_weasyprint.views import WeasyTemplateResponse
from weasyprint.urls import URLFetcher, URLFetcherResponse

# A host name that resolves nowhere: relative URLs in the handout resolve against it and
# the fetcher maps them to static files. No request ever leaves the process.
BASE_URL = "http://handout.invalid/"


class PDFRenderError(Exception):
    pass


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
        return URLFetcherResponse(
            url=url, body=path.read_bytes(), headers={"Content-Type": guess_content_type(str(path))}
        )


def write_pdf(html):
    """WeasyPrint on a finished HTML string, with the safe fetcher."""
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyURLFetcher())
    return document.write_pdf()


WARM_UP_HTML = (
    '<link rel="stylesheet" href="/static/css/handout.css">'
    "<h1>Uitleg</h1><p>Warm <strong>vet</strong> <em>schuin</em></p>"
)
# Held while this process renders in-process (the warm-up) and while it forks, so a
# child is never forked while another thread is inside Pango or fontconfig.
_render_lock = threading.Lock()
_warmed = False


def warm_up():
    """Render a tiny handout once in this process, before the first fork.

    Children inherit the loaded fonts and libraries, so they do not each start cold.
    """
    global _warmed
    with _render_lock:
        if not _warmed:
            write_pdf(WARM_UP_HTML)
            _warmed = True


def _child(func, write_end):
    # Runs in the forked child, which inherits _render_lock in the held state: it must
    # never call warm_up() or run_bounded().
    # The child is short-lived; a collection would touch the whole inherited heap and
    # copy it page by page (copy-on-write), which costs more than the render.
    gc.disable()
    status = 1
    try:
        data = func()
        with os.fdopen(write_end, "wb") as out:
            out.write(data)
        status = 0
    except BaseException:
        traceback.print_exc(file=sys.stderr)
    finally:
        os._exit(status)


def run_bounded(func, timeout):
    """Run func() in a forked child and return its bytes, or raise PDFRenderError."""
    read_end, write_end = os.pipe()
    try:
        with _render_lock:
            pid = os.fork()
    except OSError as exc:
        os.close(read_end)
        os.close(write_end)
        raise PDFRenderError(f"could not start the renderer: {exc}") from exc
    if pid == 0:
        os.close(read_end)
        _child(func, write_end)  # never returns
    os.close(write_end)
    chunks, deadline = [], time.monotonic() + timeout
    selector = selectors.DefaultSelector()
    selector.register(read_end, selectors.EVENT_READ)
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not selector.select(remaining):
                os.kill(pid, signal.SIGKILL)
                raise PDFRenderError(f"rendering took longer than {timeout} s")
            chunk = os.read(read_end, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        selector.close()
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
    if status != 0:
        raise PDFRenderError("rendering failed")
    return b"".join(chunks)


class HandoutPDFResponse(WeasyTemplateResponse):
    """WeasyTemplateResponse that renders in a bounded child with the safe fetcher."""

    url_fetcher_class = StaticOnlyURLFetcher

    def get_base_url(self):
        return BASE_URL

    @property
    def rendered_content(self):
        # The template is rendered here (it may query the database); only WeasyPrint
        # runs in the child.
        html = TemplateResponse.rendered_content.fget(self)
        warm_up()
        return run_bounded(lambda: write_pdf(html), settings.PDF_RENDER_TIMEOUT)


class PDFCache:
    """PDFs by the SHA-256 of their HTML, as files in PDF_CACHE_DIR."""

    def __init__(self, directory=None):
        self.directory = Path(directory or settings.PDF_CACHE_DIR)

    def path(self, digest):
        if len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
            raise ValueError("not a sha256 digest")
        return self.directory / f"{digest}.pdf"

    def get(self, digest):
        try:
            return self.path(digest).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, digest, data):
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.path(digest)
        handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)  # atomic: readers see the old file or the whole new one
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
