"""The client's address as the access log (and the login lockout) records it."""

import ipaddress

from django.conf import settings


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The address of the browser, or None when it cannot be known.

    Behind TRUSTED_PROXY_COUNT proxies, each appends the address it saw to
    X-Forwarded-For; the entry the farthest trusted proxy added is the client. Entries
    before it come from the client and can say anything; a value that is not an IP
    address is never used.
    """
    remote = _valid(request.META.get("REMOTE_ADDR") or "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < count or not forwarded[-count].strip():
        return remote
    return _valid(forwarded[-count]) or remote
