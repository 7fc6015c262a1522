"""Playwright driving Debian's Chromium (no browser download: it is a system package)."""

import os

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


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True, locale="nl-NL")
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()
        # The test's own ORM calls ran while Playwright's event loop was running, so
        # Django kept their connection in a context-local; close it here, in that same
        # context, or PostgreSQL cannot drop the test database afterwards.
        from django.db import connections

        connections.close_all()
