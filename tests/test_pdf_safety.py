"""WeasyPrint may read the app's static files and data: URIs, and nothing else."""

import http.server
import os
import threading

import pytest

from printing import bounded, pdf
from consult.models import Consult
from tests.factories import save
from tests.helpers import url
from tests.pdf_text import pdf_text

TEXT_FIELDS = [
    f.name for f in Consult._meta.get_fields()
    if f.name in Consult.ANSWER_FIELDS and getattr(f, "get_internal_type", lambda: "")() in {"CharField", "TextField"}
    and not f.choices and f.name not in {"patient_reference", "severity", "explanation_model"}
]


@pytest.fixture
def trap_server():
    """A local HTTP server that records every request it gets."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], hits
    server.shutdown()


def test_user_text_cannot_make_weasyprint_fetch_anything(mrs_k, anna, anna_client, trap_server, tmp_path):
    port, hits = trap_server
    secret = tmp_path / "secret.css"
    secret.write_text("body { background: red }")
    payload = (
        f'<link rel="stylesheet" href="file://{secret}"><img src="http://127.0.0.1:{port}/img">'
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/css"> <style>@import url("file:///etc/passwd");</style>'
        f'<img src="file:///etc/hostname">'
    )
    fields = {name: payload[: Consult._meta.get_field(name).max_length] for name in TEXT_FIELDS}
    consult = save(mrs_k, anna, **fields)
    response = anna_client.get(url("consult_handout_pdf", consult))
    assert response.content.startswith(b"%PDF")
    assert hits == []
    assert "<link" in pdf_text(response.content)  # the markup was printed as text


def test_raw_html_through_weasyprint_reads_no_file_and_opens_no_connection(trap_server, tmp_path):
    """Even markup that escaping would have stopped cannot reach outside."""
    port, hits = trap_server
    secret = tmp_path / "secret.css"
    secret.write_text('body::before { content: "GEHEIM-BESTAND"; }')
    html = (
        f'<link rel="stylesheet" href="file://{secret}">'
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css">'
        f'<style>@import url("http://127.0.0.1:{port}/import.css");</style>'
        f'<img src="http://127.0.0.1:{port}/img.png"><img src="file:///etc/hostname">'
        '<link rel="stylesheet" href="/static/css/handout.css"><p>Alleen dit</p>'
    )
    text = pdf_text(pdf.write_pdf(html))
    assert "Alleen dit" in text
    assert "GEHEIM-BESTAND" not in text
    assert hits == []


def test_the_fetcher_refuses_everything_but_static_and_data(settings, trap_server):
    port, hits = trap_server
    fetcher = pdf.StaticOnlyURLFetcher()
    for blocked in [
        "file:///etc/passwd",
        f"http://127.0.0.1:{port}/x",
        f"{pdf.BASE_URL}static/../../config/settings.py",
        f"{pdf.BASE_URL}etc/passwd",
        "https://www.thuisarts.nl/",
        "ftp://127.0.0.1/x",
    ]:
        with pytest.raises(ValueError):
            fetcher.fetch(blocked)
    assert hits == []
    css = fetcher.fetch(f"{pdf.BASE_URL}static/css/handout.css")
    assert b"@page" in css.read()
    assert fetcher.fetch("data:text/plain;base64,aGFsbG8=").read() == b"hallo"


def open_fds():
    return set(os.listdir("/proc/self/fd"))


def test_a_render_past_the_time_limit_is_stopped_and_cleaned_up(monkeypatch):
    import time

    def slow():
        time.sleep(30)
        return b"late"

    children = []
    real_fork = os.fork

    def recording_fork():
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording_fork)
    fds = open_fds()
    started = time.monotonic()
    with pytest.raises(pdf.RenderError, match="longer than"):
        bounded.run_bounded(slow, timeout=0.5)
    assert time.monotonic() - started < 5
    assert len(children) == 1
    assert not os.path.exists(f"/proc/{children[0]}")  # killed and reaped: no zombie
    assert open_fds() <= fds


def test_a_failing_render_raises_a_clear_error():
    def broken():
        raise RuntimeError("boom")

    with pytest.raises(pdf.RenderError, match="rendering failed"):
        bounded.run_bounded(broken, timeout=5)


def test_a_failed_render_shows_a_message_not_a_500(mrs_k, anna_client, monkeypatch):
    import consult.views.handout_pdf as view

    def fail(html):
        raise pdf.RenderError("rendering took longer than 20 s")

    monkeypatch.setattr(view, "render_pdf", fail)
    response = anna_client.get(url("consult_handout_pdf", mrs_k))
    assert response.status_code == 503
    assert "De PDF kon niet worden gemaakt." in response.content.decode()


def test_at_most_the_configured_number_of_pdfs_render_at_once(tmp_path):
    """Previews render in a bounded pool: the third of three requests waits for a slot."""
    slots = threading.BoundedSemaphore(2)
    running = tmp_path / "running"
    running.mkdir()

    def slow_render():
        import time

        marker = running / str(os.getpid())
        marker.touch()
        most = len(list(running.iterdir()))
        time.sleep(0.4)
        marker.unlink()
        return str(most).encode()

    results = []
    threads = [threading.Thread(target=lambda: results.append(bounded.run_bounded(slow_render, 10, slots=slots)))
               for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 3
    assert max(int(r) for r in results) <= 2


def test_waiting_for_a_slot_counts_towards_the_time_limit():
    slots = threading.BoundedSemaphore(1)
    slots.acquire()
    with pytest.raises(bounded.RenderError, match="no free renderer"):
        bounded.run_bounded(lambda: b"never", 0.2, slots=slots)


def test_pdf_rendering_shares_one_pool_per_process(settings):
    settings.PDF_RENDER_SLOTS = 2
    assert pdf.render_slots() is pdf.render_slots()
    settings.PDF_RENDER_SLOTS = 3
    assert pdf.render_slots() is not None and pdf.render_slots()._initial_value == 3
