"""The benchmark: python bench/run.py (writes bench/results.json, prints a table).

Every figure is a ratio to a baseline taken in the same run, so that it means the same
on a fast and a slow machine. Times are medians of BENCH_RUNS runs (9).

- autosave_ratio, step_page_ratio: an htmx autosave of one SCEGS field and a GET of the
  SCEGS step, each against a minimal authenticated view through the same middleware
  that updates one row and renders a tiny template (bench/urls.py); the three are
  taken in turns, 3 × BENCH_RUNS times, and the medians compared;
- pdf_ratio: a handout PDF through the app (view, template, warm renderer process) against
  WeasyPrint alone on the same HTML; pdf_vs_chromium_ratio: the same PDF against
  Chromium printing the same HTML; cached_share: downloading a finalised consult's PDF
  (a file read) as a share of the render;
- rss_growth_mb: growth of one worker's memory over 300 renders, after the first 10, or of
  a renderer process's memory after its own first 10 documents, if more;
- list_scale_ratio, log_scale_ratio: the patient list and the manager's access log of a
  practice with 100,000 consults and 1,000,000 log rows (manage.py seed_scale) against
  the same pages of an empty database; on PostgreSQL their query plans are checked;
- autosave_under_pdf_ratio: autosave p50 on gunicorn (2 sync workers) while the task
  worker renders 20 handout PDFs, against the idle autosave p50;
- load_errors: failed requests of 50 users for 30 s (locust, headless) against the step
  page and the autosave on gunicorn with 2 workers; p50 and p99 are printed.

Runs on a throw-away SQLite database, or with DATABASE_URL on a throw-away PostgreSQL
database beside the one named (created and dropped here). All traffic stays on loopback.
Smaller runs for a quick look: BENCH_RUNS, BENCH_CONSULTS, BENCH_LOG_ROWS, BENCH_LOAD_SECONDS,
BENCH_RSS_RENDERS.
"""

import json
import os
import platform
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.servers import free_port, verified_session  # noqa: E402  (after sys.path)

RUNS = int(os.environ.get("BENCH_RUNS", "9"))
REQUEST_RUNS = 3 * RUNS  # requests take milliseconds: more runs, less noise
CONSULTS = int(os.environ.get("BENCH_CONSULTS", "100000"))
LOG_ROWS = int(os.environ.get("BENCH_LOG_ROWS", "1000000"))
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "30"))
LOAD_USERS = 50
PDFS_UNDER_LOAD = 20
RSS_RENDERS = int(os.environ.get("BENCH_RSS_RENDERS", "300"))
VENV_BIN = Path(sys.executable).parent

TARGETS = {  # key: (target, "max" or "min")
    "autosave_ratio": 2.0,
    "step_page_ratio": 3.0,
    "pdf_ratio": 1.15,
    "pdf_vs_chromium_ratio": 0.5,
    "cached_share": 0.05,
    "list_scale_ratio": 1.5,
    "log_scale_ratio": 1.5,
    "autosave_under_pdf_ratio": 2.0,
    "rss_growth_mb": 20.0,
    "load_errors": 0,
}


def median_time(func, runs=RUNS):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def medians_in_turns(measures, runs):
    """{name: median seconds} of functions taken in turns, so that a slower stretch of a
    shared machine weighs on each of them alike (each is called once first, untimed)."""
    for func in measures.values():
        func()
    samples = {name: [] for name in measures}
    for _ in range(runs):
        for name, func in measures.items():
            started = time.perf_counter()
            func()
            samples[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in samples.items()}


