"""A practice uses the app at once: ten people saving the same and different consults.

Runs on the database the suite runs on; on SQLite that is a file with the app's own
settings (WAL, immediate transactions, busy timeout), as in production.
"""

import re
import threading

import pytest
from django.db import connection

from autosave.merge import token
from consult.models import Consult
from tests.conftest import client_for
from tests.factories import mrs_k_consult, new_consult
from tests.helpers import step_url

pytestmark = pytest.mark.django_db(transaction=True)
ROUNDS = 12


def state_of(response):
    match = re.search(r'id="save-status"[^>]*data-state="(\w+)"', response.content.decode())
    return match.group(1) if match else f"http {response.status_code}"


class Typist(threading.Thread):
    """One person saving one field of one consult, round after round, as the page would."""

    def __init__(self, user, consult, field, segment="scegs"):
        super().__init__()
        self.client = client_for(user)
        self.consult, self.field, self.segment = consult, field, segment
        self.results = []  # (base value, value sent, state)
        self.errors = []

    def run(self):
        try:
            believed = getattr(Consult.objects.get(pk=self.consult.pk), self.field)
            for n in range(ROUNDS):
                value = f"{self.name} {n}"
                response = self.client.post(step_url(self.consult, self.segment), {
                    self.field: value, f"base-{self.field}": token(believed),
                }, HTTP_HX_REQUEST="true")
                state = state_of(response)
                self.results.append((believed, value, state))
                if response.status_code != 200:
                    self.errors.append(f"{value}: HTTP {response.status_code}")
                if state == "saved":
                    believed = value
                elif state == "conflict":  # the person reads what the other wrote, then goes on
                    believed = getattr(Consult.objects.get(pk=self.consult.pk), self.field)
        except Exception as exc:  # noqa: BLE001 - any error fails the test below
            self.errors.append(repr(exc))
        finally:
            connection.close()


class Finaliser(threading.Thread):
    def __init__(self, user, consult):
        super().__init__()
        self.client = client_for(user)
        self.consult = consult
        self.statuses = []
        self.errors = []

    def run(self):
        try:
            for _ in range(3):
                version = Consult.objects.get(pk=self.consult.pk).version
                response = self.client.post(f"/consulten/{self.consult.pk}/afronden/vastleggen/", {"version": version})
                self.statuses.append(response.status_code)
        except Exception as exc:  # noqa: BLE001
            self.errors.append(repr(exc))
        finally:
            connection.close()


def test_ten_people_saving_at_once_lose_nothing_and_never_overwrite_silently(content, anna, joost, bram):
    shared = new_consult(user=anna, reference="GEDEELD")
    contested = new_consult(user=anna, reference="BETWIST")
    other_practice = new_consult(user=bram, reference="ANDER")
    to_finalise = mrs_k_consult(user=anna)
    typists = [
        Typist(anna, shared, "somatic_note"),
        Typist(joost, shared, "cognitive_note"),
        Typist(anna, shared, "emotional_note"),
        Typist(joost, shared, "social_note"),
        Typist(anna, contested, "complaints"),
        Typist(joost, contested, "complaints"),
        Typist(bram, other_practice, "complaints"),
        Typist(bram, other_practice, "medication"),
        Typist(joost, to_finalise, "next_appointment", segment="plan"),
    ]
    finaliser = Finaliser(anna, to_finalise)
    everyone = [*typists, finaliser]
    for person in everyone:
        person.start()
    for person in everyone:
        person.join(timeout=120)

    assert [e for person in everyone for e in person.errors] == []
    assert all(status == 302 for status in finaliser.statuses)

    # Different fields never conflict, and every last value is stored.
    for typist in typists[:4] + typists[6:8]:
        assert {state for _, _, state in typist.results} == {"saved"}, typist.field
        assert getattr(Consult.objects.get(pk=typist.consult.pk), typist.field) == f"{typist.name} {ROUNDS - 1}"

    # The same field: each save was stored on top of the one before it, or refused as a conflict.
    saves = [(base, value) for t in typists[4:6] for base, value, state in t.results if state == "saved"]
    conflicts = [1 for t in typists[4:6] for _, _, state in t.results if state == "conflict"]
    assert {state for t in typists[4:6] for _, _, state in t.results} <= {"saved", "conflict"}
    following = dict(saves)
    assert len(following) == len(saves), "two saves started from the same text: one overwrote the other"
    chain, value = [], ""
    while value in following:
        value = following[value]
        chain.append(value)
    assert len(chain) == len(saves) and Consult.objects.get(pk=contested.pk).complaints == chain[-1]
    assert conflicts or len(saves) == 2 * ROUNDS

    # Finalising while someone types: either it froze a version, or the typing was refused afterwards.
    final = Consult.objects.get(pk=to_finalise.pk)
    states = {state for _, _, state in typists[8].results}
    assert states <= {"saved", "final", "conflict"}
    assert final.is_final == final.issues.exists()


def test_a_save_from_a_consult_loaded_before_someone_else_saved_merges_with_what_is_stored(content, anna):
    """A request loads the consult, someone else saves, then the request saves: the write
    that names the version it loaded does not land, and the answers are merged with what
    is stored now, as with a locked read."""
    from consult.actions import save_answers

    loaded = new_consult(user=anna)
    version = loaded.version
    save_answers(consult=Consult.objects.get(pk=loaded.pk), user=anna, answers={"social_note": "eerste"})
    result = save_answers(consult=loaded, user=anna, answers={"social_note": "tweede"}, bases={"social_note": token("")})
    assert result.conflicts == {"social_note": "eerste"} and result.changed == []
    result = save_answers(consult=loaded, user=anna, answers={"cognitive_note": "Denkt aan reuma"},
                          bases={"cognitive_note": token("")})
    assert result.saved == ["cognitive_note"]
    stored = Consult.objects.get(pk=loaded.pk)
    assert (stored.social_note, stored.cognitive_note, stored.version) == ("eerste", "Denkt aan reuma", version + 2)
