"""Handout PDF benchmark: python bench/run.py (writes bench/results.json).

Measures, in one run on a throw-away SQLite database:
- median time of a handout PDF through the app (view, template, bounded WeasyPrint);
- median time of WeasyPrint alone on the same HTML;
- their ratio (target <= 1.15);
- median time of downloading a finalised consult's PDF (stored when it was finalised,
  read back through Django's storage), as a share of the render (target <= 5 %);
- the size of the PDF.
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "9"))


def setup_django(workdir):
    sys.path.insert(0, str(ROOT))
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "SECRET_KEY": "bench-only",
        "ALLOWED_HOSTS": "testserver",
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
    })
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # The benchmark serves static files from the source tree, as the tests do.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    call_command("migrate", verbosity=0)
    call_command("load_content", stdout=open(os.devnull, "w"))


def timed(func, runs=RUNS):
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main():
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp))
        from django.test import Client
        from django.urls import reverse

        from consult.actions import finalise_consult
        from consult.models import Consult
        from consult.handout import render_handout_html
        from printing.pdf import write_pdf
        from practices.actions import create_practice, create_user
        from tests.factories import mrs_k_consult

        practice = create_practice(name="Huisartsenpraktijk De Linde", phone="0229 123 456")
        user = create_user(practice=practice, username="bench", password="bench-password-1", role="gp")
        consult = mrs_k_consult(user=user)
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        client = Client()
        client.force_login(user)
        session = client.session  # past the second factor, as after a real login
        session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.create(user=user, name="bench", confirmed=True).persistent_id
        session.save()
        pdf_url = reverse("consult_handout_pdf", args=[consult.pk])

        def through_app():
            response = client.get(pdf_url)
            assert response.status_code == 200 and response.content.startswith(b"%PDF")
            return response.content

        client.get(pdf_url)  # warm-up: fonts, templates
        app_time, pdf = timed(through_app)
        html = render_handout_html(consult)
        alone_time, _ = timed(lambda: write_pdf(html))

        issue = finalise_consult(consult=consult, user=user, expected_version=Consult.objects.get(pk=consult.pk).version)
        with issue.handout_pdf.open("rb") as f:
            stored = f.read()

        def cached():
            response = client.get(pdf_url)
            assert response.content == stored
            return response.content

        cached_time, _ = timed(cached)

    results = {
        "runs": RUNS,
        "handout_pdf_through_app_median_s": round(app_time, 4),
        "weasyprint_alone_median_s": round(alone_time, 4),
        "app_to_weasyprint_ratio": round(app_time / alone_time, 3),
        "app_to_weasyprint_ratio_target": 1.15,
        "cached_download_median_s": round(cached_time, 5),
        "cached_share_of_render": round(cached_time / app_time, 4),
        "cached_share_target": 0.05,
        "pdf_size_bytes": len(pdf),
    }
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