def throwaway_database(workdir):
    """(DATABASE_URL of an empty database for this run, a function that drops it)."""
    given = os.environ.get("DATABASE_URL")
    if not given:
        return f"sqlite:///{workdir / 'bench.sqlite3'}", lambda: None, "sqlite"
    import psycopg

    parts = urlsplit(given)
    name = f"{parts.path.lstrip('/') or 'alk'}_bench"
    admin = psycopg.connect(given, autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop():
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return urlunsplit(parts._replace(path=f"/{name}")), drop, "postgresql"


def setup_django(database_url, workdir):
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(workdir / "media"),
        "SECRET_KEY": "bench-only",
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "WHITENOISE_USE_FINDERS": "true",
        "STATIC_MANIFEST": "false",
        "TASK_BACKEND": "database",
    })
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ROOT_URLCONF = "bench.urls"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    call_command("migrate", verbosity=0)
    call_command("load_content", stdout=open(os.devnull, "w"))


def logged_in_client(user):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = verified_session(user)
    return client


def run_render_jobs():
    """Run the task worker until the queue is empty (the renders of finalised consults)."""
    from django.core.management import call_command

    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)


# -- in-process measures ---------------------------------------------------------------

def request_ratios(world):
    from django.urls import reverse

    from autosave.merge import token
    from tests.helpers import HTMX

    client, consult = world["client"], world["consult"]
    baseline_url = reverse("bench_baseline", args=[consult.patient_id])
    step_url = reverse("consult_step", args=[consult.pk, "scegs"])
    data = {"base-complaints": token(consult.complaints)}
    texts = iter(f"Pijn in spieren en gewrichten, moe ({n})" for n in range(10_000))

    def autosave():
        text = next(texts)
        response = client.post(step_url, {"complaints": text, "base-complaints": data["base-complaints"]}, **HTMX)
        assert response.status_code == 200 and b"conflict" not in response.content.lower(), response.status_code
        data["base-complaints"] = token(text)

    def step_page():
        assert client.get(step_url).status_code == 200

    def baseline():
        assert client.get(baseline_url).status_code == 200

    medians = medians_in_turns({"baseline_ms": baseline, "autosave_ms": autosave, "step_page_ms": step_page},
                               REQUEST_RUNS)
    times = {name: seconds * 1000 for name, seconds in medians.items()}
    return {
        "autosave_ratio": times["autosave_ms"] / times["baseline_ms"],
        "step_page_ratio": times["step_page_ms"] / times["baseline_ms"],
    }, times


def chromium_html(html, folder):
    """The handout HTML as a file beside copies of the static files it uses (the
    stylesheet and its fonts), laid out as under /static/."""
    import posixpath
    import re
    import shutil

    from printing.pdf import BASE_URL, static_file_for

    def copy(url_path):
        source = static_file_for(BASE_URL.rstrip("/") + url_path)
        if source is None:
            return
        target = folder / url_path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        if target.suffix == ".css":
            for relative in re.findall(r'url\(["\']?([^"\')]+)', target.read_text()):
                if not relative.startswith("data:"):
                    copy(posixpath.normpath(posixpath.join(posixpath.dirname(url_path), relative)))

    for url_path in re.findall(r'(?:href|src)=["\'](/static/[^"\']+)', html):
        copy(url_path)
    page = folder / "handout.html"
    page.write_text(re.sub(r'((?:href|src)=["\'])/static/', lambda m: f"{m.group(1)}{(folder / 'static').as_uri()}/", html))
    return page


