"""Two app servers (gunicorn on loopback ports) on one database and one S3-compatible
store (moto in server mode): nothing depends on one process or one disk.

On PostgreSQL (the CI's second run) both servers share the PostgreSQL test database; on
SQLite they share the test database file.
"""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import boto3
import pytest
from django.conf import settings
from django.db import connection
from moto.server import ThreadedMotoServer

from autosave.merge import token
from consult.models import Consult, Issue
from tests.factories import mrs_k_consult
from tests.servers import free_port, verified_session

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parent.parent
BUCKET = "alk-uitgiftes"
CONFLICT = "iemand anders wijzigde intussen een veld"


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def object_store():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id="test", aws_secret_access_key="test")
    s3.create_bucket(Bucket=BUCKET)
    yield endpoint, s3
    server.stop()


@pytest.fixture
def app_env(object_store, tmp_path):
    endpoint, _ = object_store
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SQLITE_TEST"))},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "WHITENOISE_USE_FINDERS": "true",
        "STATIC_MANIFEST": "false",
        "TASK_BACKEND": "database",
        "PDF_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_S3_ADDRESSING_STYLE": "path",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "MEDIA_ROOT": str(tmp_path / "no-local-files"),
    }
    return env


def start_server(env):
    port = free_port()
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode()[-3000:])
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not start")


@pytest.fixture
def two_servers(app_env):
    servers = [start_server(app_env), start_server(app_env)]
    yield [port for _, port in servers]
    for process, _ in servers:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


class Browser:
    """One person's cookies, sent to whichever server a request goes to."""

    def __init__(self, session_key):
        self.cookies = {settings.SESSION_COOKIE_NAME: session_key}

    def request(self, port, method, path, form=None, htmx=False):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers.update({"Content-Type": "application/x-www-form-urlencoded",
                            "X-CSRFToken": self.cookies.get("csrftoken", ""),
                            "Referer": f"http://127.0.0.1:{port}{path}"})
        if htmx:
            headers["HX-Request"] = "true"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response.status, response, content


def test_a_session_works_on_both_servers(content, anna, two_servers):
    a, b = two_servers
    consult = mrs_k_consult(user=anna)
    gp = Browser(verified_session(anna))
    for port in (a, b, a):
        status, _, page = gp.request(port, "GET", f"/consulten/{consult.pk}/scegs/")
        assert status == 200 and consult.patient_reference.encode() in page
    status, _, _ = Browser("not-a-session").request(b, "GET", f"/consulten/{consult.pk}/scegs/")
    assert status == 302


def test_a_pdf_finalised_on_one_server_is_downloaded_from_the_other(content, anna, two_servers, app_env, object_store):
    a, b = two_servers
    _, s3 = object_store
    consult = mrs_k_consult(user=anna)
    gp = Browser(verified_session(anna))
    gp.request(a, "GET", f"/consulten/{consult.pk}/afronden/")
    status, response, _ = gp.request(a, "POST", f"/consulten/{consult.pk}/afronden/vastleggen/",
                                     {"version": consult.version})
    assert status == 302
    assert Consult.objects.get(pk=consult.pk).is_final

    status, _, page = gp.request(b, "GET", f"/consulten/{consult.pk}/folder.pdf")
    assert status == 200 and "PDF wordt gemaakt" in page.decode()

    worker = subprocess.run([sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
                            cwd=ROOT, env=app_env, capture_output=True, timeout=120)
    assert worker.returncode == 0, worker.stderr.decode()[-2000:]
    issue = Issue.objects.get(consult=consult)
    assert issue.handout_pdf.name
    stored = [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
    assert stored == [issue.handout_pdf.name]
    assert not Path(app_env["MEDIA_ROOT"]).exists()  # nothing on either server's disk

    status, response, pdf = gp.request(b, "GET", f"/consulten/{consult.pk}/folder.pdf")
    assert status == 200 and response.getheader("Content-Type") == "application/pdf"
    assert pdf.startswith(b"%PDF") and pdf == s3.get_object(Bucket=BUCKET, Key=stored[0])["Body"].read()


def test_two_gps_saving_one_field_on_different_servers_get_the_conflict_message(content, anna, joost, two_servers):
    a, b = two_servers
    consult = mrs_k_consult(user=anna)
    path = f"/consulten/{consult.pk}/scegs/"
    anna_browser, joost_browser = Browser(verified_session(anna)), Browser(verified_session(joost))
    bases = {}
    for browser, port in ((anna_browser, a), (joost_browser, b)):
        _, _, page = browser.request(port, "GET", path)
        bases[browser] = re.search(r'name="base-complaints"[^>]*value="([^"]*)"', page.decode()).group(1)
    assert bases[anna_browser] == bases[joost_browser] == token(consult.complaints)

    status, _, saved = anna_browser.request(a, "POST", path, {"complaints": "Pijn in rug en schouders",
                                                              "base-complaints": bases[anna_browser]}, htmx=True)
    assert status == 200 and CONFLICT not in saved.decode()
    status, _, refused = joost_browser.request(b, "POST", path, {"complaints": "Moe en hoofdpijn",
                                                                 "base-complaints": bases[joost_browser]}, htmx=True)
    assert status == 200 and CONFLICT in refused.decode()
    assert Consult.objects.get(pk=consult.pk).complaints == "Pijn in rug en schouders"
