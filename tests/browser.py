"""Playwright driving Debian's Chromium (no browser download: it is a system package)."""

import os
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

# A loaded two-core CI machine can be slow; wait as long for an assertion as for an action.
expect.set_options(timeout=15_000)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium_page(**context_options):
    """A page in Debian's Chromium; the test's own database connection is closed after."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="nl-NL", **context_options)
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            context.close()
            browser.close()
            # The test's own ORM calls ran while Playwright's event loop was running, so
            # Django kept their connection in a context-local; close it here, in that
            # same context, or PostgreSQL cannot drop the test database afterwards.
            connections.close_all()


@pytest.fixture
def browser_page():
    with chromium_page(accept_downloads=True) as page:
        yield page