def chromium_pdf_time(html, folder):
    """Chromium printing the same HTML to PDF, as a server without a resident browser
    does it: one headless print command per PDF. A resident browser (Playwright's
    page.pdf on a warm page) is timed too, for the details."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    page_file, output = chromium_html(html, folder), folder / "chromium.pdf"
    command = [CHROMIUM, "--headless", *CHROMIUM_ARGS, f"--user-data-dir={folder / 'chromium-profile'}",
               "--no-pdf-header-footer", f"--print-to-pdf={output}", page_file.as_uri()]

    def print_command():
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        assert output.read_bytes().startswith(b"%PDF")

    print_command()
    command_time = median_time(print_command)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()

        def print_page():
            page.goto(page_file.as_uri(), wait_until="load")
            assert page.pdf(format="A4", print_background=True).startswith(b"%PDF")

        print_page()
        resident_time = median_time(print_page)
        browser.close()
    return command_time, resident_time


def pdf_ratios(world, folder):
    from django.urls import reverse

    from consult.actions import finalise_consult
    from consult.handout import render_handout_html
    from consult.models import Consult
    from printing.pdf import write_pdf

    from tests.factories import mrs_k_consult

    client, consult, user = world["client"], world["consult"], world["user"]
    pdf_url = reverse("consult_handout_pdf", args=[consult.pk])
    html = render_handout_html(consult)
    # The download of a finalised consult's PDF: the same handout of another patient.
    finalised = mrs_k_consult(user=user, reference="PDF-0001")
    issue = finalise_consult(consult=finalised, user=user, expected_version=Consult.objects.get(pk=finalised.pk).version)
    run_render_jobs()
    issue.refresh_from_db()
    stored = issue.handout_pdf.read()
    finalised_url = reverse("consult_handout_pdf", args=[finalised.pk])

    def through_app():
        response = client.get(pdf_url)
        assert response.status_code == 200 and response.content.startswith(b"%PDF")

    def cached():
        assert client.get(finalised_url).content == stored

    medians = medians_in_turns({"app": through_app, "alone": lambda: write_pdf(html), "cached": cached}, RUNS)
    app_time, alone_time, cached_time = medians["app"], medians["alone"], medians["cached"]
    chromium_time, resident_time = chromium_pdf_time(html, folder)
    times = {"pdf_app_ms": app_time * 1000, "weasyprint_alone_ms": alone_time * 1000,
             "chromium_ms": chromium_time * 1000, "chromium_resident_browser_ms": resident_time * 1000,
             "cached_download_ms": cached_time * 1000, "pdf_bytes": len(stored)}
    return {
        "pdf_ratio": app_time / alone_time,
        "pdf_vs_chromium_ratio": app_time / chromium_time,
        "cached_share": cached_time / app_time,
    }, times


def rss_mb(pid="self"):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_growth(world):
    """One worker rendering 300 handouts, as the task worker does: the growth of the
    worker itself after its first 10 renders, or, if more, of a renderer process after
    its own first 10 documents (each is renewed after printing.renderers.MAX_RENDERS)."""
    from consult.handout import render_handout_html
    from printing.pdf import render_pdf, render_pool

    html = render_handout_html(world["consult"])
    for _ in range(10):
        render_pdf(html)
    before, renderers = rss_mb(), {}
    for _ in range(RSS_RENDERS - 10):
        render_pdf(html)
        for renderer in render_pool().idle:  # none just after a renewal
            renderers.setdefault(renderer.pid, []).append((renderer.renders, rss_mb(renderer.pid)))
    worker_growth = rss_mb() - before
    renderer_growth = max(
        max(size for _, size in sizes) - min((size for done, size in sizes if done >= 10), default=sizes[-1][1])
        for sizes in renderers.values())
    return {"rss_growth_mb": max(0.0, worker_growth, renderer_growth)}, {
        "rss_after_mb": rss_mb(), "worker_rss_growth_mb": worker_growth, "renderer_rss_growth_mb": renderer_growth,
        "renderers_used": len(renderers)}


def list_and_log_pages(world):
    from django.urls import reverse

    client, manager = world["client"], world["manager_client"]

    def patient_list():
        assert client.get(reverse("patient_list")).status_code == 200

    def access_log():
        assert manager.get(reverse("access_log")).status_code == 200

    patient_list(), access_log()
    return median_time(patient_list), median_time(access_log)


def explain_plans(world):
    """PostgreSQL's plans of the two list queries: no sequential scan, no sort."""
    from django.db import connection

    from audit.models import AccessEvent
    from patients.models import Patient

    practice = world["user"].practice
    queries = {
        "patient_list": Patient.objects.filter(practice=practice).order_by("-last_visit_at", "reference")[:20],
        "access_log": AccessEvent.objects.filter(practice=practice).order_by("-id")[:51],
    }
    plans = {}
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        for name, query in queries.items():
            sql, params = query.query.sql_with_params()
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            plans[name] = {"plan": plan, "ok": "Seq Scan" not in plan and "Sort" not in plan}
    return plans


