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
        refused = []
        context.on("console", lambda message: refused.append(message.text)
                   if "Content Security Policy" in message.text else None)
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            yield page
            # Every page in every browser test keeps to the Content-Security-Policy.
            assert refused == [], refused
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


def log_in(page, live_server, username, password=None, code=None):
    """Log in through the pages, with the password and then the second factor."""
    from playwright.sync_api import expect

    from practices.models import User
    from tests.conftest import PASSWORD, authenticator, current_code

    user = User.objects.get(username=username)
    authenticator(user)  # a returning user: the second factor was set up before
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password or PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Tweede stap van inloggen")).to_be_visible()
    page.get_by_label("Code").fill(code or current_code(user))
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Tweede stap van inloggen")).to_have_count(0)


def expect_saved(page):
    """The save status shows a finished save ("Opgeslagen om …" or, when a second
    request carried the same values, "Alles is opgeslagen.")."""
    import re

    expect(page.locator("#save-status")).to_have_attribute("data-state", re.compile(r"^(saved|unchanged)$"))
