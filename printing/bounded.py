"""Rendering in a forked child with a time limit, from a warmed-up parent.

Why this module exists: WeasyPrint has no time limit of its own, and a pathological
document could hold a web worker for minutes. A forked child can be killed past the
limit and reaped, which a thread cannot. Forking from a parent that has already
rendered once (warm_up) lets every child start with fonts and libraries loaded; the
benchmark (bench/run.py) shows that this keeps a PDF through the app within 15 % of
WeasyPrint alone, where a cold child would take twice as long.
"""

import gc
import os
import selectors
import signal
import sys
import threading
import time
import traceback


class RenderError(Exception):
    pass


# Held while this process renders in-process (the warm-up) and while it forks, so a
# child is never forked while another thread is inside Pango or fontconfig.
_render_lock = threading.Lock()
_warmed = False


def warm_up(render):
    """Run render() once in this process, before the first fork."""
    global _warmed
    with _render_lock:
        if not _warmed:
            render()
            _warmed = True


def _child(func, write_end):
    # Runs in the forked child, which inherits _render_lock in the held state: it must
    # never call warm_up() or run_bounded().
    # The child is short-lived; a collection would touch the whole inherited heap and
    # copy it page by page (copy-on-write), which costs more than the render.
    gc.disable()
    # Below the web workers: a GP's autosave is served before a PDF's next page.
    os.nice(10)
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


def run_bounded(func, timeout, slots=None):
    """Run func() in a forked child and return its bytes, or raise RenderError.

    With `slots` (a semaphore), at most that many children of this process render at
    once; waiting for a slot counts towards the time limit.
    """
    if slots is None:
        return _run_child(func, timeout)
    started = time.monotonic()
    if not slots.acquire(timeout=timeout):
        raise RenderError(f"no free renderer within {timeout} s")
    try:
        return _run_child(func, max(timeout - (time.monotonic() - started), 0.1))
    finally:
        slots.release()


def _run_child(func, timeout):
    read_end, write_end = os.pipe()
    try:
        with _render_lock:
            pid = os.fork()
    except OSError as exc:
        os.close(read_end)
        os.close(write_end)
        raise RenderError(f"could not start the renderer: {exc}") from exc
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
                raise RenderError(f"rendering took longer than {timeout} s")
            chunk = os.read(read_end, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        selector.close()
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
    if status != 0:
        raise RenderError("rendering failed")
    return b"".join(chunks)
