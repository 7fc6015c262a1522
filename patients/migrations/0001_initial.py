import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("practices", "0002_security_stamp_and_content_editor"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Patient",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("reference", models.CharField(help_text="Een label dat u kiest, zoals initialen en geboortejaar of het HIS-nummer. Geen BSN. Maximaal 40 tekens.", max_length=40, verbose_name="patiëntreferentie")),
                ("reference_is_not_bsn", models.BooleanField(default=False, verbose_name="Dit is geen BSN, maar een ander nummer (bijvoorbeeld het HIS-nummer)")),
                ("first_name", models.CharField(blank=True, help_text="Optioneel. Staat alleen boven de folder. Maximaal 40 tekens.", max_length=40, verbose_name="voornaam voor de folder")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("created_by", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("practice", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="patients", to="practices.practice")),
            ],
            options={
                "verbose_name": "patiënt",
                "verbose_name_plural": "patiënten",
                "ordering": ["reference"],
                "constraints": [models.UniqueConstraint(fields=("practice", "reference"), name="patient_reference_per_practice")],
            },
        ),
        migrations.CreateModel(
            name="TimelineEntry",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("date", models.DateField(help_text="Weet u alleen de maand of het jaar? Kies dan de eerste dag.", verbose_name="datum")),
                ("kind", models.CharField(choices=[("symptom", "Klacht"), ("life_event", "Gebeurtenis in het leven"), ("investigation", "Onderzoek"), ("treatment", "Behandeling")], max_length=20, verbose_name="soort")),
                ("text", models.CharField(help_text="Kort, bijvoorbeeld ‘rugpijn begint’. Maximaal 120 tekens.", max_length=120, verbose_name="omschrijving")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("created_by", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("patient", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="timeline", to="patients.patient")),
            ],
            options={"verbose_name": "tijdlijnmoment", "verbose_name_plural": "tijdlijn", "ordering": ["date", "created_at"]},
        ),
    ]
