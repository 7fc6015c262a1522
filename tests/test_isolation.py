"""Isolation, proven over every URL: a user of another practice gets exactly what an id
that does not exist gets. A new view that forgets the scoping fails here."""

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from consult.flow import STEPS
from practices.actions import create_user
from practices.models import Role
from tests.conftest import client_for
from tests.factories import mrs_k_consult

SKIP_NAMESPACES = {"admin", "otp_webauthn"}


def patterns(resolver=None, prefix="", namespace=None):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIP_NAMESPACES:
                continue
            yield from patterns(entry, prefix + str(entry.pattern), entry.namespace)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def scoped_patterns():
    found = [(route, p) for route, p in patterns() if "<uuid:pk>" in route or "<int:pk>" in route]
    assert len(found) >= 12, found  # the test sees the project's views
    return found


def fill(route, pk, step=None):
    path = "/" + route.replace("<uuid:pk>", str(pk)).replace("<int:pk>", str(pk))
    return path.replace("<slug:step>", step or "scegs")


@pytest.fixture
def es_manager(es):
    return create_user(practice=es, username="esther", password="test-password-123", role=Role.MANAGER)


def test_every_scoped_url_answers_another_practice_as_an_unknown_id(content, anna, sanne, bram, es_manager):
    consult = mrs_k_consult(user=anna)
    clients = {"clinician": client_for(bram), "manager": client_for(es_manager)}
    checked = 0
    for route, pattern in scoped_patterns():
        record, unknown = (consult.pk, uuid.uuid4()) if "<uuid:pk>" in route else (sanne.pk, 10**9)
        steps = [s.segment for s in STEPS] if "<slug:step>" in route else [None]
        for step in steps:
            for who, client in clients.items():
                for method in ("get", "post"):
                    theirs = getattr(client, method)(fill(route, record, step), {"version": "1", "what": "referral"})
                    none = getattr(client, method)(fill(route, unknown, step), {"version": "1", "what": "referral"})
                    assert theirs.status_code in (403, 404, 405), (route, who, method, theirs.status_code)
                    assert (theirs.status_code, theirs.content) == (none.status_code, none.content), (route, who, method)
                    assert b"MK-1979" not in theirs.content
                    checked += 1
    assert checked >= 60
    consult.refresh_from_db()
    assert consult.next_appointment == "Over vier weken bij de POH-GGZ" and not consult.is_final
    sanne.refresh_from_db()
    assert sanne.is_active


def test_every_consult_view_loads_its_consult_through_the_scoped_decorator():
    for route, pattern in scoped_patterns():
        if "<uuid:pk>" in route:
            assert getattr(pattern.callback, "scoped_to_practice", False), route
