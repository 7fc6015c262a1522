"""The test world: two practices, each with its own people, and a small content library.

De Linde: Anna (GP), Sanne (POH-GGZ), Peter (practice manager).
De Es: Bram (GP), who must never see anything of De Linde.
"""

import os
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from explanations.actions import load_library
from practices.actions import create_practice, create_user
from practices.models import Role

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by
# the tests themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "test-password-123"
TEST_LIBRARY = Path(__file__).resolve().parent / "content"

pytest_plugins = ["tests.browser"]  # the browser_page fixture


@pytest.fixture(autouse=True, scope="session")
def flush_lifts_the_log_triggers():
    """Transactional tests empty every table afterwards; the access log refuses that, so
    its append-only triggers are lifted for the flush only (in tests, never in the app)."""
    from django.core.management.commands import flush

    from audit import append_only

    original = flush.Command.handle

    def handle(self, **options):
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        append_only.unprotect(connection)
        try:
            return original(self, **options)
        finally:
            append_only.protect(connection)

    flush.Command.handle = handle
    yield
    flush.Command.handle = original


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """A finalised consult's PDF is made in the request, as without a worker; the
    worker itself is tested in test_pdf_worker.py."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Issued PDFs go to a folder of this test only."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def content(db):
    """The test library, published."""
    version, _ = load_library(source_dir=TEST_LIBRARY)
    return version


@pytest.fixture
def shipped_content(db):
    """The library the app ships with, published."""
    version, _ = load_library()
    return version


@pytest.fixture
def english_content(shipped_content):
    """The shipped English library, published beside the Dutch one."""
    version, _ = load_library(language="en")
    return version


@pytest.fixture
def linde(db):
    return create_practice(name="Huisartsenpraktijk De Linde", phone="0229 123 456", website="www.delinde.nl")


@pytest.fixture
def es(db):
    return create_practice(name="Gezondheidscentrum De Es", phone="020 765 4321")


@pytest.fixture
def anna(linde):
    return create_user(practice=linde, username="anna", password=PASSWORD, role=Role.GP, first_name="Anna", last_name="de Vries")


@pytest.fixture
def joost(linde):
    """A second GP of De Linde."""
    return create_user(practice=linde, username="joost", password=PASSWORD, role=Role.GP, first_name="Joost", last_name="Smit")


@pytest.fixture
def sanne(linde):
    return create_user(practice=linde, username="sanne", password=PASSWORD, role=Role.POH_GGZ, first_name="Sanne", last_name="Bakker")


@pytest.fixture
def peter(linde):
    return create_user(practice=linde, username="peter", password=PASSWORD, role=Role.MANAGER)


@pytest.fixture
def bram(es):
    return create_user(practice=es, username="bram", password=PASSWORD, role=Role.GP, first_name="Bram", last_name="Smit")


def authenticator(user):
    """The user's authenticator-app device (made on first use), as after enrolment."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)


def current_code(user):
    device = authenticator(user)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def client_for(user, verified=True):
    """A client logged in as the user; by default past the second factor too."""
    client = Client()
    client.force_login(user)
    if verified:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
        session.save()
    return client


@pytest.fixture
def anna_client(anna):
    return client_for(anna)


@pytest.fixture
def bram_client(bram):
    return client_for(bram)


@pytest.fixture
def mrs_k(content, anna):
    from tests.factories import mrs_k_consult

    return mrs_k_consult(user=anna)


@pytest.fixture
def mrs_k_session(mrs_k, sanne):
    """A follow-up session of Mrs K. with the POH-GGZ: a goal, what they worked on, a note."""
    import datetime

    from care.actions import add_goal, plan_session, save_session_answers

    session = plan_session(patient=mrs_k.patient, user=sanne, date=datetime.date(2026, 12, 1))
    add_goal(session=session, user=sanne, text="Elke dag een half uur wandelen")
    return save_session_answers(session=session, user=sanne, answers={
        "worked_on": "We bespraken hoe u uw dag verdeelt.", "next_steps": "U plant elke dag een pauze.",
        "next_appointment": "Over twee weken", "note": "Klinische aantekening die de patiënt niet leest",
    }).record
