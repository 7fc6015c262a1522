from .client import client_ip
from .models import AccessEvent


def log_access(*, user, action, what="", subject=None, request=None):
    """Write one access-log row.

    `subject` is the record the access concerns (anything with `pk` and
    `patient_reference`); `request` gives the client's address.
    """
    return AccessEvent.objects.create(
        practice_id=user.practice_id,
        user=user,
        consult_id=subject.pk if subject is not None else None,
        patient_reference=subject.patient_reference if subject is not None else "",
        action=action,
        what=what[:200],
        ip_address=client_ip(request) if request is not None else None,
    )
