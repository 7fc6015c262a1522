"""A practice with a realistic history, written in bulk: for the benchmark's scale runs
(100,000 consults and 1,000,000 access-log rows in minutes, not hours).

This is the one write path that skips the actions: it makes rows no user made, in a
practice of its own, and writes them with bulk_create in batches.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from audit.models import AccessEvent
from consult.models import Consult
from explanations.models import ContentVersion
from patients.models import Patient

COMPLAINTS = ["Pijn in rug en nek", "Moeheid en hoofdpijn", "Duizeligheid", "Buikpijn", "Hartkloppingen"]
ACTIONS = [AccessEvent.Action.READ, AccessEvent.Action.CHANGE, AccessEvent.Action.PRINT]


@transaction.atomic
def seed_history(*, practice, user, consults, log_rows, consults_per_patient=4, batch=5000, seed=1):
    """Add `consults` consults (about `consults_per_patient` per patient, spread over
    five years) and `log_rows` access-log rows to `practice`, as `user`."""
    rng = random.Random(seed)
    version = ContentVersion.current()
    now = timezone.now()
    span = int(datetime.timedelta(days=5 * 365).total_seconds())
    number_of_patients = max(1, consults // consults_per_patient)
    patients = [
        Patient(practice=practice, reference=f"S-{number:06d}", created_by=user,
                last_visit_at=now - datetime.timedelta(seconds=rng.randrange(span)))
        for number in range(number_of_patients)
    ]
    Patient.objects.bulk_create(patients, batch_size=batch)
    made = []
    for start in range(0, consults, batch):
        rows = []
        for number in range(start, min(start + batch, consults)):
            patient = patients[number % number_of_patients]
            rows.append(Consult(practice=practice, patient=patient, created_by=user, content_version=version,
                                complaints=rng.choice(COMPLAINTS), status=Consult.Status.FINAL,
                                referrals=["poh_ggz"] if number % 7 == 0 else []))
        made += Consult.objects.bulk_create(rows, batch_size=batch)
    for start in range(0, log_rows, batch):
        events = []
        for _ in range(start, min(start + batch, log_rows)):
            consult = made[rng.randrange(len(made))] if made else None
            events.append(AccessEvent(
                practice=practice, user=user, record_id=consult.pk if consult else None,
                patient_id=consult.patient_id if consult else None,
                patient_reference=consult.patient.reference if consult else "",
                action=rng.choice(ACTIONS), what="stap:scegs", ip_address="127.0.0.1",
            ))
        AccessEvent.objects.bulk_create(events, batch_size=batch)
    return number_of_patients
