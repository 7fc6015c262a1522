"""WeasyPrint may read the app's static files and data: URIs, and nothing else."""

import http.server
import os
import threading

import pytest

from printing import pdf
from printing.renderers import RendererPool
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


def slow_render(document):
    import time

    time.sleep(float(document))
    return b"%PDF late"


def failing_render(document):
    if document == b"boom":
        raise RuntimeError("boom")
    return b"%PDF " + document


def test_a_render_past_the_time_limit_is_stopped_and_cleaned_up():
    import time

    fds = open_fds()
    pool = RendererPool(slow_render, 1)
    started = time.monotonic()
    with pytest.raises(pdf.RenderError, match="longer than"):
        pool.run(b"30", timeout=0.5)
    assert time.monotonic() - started < 5
    assert pool.idle == []  # the renderer past the limit is not used again
    assert pool.run(b"0", timeout=5) == b"%PDF late"  # the next document gets a new one
    pid = pool.idle[0].pid
    pool.close()
    assert not os.path.exists(f"/proc/{pid}")  # killed and reaped: no zombie
    assert open_fds() <= fds


def test_a_failing_render_raises_a_clear_error_and_the_renderer_goes_on():
    pool = RendererPool(failing_render, 1)
    try:
        with pytest.raises(pdf.RenderError, match="rendering failed"):
            pool.run(b"boom", timeout=5)
        assert pool.run(b"fine", timeout=5) == b"%PDF fine"
    finally:
        pool.close()


def test_a_renderer_serves_document_after_document_until_its_limit():
    pool = RendererPool(lambda document: str(os.getpid()).encode(), 1, max_renders=3)
    try:
        pids = [pool.run(b"x", timeout=5) for _ in range(5)]
    finally:
        pool.close()
    assert pids[0] == pids[1] == pids[2] != pids[3] == pids[4]  # forked once, renewed after 3
    assert str(os.getpid()).encode() not in pids


def test_a_renderer_whose_parent_is_gone_exits():
    pool = RendererPool(failing_render, 1)
    pool.run(b"x", timeout=5)
    renderer = pool.idle[0]
    os.close(renderer.requests)  # as when the web worker dies: the renderer reads end-of-file
    _, status = os.waitpid(renderer.pid, 0)
    os.close(renderer.answers)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def test_large_documents_go_through_the_pipes_whole():
    document = ("<p>" + "Uw klachten zijn echt. " * 20_000 + "</p>").encode()
    pool = RendererPool(lambda received: received[::-1], 1)
    try:
        assert pool.run(document, timeout=10) == document[::-1]
    finally:
        pool.close()


def test_a_failed_render_shows_a_message_not_a_500(mrs_k, anna_client, monkeypatch):
    import consult.views.handout_pdf as view

    def fail(html):
        raise pdf.RenderError("rendering took longer than 20 s")

    monkeypatch.setattr(view, "render_pdf", fail)
    response = anna_client.get(url("consult_handout_pdf", mrs_k))
    assert response.status_code == 503
    assert "De PDF kon niet worden gemaakt." in response.content.decode()


def test_at_most_the_configured_number_of_pdfs_render_at_once(tmp_path):
    """Previews render in a bounded pool: the third of three requests waits for a renderer."""
    running = tmp_path / "running"
    running.mkdir()

    def counting_render(document):
        import time

        marker = running / str(os.getpid())
        marker.touch()
        most = len(list(running.iterdir()))
        time.sleep(0.4)
        marker.unlink()
        return str(most).encode()

    pool = RendererPool(counting_render, 2)
    results = []
    threads = [threading.Thread(target=lambda: results.append(pool.run(b"x", 10))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    pool.close()
    assert len(results) == 3
    assert max(int(r) for r in results) <= 2


def test_waiting_for_a_renderer_counts_towards_the_time_limit():
    pool = RendererPool(failing_render, 1)
    pool.slots.acquire()
    with pytest.raises(pdf.RenderError, match="no free renderer"):
        pool.run(b"never", 0.2)


def test_pdf_rendering_shares_one_pool_per_process(settings):
    settings.PDF_RENDER_SLOTS = 2
    assert pdf.render_pool() is pdf.render_pool()
    settings.PDF_RENDER_SLOTS = 3
    assert pdf.render_pool().slots._initial_value == 3
    inherited = pdf.render_pool()
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # a process forked from this one (a gunicorn worker) has a pool of its own
        os.write(write_end, b"shared" if pdf.render_pool() is inherited else b"own")
        os._exit(0)
    os.waitpid(child, 0)
    assert os.read(read_end, 10) == b"own"
    os.close(read_end), os.close(write_end)


def test_a_real_handout_renders_in_a_warm_renderer(mrs_k):
    from consult.handout import render_handout_html

    html = render_handout_html(mrs_k)
    pdf.render_pool().close()  # a renderer of its own, far from its renewal
    data = pdf.render_pdf(html)
    assert data.startswith(b"%PDF") and "Uitleg over uw klachten" in pdf_text(data)
    [renderer] = pdf.render_pool().idle
    pid = renderer.pid
    assert pdf.render_pdf(html).startswith(b"%PDF")
    assert renderer.pid == pid != os.getpid() and renderer.renders == 2  # the same warm process, again