# -- measures against gunicorn -----------------------------------------------------------

def start_gunicorn(port, workers=2):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--worker-class", "sync", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start: " + process.stderr.read().decode()[-2000:])


def stop(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


def http_autosave_times(port, session_key, consult, count, pause=0.05):
    """Autosave over HTTP, one after another; seconds each."""
    import http.client

    from autosave.merge import token

    cookie = f"sessionid={session_key}"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    path = f"/consulten/{consult.pk}/scegs/"
    connection.request("GET", path, headers={"Cookie": cookie})
    page = connection.getresponse()
    body = page.read().decode()
    csrf = next(h.split("=", 1)[1].split(";")[0] for h in page.msg.get_all("Set-Cookie", []) if h.startswith("csrftoken="))
    import re

    base = re.search(r'name="base-complaints"[^>]*value="([^"]*)"', body).group(1)
    times = []
    for number in range(count):
        text = f"Pijn in rug, moe ({number}-{time.monotonic_ns()})"
        form = f"complaints={text}&base-complaints={base}".replace(" ", "+").encode()
        started = time.perf_counter()
        connection.request("POST", path, body=form, headers={
            "Cookie": f"{cookie}; csrftoken={csrf}", "X-CSRFToken": csrf, "HX-Request": "true",
            "Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{port}{path}"})
        response = connection.getresponse()
        response.read()
        times.append(time.perf_counter() - started)
        if response.status != 200:
            raise RuntimeError(f"autosave answered {response.status}")
        base = token(text)
        time.sleep(pause)
    connection.close()
    return times


def autosave_under_pdf(world, port):
    """Idle autosave p50, then the same while the task worker renders 20 handouts."""
    from consult.actions import finalise_consult
    from tests.factories import mrs_k_consult

    session = verified_session(world["user"])
    consult = world["typing_consult"]
    idle = statistics.median(http_autosave_times(port, session, consult, 30))
    for number in range(PDFS_UNDER_LOAD):
        finalised = mrs_k_consult(user=world["user"], reference=f"PDF-{number:03d}")
        finalise_consult(consult=finalised, user=world["user"], expected_version=finalised.version)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(ROOT)}
    worker = subprocess.Popen([sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    busy = []
    while worker.poll() is None:
        busy += http_autosave_times(port, session, consult, 5)
    from consult.models import Issue

    rendered = Issue.objects.exclude(handout_pdf="").count()
    busy_p50 = statistics.median(busy) if busy else idle
    return {"autosave_under_pdf_ratio": busy_p50 / idle}, {
        "autosave_idle_p50_ms": idle * 1000, "autosave_under_pdf_p50_ms": busy_p50 * 1000,
        "autosaves_while_rendering": len(busy), "pdfs_rendered": rendered}


def load_test(world, port, workdir):
    from tests.factories import mrs_k_consult

    sessions = []
    for number in range(LOAD_USERS):
        consult = mrs_k_consult(user=world["user"], reference=f"LOAD-{number:03d}")
        sessions.append({"session": verified_session(world["user"]), "consult": str(consult.pk)})
    prefix = workdir / "locust"
    env = {**os.environ, "BENCH_SESSIONS": json.dumps(sessions), "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [str(VENV_BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
         "--host", f"http://127.0.0.1:{port}", "--users", str(LOAD_USERS), "--spawn-rate", str(LOAD_USERS),
         "--run-time", f"{LOAD_SECONDS}s", "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"],
        cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=LOAD_SECONDS + 120,
    )
    import csv

    with open(f"{prefix}_stats.csv") as stats:
        total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
    return {"load_errors": int(total["Failure Count"])}, {
        "load_requests": int(total["Request Count"]), "load_p50_ms": float(total["50%"]),
        "load_p99_ms": float(total["99%"]), "load_rps": float(total["Requests/s"])}


# -- the run ------------------------------------------------------------------------------

def make_world():
    from practices.actions import create_practice, create_user
    from practices.models import Role
    from tests.factories import mrs_k_consult

    practice = create_practice(name="Huisartsenpraktijk De Linde", phone="0229 123 456")
    user = create_user(practice=practice, username="bench", password="bench-password-1", role=Role.GP)
    manager = create_user(practice=practice, username="bench-manager", password="bench-password-1", role=Role.MANAGER)
    for number in range(20):  # a page of patients for the list
        mrs_k_consult(user=user, reference=f"LIJST-{number:03d}")
    return {
        "user": user, "client": logged_in_client(user), "manager_client": logged_in_client(manager),
        "consult": mrs_k_consult(user=user), "typing_consult": mrs_k_consult(user=user, reference="TYPT-001"),
    }


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()}


