"""A log row names the record (consult, intake, session) and the patient it belongs to.

Renaming a column and adding a nullable one keep the table (and its append-only
triggers) in place on SQLite and PostgreSQL alike.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_login_events_and_append_only"),
    ]

    operations = [
        migrations.RemoveIndex("accessevent", "accessevent_consult_at"),
        migrations.RenameField("accessevent", "consult_id", "record_id"),
        migrations.AddIndex("accessevent", models.Index(fields=["record_id", "-at"], name="accessevent_record_at")),
        migrations.AddField("accessevent", "patient_id", models.UUIDField(blank=True, null=True)),
        migrations.AddIndex("accessevent", models.Index(fields=["patient_id", "-id"], name="accessevent_patient")),
    ]
