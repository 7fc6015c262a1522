"""Every consult belongs to a patient of its practice.

Existing consults with the same patient reference in a practice become one patient, their
visits in time order; the first name and the not-a-BSN mark move to the patient.
"""

import django.db.models.deletion
from django.db import migrations, models


def to_patients(apps, schema_editor):
    Consult = apps.get_model("consult", "Consult")
    Patient = apps.get_model("patients", "Patient")
    previous = {}
    for consult in Consult.objects.order_by("created_at"):
        key = (consult.practice_id, consult.patient_reference)
        patient = Patient.objects.filter(practice_id=consult.practice_id, reference=consult.patient_reference).first()
        if patient is None:
            patient = Patient.objects.create(
                practice_id=consult.practice_id, reference=consult.patient_reference, created_by_id=consult.created_by_id,
                first_name=consult.first_name, reference_is_not_bsn=consult.reference_is_not_bsn,
            )
        elif consult.first_name:
            patient.first_name = consult.first_name
            patient.save(update_fields=["first_name"])
        consult.patient_id = patient.pk
        consult.previous_id = previous.get(key)
        consult.save(update_fields=["patient", "previous"])
        previous[key] = consult.pk


def from_patients(apps, schema_editor):
    Consult = apps.get_model("consult", "Consult")
    for consult in Consult.objects.select_related("patient"):
        consult.patient_reference = consult.patient.reference
        consult.first_name = consult.patient.first_name
        consult.reference_is_not_bsn = consult.patient.reference_is_not_bsn
        consult.save(update_fields=["patient_reference", "first_name", "reference_is_not_bsn"])


class Migration(migrations.Migration):

    dependencies = [
        ("consult", "0004_issue"),
        ("patients", "0001_initial"),
    ]

    operations = [
        migrations.AddField("consult", "patient", models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="consults", to="patients.patient")),
        migrations.AddField("consult", "previous", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="consult.consult")),
        migrations.RunPython(to_patients, from_patients),
        migrations.AlterField("consult", "patient", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="consults", to="patients.patient")),
        # A default, so that going back can add the column again (and fill it from the patient).
        migrations.AlterField("consult", "patient_reference", models.CharField(default="", max_length=40)),
        migrations.RemoveField("consult", "patient_reference"),
        migrations.RemoveField("consult", "first_name"),
        migrations.RemoveField("consult", "reference_is_not_bsn"),
        migrations.AddIndex("consult", models.Index(fields=["patient", "created_at"], name="consult_patient_created")),
    ]
