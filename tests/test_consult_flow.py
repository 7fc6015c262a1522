"""One rule per step: the progress bar and "Opslaan en verder" agree in every state."""

import re

import pytest

from consult import flow
from tests.factories import mrs_k_consult, new_consult, save
from tests.helpers import post_step, step_url

FORM_STEPS = [step for step in flow.STEPS if step.form_class is not None]


def mrs_k(user, **answers):
    return save(mrs_k_consult(user=user), user, **answers)


STATES = {
    "new": lambda u: new_consult(user=u),
    "without permission": lambda u: save(new_consult(user=u), u, permission_given=False),
    "red flags not asked": lambda u: save(new_consult(user=u), u, red_flags="not_asked", severity="licht"),
    "red flags none, no severity": lambda u: save(new_consult(user=u), u, red_flags="none"),
    "red flag present, no action": lambda u: mrs_k(u, red_flags="present", red_flags_present="bloed bij ontlasting"),
    "red flag dealt with, no reason": lambda u: mrs_k(u, red_flags="present", red_flags_present="koorts",
                                                       red_flag_action="dealt_with"),
    "red flag dealt with, reason": lambda u: mrs_k(u, red_flags="present", red_flags_present="koorts",
                                                    red_flag_action="dealt_with", red_flag_action_note="griep, over"),
    "agreement yes without own words": lambda u: mrs_k(u, patient_words=""),
    "agreement partly without what first": lambda u: mrs_k(u, agreement="partly", needed_first=""),
    "agreement partly with what first": lambda u: mrs_k(u, agreement="partly", needed_first="time"),
    "partly, going on anyway": lambda u: mrs_k(u, agreement="partly", needed_first="time", proceed_without_agreement=True),
    "no agreement": lambda u: mrs_k_consult(user=u, agreement="no"),
    "model without metaphor": lambda u: mrs_k(u, metaphors=[]),
    "empty plan": lambda u: mrs_k(u, advice=[], referrals=[], next_appointment=""),
    "complete": lambda u: mrs_k_consult(user=u),
}


def progress_bar(html):
    """{step key: (done, waiting)} as the page draws it."""
    bar = {}
    for match in re.finditer(r'<li class="step([^"]*)" data-step="(\w+)">', html):
        classes = match.group(1).split()
        bar[match.group(2)] = ("done" in classes, "waiting" in classes)
    return bar


@pytest.mark.parametrize("state", STATES)
def test_the_progress_bar_and_save_and_next_agree(state, content, anna, anna_client):
    consult = STATES[state](anna)
    for step in FORM_STEPS:
        html = anna_client.get(step_url(consult, step.segment), follow=True).content.decode()
        done, waiting = progress_bar(html)[step.key]
        assert waiting == (not step.is_applicable(consult)), (state, step.key)
        if waiting:
            assert anna_client.get(step_url(consult, step.segment)).status_code == 302
            continue
        response = post_step(anna_client, consult, step.segment, htmx=False, _next="1")
        went_on = response.status_code == 302
        assert went_on == done, (state, step.key, done)
        if not done:
            for name, message in step.missing(consult).items():
                assert str(message) in response.content.decode(), (state, step.key, name)


def test_every_step_form_edits_only_answers_and_every_missing_field_is_on_its_form(content, anna):
    from consult.models import Consult

    consult = new_consult(user=anna)
    for step in FORM_STEPS:
        fields = set(step.form_class.Meta.fields)
        assert fields <= Consult.ANSWER_FIELDS, step.key
        for state in STATES.values():
            assert set(step.missing(state(anna))) <= fields, step.key
    assert flow.get_step("finish").is_applicable(consult)


def test_the_handout_and_explanation_rules_are_written_once():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sources = [p for p in root.rglob("*.py") if ".venv" not in p.parts and "migrations" not in p.parts and "tests" not in p.parts]
    for pattern in ("may_explain and", "has_agreement or", "proceed_without_agreement)"):
        places = [p.relative_to(root).as_posix() for p in sources for _ in range(p.read_text().count(pattern))]
        assert places == ["consult/models.py"], (pattern, places)