def main():
    results, details = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        database_url, drop_database, database = throwaway_database(workdir)
        try:
            setup_django(database_url, workdir)
            from django.db import connection

            world = make_world()
            for measure in (request_ratios, pdf_ratios, rss_growth):
                figures, extra = measure(world, workdir) if measure is pdf_ratios else measure(world)
                results.update(figures), details.update(extra)
                print(f"  {measure.__name__}: {figures}", flush=True)

            empty_list, empty_log = list_and_log_pages(world)
            from django.core.management import call_command

            from care.seeding import seed_history

            started = time.monotonic()
            seed_history(practice=world["user"].practice, user=world["user"], consults=CONSULTS, log_rows=LOG_ROWS)
            details["seed_seconds"] = time.monotonic() - started
            # A bulk load leaves the planner without statistics and PostgreSQL's autovacuum
            # still working through the new rows; a practice's database has neither.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if database == "sqlite" else "VACUUM ANALYZE")
            full_list, full_log = list_and_log_pages(world)
            results["list_scale_ratio"] = full_list / empty_list
            results["log_scale_ratio"] = full_log / empty_log
            details.update({"list_empty_ms": empty_list * 1000, "list_full_ms": full_list * 1000,
                            "log_empty_ms": empty_log * 1000, "log_full_ms": full_log * 1000})
            if database == "postgresql":
                details["explain"] = explain_plans(world)
            print(f"  scale: list {results['list_scale_ratio']:.2f}, log {results['log_scale_ratio']:.2f}", flush=True)

            port = free_port()
            server = start_gunicorn(port)
            try:
                for measure in (autosave_under_pdf, load_test):
                    figures, extra = measure(world, port) if measure is autosave_under_pdf else measure(world, port, workdir)
                    results.update(figures), details.update(extra)
                    print(f"  {measure.__name__}: {figures}", flush=True)
            finally:
                stop(server)
            call_command("check", verbosity=0)
            connection.close()
        finally:
            drop_database()

    output = {key: round(results[key], 4) for key in TARGETS}
    output["machine"] = machine()
    output["database"] = database
    (ROOT / "bench" / "results.json").write_text(json.dumps(output, indent=2) + "\n")
    (ROOT / "bench" / "details.json").write_text(json.dumps(details, indent=2, default=str) + "\n")
    print(f"\n{'measure':28} {'result':>10} {'target':>8}")
    for key, target in TARGETS.items():
        mark = "ok" if output[key] <= target else "MISSED"
        print(f"{key:28} {output[key]:>10.3f} {'≤ ' + str(target):>8}  {mark}")
    print(f"load p50 {details['load_p50_ms']:.0f} ms, p99 {details['load_p99_ms']:.0f} ms, "
          f"{details['load_requests']} requests; database {database}; {output['machine']['cpu']}, {output['machine']['cores']} cores")
    for name, plan in details.get("explain", {}).items():
        print(f"EXPLAIN {name}: {'index only, no sort' if plan['ok'] else 'SEQ SCAN OR SORT'}")
    return 0 if all(output[key] <= target for key, target in TARGETS.items()) else 1


if __name__ == "__main__":
    sys.exit(main())
