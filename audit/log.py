from .client import client_ip
from .models import AccessEvent


def log_access(*, user, action, what="", subject=None, request=None, practice_id=None):
    """Write one access-log row.

    `subject` is the record the access concerns (anything with `pk`, `patient_id` and
    `patient_reference`); `request` gives the client's address. The row belongs to the
    user's practice unless `practice_id` names another (a change to a practice's users
    made by an administrator belongs to that practice).
    """
    return AccessEvent.objects.create(
        practice_id=practice_id if practice_id is not None else getattr(user, "practice_id", None),
        user=user,
        record_id=subject.pk if subject is not None else None,
        patient_id=getattr(subject, "patient_id", None) if subject is not None else None,
        patient_reference=subject.patient_reference if subject is not None else "",
        action=action,
        what=what,
        ip_address=client_ip(request) if request is not None else None,
    )
