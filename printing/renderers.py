"""Warm renderer processes that make one PDF after another, each within a time limit.

Why processes: WeasyPrint has no time limit of its own, and a pathological document
could hold a web worker for minutes. A child process can be killed past the limit and
reaped, which a thread cannot.

Why warm and long-lived: a renderer is forked from a parent that has already rendered
once (warm_up), so it starts with fonts and libraries loaded; a cold child took twice
as long. It then serves document after document over a pipe: a child forked for every
PDF first copied, page by page, the part of the parent's heap that WeasyPrint touches
(copy-on-write), 10 to 30 ms per PDF.

Each renderer serves one document at a time. One past the time limit is killed and
reaped, and the next document gets a new renderer; so does one that has made
MAX_RENDERS documents, which bounds how far its memory can grow. A renderer whose parent
is gone reads end-of-file and exits.
"""

import gc
import os
import selectors
import signal
import struct
import sys
import threading
import time
import traceback

# WeasyPrint keeps 0.2 to 0.5 MB per document it made (measured over 200 handouts in one
# process), so a renderer is renewed after this many: its memory stays within about 10 MB
# of its warm size, at the cost of one fork per 30 PDFs.
MAX_RENDERS = 30


class RenderError(Exception):
    pass


# Held while this process renders in-process (the warm-up) and while it forks, so a
# renderer is never forked while another thread is inside Pango or fontconfig. A
# renderer inherits it held: it never renders in-process or forks.
fork_lock = threading.Lock()
_warmed = False


def warm_up(render):
    """Run render() once in this process, before the first renderer is forked."""
    global _warmed
    with fork_lock:
        if not _warmed:
            render()
            _warmed = True


_LENGTH = struct.Struct(">Q")
_ANSWER = struct.Struct(">BQ")  # status (0: a document follows), length


def _read_exactly(fd, size):
    chunks, remaining = [], size
    while remaining:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _serve(render, requests, answers):
    """The renderer's loop (in the child): a document in, its PDF out, until end-of-file."""
    # The inherited heap is never collected here: scanning it would copy it page by page.
    gc.freeze()
    # Below the web workers: a GP's autosave is served before a PDF's next page.
    os.nice(10)
    status = 0
    try:
        while True:
            header = _read_exactly(requests, _LENGTH.size)
            if header is None:
                break
            document = _read_exactly(requests, _LENGTH.unpack(header)[0])
            try:
                data = render(document)
                _write_all(answers, _ANSWER.pack(0, len(data)) + data)
            except Exception:
                traceback.print_exc(file=sys.stderr)
                _write_all(answers, _ANSWER.pack(1, 0))
    except BaseException:
        traceback.print_exc(file=sys.stderr)
        status = 1
    finally:
        os._exit(status)


class Renderer:
    """One warm renderer process. `render` (bytes -> bytes) runs in the child."""

    def __init__(self, render):
        requests_read, requests_write = os.pipe()
        answers_read, answers_write = os.pipe()
        try:
            with fork_lock:
                pid = os.fork()
        except OSError as exc:
            for fd in (requests_read, requests_write, answers_read, answers_write):
                os.close(fd)
            raise RenderError(f"could not start the renderer: {exc}") from exc
        if pid == 0:
            os.close(requests_write)
            os.close(answers_read)
            _serve(render, requests_read, answers_write)  # never returns
        os.close(requests_read)
        os.close(answers_write)
        self.pid, self.requests, self.answers, self.renders = pid, requests_write, answers_read, 0

    def render(self, document, timeout):
        """The child's answer to `document`, or RenderError (then this renderer is stopped)."""
        deadline = time.monotonic() + timeout
        try:
            _write_all(self.requests, _LENGTH.pack(len(document)) + document)
            status, length = _ANSWER.unpack(self._read(_ANSWER.size, deadline, timeout))
            data = self._read(length, deadline, timeout) if length else b""
        except OSError as exc:  # the child is gone (a broken pipe)
            self.stop()
            raise RenderError("rendering failed") from exc
        except RenderError:
            self.stop()
            raise
        self.renders += 1
        if status != 0:
            raise RenderError("rendering failed")
        return data

    def _read(self, size, deadline, timeout):
        chunks, remaining = [], size
        with selectors.DefaultSelector() as selector:
            selector.register(self.answers, selectors.EVENT_READ)
            while remaining:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    raise RenderError(f"rendering took longer than {timeout:.1f} s")
                chunk = os.read(self.answers, min(remaining, 1 << 20))
                if not chunk:
                    raise RenderError("rendering failed")
                chunks.append(chunk)
                remaining -= len(chunk)
        return b"".join(chunks)

    @property
    def alive(self):
        return self.pid is not None

    def stop(self):
        """Kill the child, reap it and close the pipes."""
        if self.pid is None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.requests)
        os.close(self.answers)
        self.pid = None


class RendererPool:
    """At most `size` renderers of this process, each serving one document at a time.

    A request waits for a free renderer; waiting counts towards the time limit.
    """

    def __init__(self, render, size, max_renders=MAX_RENDERS):
        self.render_function, self.max_renders = render, max_renders
        self.slots = threading.BoundedSemaphore(size)
        self.idle, self.lock = [], threading.Lock()

    def run(self, document, timeout):
        started = time.monotonic()
        if not self.slots.acquire(timeout=timeout):
            raise RenderError(f"no free renderer within {timeout} s")
        try:
            with self.lock:
                renderer = self.idle.pop() if self.idle else None
            if renderer is None:
                renderer = Renderer(self.render_function)
            try:
                data = renderer.render(document, max(timeout - (time.monotonic() - started), 0.1))
            finally:
                if renderer.alive and renderer.renders < self.max_renders:
                    with self.lock:
                        self.idle.append(renderer)
                else:
                    renderer.stop()
            return data
        finally:
            self.slots.release()

    def close(self):
        with self.lock:
            idle, self.idle = self.idle, []
        for renderer in idle:
            renderer.stop()
