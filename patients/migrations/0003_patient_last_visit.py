import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Coalesce


def from_consults(apps, schema_editor):
    Patient = apps.get_model("patients", "Patient")
    Consult = apps.get_model("consult", "Consult")
    latest = Consult.objects.filter(patient=OuterRef("pk")).values("patient").annotate(at=Max("created_at")).values("at")
    Patient.objects.update(last_visit_at=Coalesce(Subquery(latest), "created_at"))


class Migration(migrations.Migration):

    dependencies = [
        ('patients', '0002_languageoverride'),
        ('consult', '0007_referral_structure_and_severity_criteria'),
        ('practices', '0002_security_stamp_and_content_editor'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='patient',
            name='last_visit_at',
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False),
        ),
        migrations.AddIndex(
            model_name='patient',
            index=models.Index(fields=['practice', '-last_visit_at', 'reference'], name='patient_practice_recent'),
        ),
        migrations.RunPython(from_consults, migrations.RunPython.noop),
    ]
