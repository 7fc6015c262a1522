"""Every UI string has an English translation, and the translation files are up to
date with the code: a new string without a translation fails here."""

import shutil
import subprocess
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
DOMAINS = ["django", "djangojs"]


def statistics(po):
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
                            capture_output=True, text=True, check=True)
    return result.stderr


def test_every_committed_string_is_translated():
    for domain in DOMAINS:
        stats = statistics(LOCALE / "en" / "LC_MESSAGES" / f"{domain}.po")
        assert "translated message" in stats and "untranslated" not in stats and "fuzzy" not in stats, stats


def test_no_ui_string_in_the_code_is_missing_from_the_translations(tmp_path, settings, monkeypatch):
    """Extract the strings again, the way the developers do (see README), in a copy of
    the project: makemessages writes into the locale folder beside the sources."""
    ignore = [".venv", "bench", "tests", "staticfiles", "test-output", "var", "docs", ".git", "node_modules"]
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(*ignore, "*.mo", "*.sqlite3*", "__pycache__"))
    copy = project / "locale"
    settings.LOCALE_PATHS = [copy]
    monkeypatch.chdir(project)
    call_command("makemessages", locale=["en"], ignore_patterns=ignore, no_obsolete=True, no_location=True, verbosity=0)
    call_command("makemessages", locale=["en"], domain="djangojs", ignore_patterns=[*ignore, "bootstrap"],
                 no_obsolete=True, no_location=True, verbosity=0)
    for domain in DOMAINS:
        stats = statistics(copy / "en" / "LC_MESSAGES" / f"{domain}.po")
        assert "untranslated" not in stats and "fuzzy" not in stats, f"{domain}: {stats} (run makemessages and translate)"
