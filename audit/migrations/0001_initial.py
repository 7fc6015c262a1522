import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("practices", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AccessEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(auto_now_add=True)),
                ("consult_id", models.UUIDField(blank=True, null=True)),
                ("patient_reference", models.CharField(blank=True, max_length=40)),
                ("action", models.CharField(choices=[("read", "Bekeken"), ("create", "Aangemaakt"), ("change", "Gewijzigd"), ("print", "Afgedrukt/gedownload"), ("copy", "Gekopieerd/geëxporteerd"), ("search", "Gezocht")], max_length=10)),
                ("what", models.CharField(blank=True, max_length=200)),
                ("ip_address", models.GenericIPAddressField(blank=True, null=True)),
                ("practice", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="practices.practice")),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "verbose_name": "toegangsregel",
                "verbose_name_plural": "toegangslog",
                "ordering": ["-at", "-id"],
                "indexes": [
                    models.Index(fields=["practice", "-at", "-id"], name="accessevent_practice_at"),
                    models.Index(fields=["consult_id", "-at"], name="accessevent_consult_at"),
                ],
            },
        ),
    ]
