"""The client's address as the access log records it."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or the address our own proxy saw when USE_X_FORWARDED_FOR is on.

    Only the last entry of X-Forwarded-For is taken: that is the one our proxy added;
    earlier entries come from the client and can say anything.
    """
    if settings.USE_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR") or None
