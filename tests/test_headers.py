"""Headers and deployment: CSP, no caching of patient data, titles, HTTPS behind a proxy."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD, authenticator, client_for
from tests.factories import mrs_k_consult
from tests.helpers import step_url, url

ROOT = Path(__file__).resolve().parent.parent


def pages_of(consult):
    return [
        reverse("home"), reverse("patient_list"), reverse("consult_create"),
        *[step_url(consult, s) for s in ("start", "scegs", "probleemdefinitie", "uitleg", "plan", "afronden")],
        url("consult_handout", consult), url("consult_presentation", consult), url("consult_referral", consult),
    ]


def test_every_page_has_a_strict_csp_and_no_inline_script(mrs_k, anna):
    client = client_for(anna)
    for path in pages_of(mrs_k):
        response = client.get(path, follow=True)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy, path
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
        html = response.content.decode()
        inline = [tag for tag in re.findall(r"<script\b[^>]*>", html) if "src=" not in tag and "application/json" not in tag]
        assert inline == [], (path, inline)
        assert not re.search(r"\son[a-z]+=\"", html), path  # no inline event handlers
        assert " style=" not in html, path


def test_no_page_or_pdf_with_patient_data_is_cached(mrs_k, anna):
    client = client_for(anna)
    for path in [*pages_of(mrs_k), url("consult_handout_pdf", mrs_k), reverse("login")]:
        response = client.get(path)
        assert "no-store" in response["Cache-Control"], path


def test_no_patient_reference_in_any_title(mrs_k, anna):
    client = client_for(anna)
    for path in pages_of(mrs_k):
        html = client.get(path, follow=True).content.decode()
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert mrs_k.patient_reference not in title and "Karin" not in title, (path, title)


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x9" * 30 + "-Pq7#vL2!mZ4&rT8",
    "ALLOWED_HOSTS": "alk.example.nl",
    "CSRF_TRUSTED_ORIGINS": "https://alk.example.nl",
    "BEHIND_TLS_PROXY": "true",
    "TRUSTED_PROXY_COUNT": "1",
}


def test_the_deploy_check_is_clean_with_production_settings(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in {"SECURE_SSL_REDIRECT", "SECURE_COOKIES", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(PRODUCTION, DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_wrong_settings_stop_the_app_with_a_clear_message(tmp_path):
    for name, value, says in [("TRUSTED_PROXY_COUNT", "twee", "whole number"), ("SECURE_SSL_REDIRECT", "ja", "true or false"),
                              ("CSRF_TRUSTED_ORIGINS", "alk.example.nl", "start with https://")]:
        env = {**os.environ, **PRODUCTION, name: value, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"}
        result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
        assert result.returncode != 0 and says in result.stderr, name


@pytest.fixture
def behind_tls_proxy(settings):
    settings.ALLOWED_HOSTS = ["alk.example.nl"]
    settings.CSRF_TRUSTED_ORIGINS = ["https://alk.example.nl"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.TRUSTED_PROXY_COUNT = 1


def proxied(client, method, path, **extra):
    headers = {"HTTP_HOST": "alk.example.nl", "HTTP_X_FORWARDED_PROTO": "https", "HTTP_X_FORWARDED_FOR": "198.51.100.7",
               "HTTP_ORIGIN": "https://alk.example.nl", "REMOTE_ADDR": "10.0.0.2"}
    return getattr(client, method)(path, **{**headers, **extra.pop("headers", {})}, **extra)


def test_login_behind_the_documented_tls_proxy_works(content, anna, behind_tls_proxy):
    from audit.models import AccessEvent

    authenticator(anna)
    client = Client(enforce_csrf_checks=True)
    page = proxied(client, "get", reverse("login"))
    assert page.status_code == 200
    token = page.cookies["csrftoken"].value
    response = proxied(client, "post", reverse("login"), data={"username": "anna", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert AccessEvent.objects.get(action="login").ip_address == "198.51.100.7"
    # Plain HTTP is sent to HTTPS, with HSTS on the answers over HTTPS.
    assert proxied(Client(), "get", reverse("login"), headers={"HTTP_X_FORWARDED_PROTO": "http"})["Location"].startswith("https://")


@pytest.mark.parametrize("forwarded, count, expected", [
    ("198.51.100.7", 1, "198.51.100.7"),
    ("203.0.113.9, 198.51.100.7", 1, "198.51.100.7"),  # the client's own claim is ignored
    ("203.0.113.9, 198.51.100.7", 2, "203.0.113.9"),
    ("niet-een-adres", 1, "10.0.0.2"),
    ("1.2.3.4<script>", 1, "10.0.0.2"),
    ("", 1, "10.0.0.2"),
    ("198.51.100.7", 0, "10.0.0.2"),  # no trusted proxy configured: the header is not read
    ("2001:db8::1", 1, "2001:db8::1"),
])
def test_the_client_address_comes_only_from_trusted_proxies(content, anna, settings, forwarded, count, expected):
    from audit.models import AccessEvent

    settings.TRUSTED_PROXY_COUNT = count
    response = client_for(anna).get(reverse("patient_list"), HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 200
    assert AccessEvent.objects.filter(action="read").latest("id").ip_address == expected
