"""The one specific question of a consult became a question per recipient: each recipient
that received it keeps it, the occupational physician (who never did) does not."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from consult.models import Consult
from explanations.models import Recipient
from tests.factories import mrs_k_consult

BEFORE = [("consult", "0006_icpc_choices")]

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_the_question_goes_to_every_recipient_that_received_it(content, anna):
    consult = mrs_k_consult(user=anna)
    untouched = mrs_k_consult(user=anna, agreement="no")
    try:
        old = migrate(BEFORE)
        OldConsult = old.get_model("consult", "Consult")
        OldConsult.objects.filter(pk=consult.pk).update(referral_question="Graag uw oordeel over de knie.")
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    migrated = Consult.objects.get(pk=consult.pk)
    full = [r.slug for r in Recipient.objects.filter(version=consult.content_version, scope="full")]
    assert "bedrijfsarts" not in full and len(full) >= 5
    assert migrated.referral_question == {slug: "Graag uw oordeel over de knie." for slug in full}
    assert Consult.objects.get(pk=untouched.pk).referral_question == {}


def test_going_back_keeps_the_questions_as_one(content, anna):
    consult = mrs_k_consult(user=anna)
    Consult.objects.filter(pk=consult.pk).update(referral_question={"poh_ggz": "Vraag A", "specialist": "Vraag B",
                                                                    "psycholoog": "Vraag A"})
    try:
        old = migrate(BEFORE)
        assert old.get_model("consult", "Consult").objects.get(pk=consult.pk).referral_question == "Vraag A\nVraag B"
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
