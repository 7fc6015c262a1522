"""Logging in with a second factor in a real browser: enrolment with an authenticator
app, and a passkey made and used with Chromium's virtual authenticator."""

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def password_step(page, live_server, username="anna"):
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_first_login_links_an_authenticator_app_and_shows_recovery_codes(live_server, content, anna, browser_page):
    page = browser_page
    password_step(page, live_server)
    expect(page.get_by_role("heading", name="Tweede factor instellen")).to_be_visible()
    expect(page.get_by_role("img", name="QR-code voor uw authenticator-app")).to_be_visible()
    device = TOTPDevice.objects.get(user=anna, confirmed=False)
    page.get_by_label("Code").fill(f"{TOTP(device.bin_key).token():06d}")
    page.get_by_role("button", name="Koppelen").click()
    expect(page.get_by_role("heading", name="Uw herstelcodes")).to_be_visible()
    assert page.locator("#recovery-codes li").count() == 10
    page.get_by_role("link", name="Ik heb de codes bewaard").click()
    expect(page.get_by_role("heading", name="Patiënten")).to_be_visible()


@pytest.fixture
def passkeys(live_server, settings):
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]


def virtual_authenticator(page):
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    session.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
        "hasUserVerification": True, "isUserVerified": True, "automaticPresenceSimulation": True,
    }})


def test_a_passkey_made_at_first_login_is_the_second_factor_next_time(live_server, content, anna, browser_page, passkeys):
    from django_otp_webauthn.models import WebAuthnCredential

    page = browser_page
    assert live_server.url.startswith("http://localhost:")
    virtual_authenticator(page)
    password_step(page, live_server)
    page.get_by_role("button", name="Passkey maken").click()
    expect(page.get_by_role("heading", name="Uw herstelcodes")).to_be_visible()
    assert WebAuthnCredential.objects.filter(user=anna, confirmed=True).count() == 1
    page.get_by_role("link", name="Ik heb de codes bewaard").click()
    expect(page.get_by_role("heading", name="Patiënten")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    password_step(page, live_server)
    expect(page.get_by_role("heading", name="Tweede stap van inloggen")).to_be_visible()
    page.get_by_role("button", name="Inloggen met passkey").click()
    expect(page.get_by_role("heading", name="Patiënten")).to_be_visible()
