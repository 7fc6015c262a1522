"""The access log moves to its own app; every row is kept, with its id and time."""

from django.db import migrations


def move_rows(apps, schema_editor):
    Old = apps.get_model("consult", "AccessEvent")
    New = apps.get_model("audit", "AccessEvent")
    batch = []
    for event in Old.objects.order_by("id").iterator():
        batch.append(New(
            id=event.id, at=event.at, practice_id=event.practice_id, user_id=event.user_id,
            consult_id=event.consult_id, patient_reference=event.patient_reference,
            action=event.action, what=event.what, ip_address=event.ip_address,
        ))
        if len(batch) >= 1000:
            New.objects.bulk_create(batch)
            batch = []
    New.objects.bulk_create(batch)
    # bulk_create kept the ids; times were copied as they were (auto_now_add only sets new rows).
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT setval(pg_get_serial_sequence('audit_accessevent', 'id'), COALESCE(MAX(id), 1)) FROM audit_accessevent")


def move_rows_back(apps, schema_editor):
    Old = apps.get_model("consult", "AccessEvent")
    New = apps.get_model("audit", "AccessEvent")
    Consult = apps.get_model("consult", "Consult")
    existing = set(Consult.objects.values_list("pk", flat=True))
    Old.objects.bulk_create([
        Old(id=e.id, at=e.at, practice_id=e.practice_id, user_id=e.user_id,
            consult_id=e.consult_id if e.consult_id in existing else None,
            patient_reference=e.patient_reference, action=e.action, what=e.what[:60], ip_address=e.ip_address)
        for e in New.objects.order_by("id").iterator()
    ], batch_size=1000)
    New.objects.all().delete()  # moved back, not copied


class Migration(migrations.Migration):

    dependencies = [
        ("consult", "0002_choices_by_slug"),
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(move_rows, move_rows_back),
        migrations.DeleteModel("AccessEvent"),
    ]
