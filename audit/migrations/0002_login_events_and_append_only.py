"""Login events, rows without a practice or user, `what` never cut off, and the log
made append-only in the database (see audit/append_only.py)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from audit import append_only


def protect(apps, schema_editor):
    append_only.protect(schema_editor.connection)


def unprotect(apps, schema_editor):
    append_only.unprotect(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
        ("practices", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex("accessevent", "accessevent_practice_at"),
        migrations.AlterField("accessevent", "practice", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="practices.practice")),
        migrations.AlterField("accessevent", "user", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL)),
        migrations.AlterField("accessevent", "action", models.CharField(choices=[("read", "Bekeken"), ("create", "Aangemaakt"), ("change", "Gewijzigd"), ("print", "Afgedrukt/gedownload"), ("copy", "Gekopieerd/geëxporteerd"), ("search", "Gezocht"), ("login", "Ingelogd"), ("login_failed", "Inloggen mislukt"), ("logout", "Uitgelogd"), ("denied", "Geweigerd"), ("destroy", "Vernietigd")], max_length=20)),
        migrations.AlterField("accessevent", "what", models.TextField(blank=True)),
        migrations.AlterModelOptions("accessevent", {"ordering": ["-id"], "verbose_name": "toegangsregel", "verbose_name_plural": "toegangslog"}),
        migrations.AddIndex("accessevent", models.Index(fields=["practice", "-id"], name="accessevent_practice_id")),
        # Last, after every change that may rebuild the table (SQLite drops triggers then).
        migrations.RunPython(protect, unprotect),
    ]
