"""The outputs page is reachable by a link whenever its texts are usable, also before an
explanation (issue 10, part 4)."""

from tests.factories import mrs_k_consult
from tests.helpers import step_url


def test_before_an_explanation_every_step_links_to_the_outputs(content, anna, anna_client):
    consult = mrs_k_consult(user=anna, agreement="partly")
    finish = step_url(consult, "afronden")
    for step in ["scegs", "probleemdefinitie"]:
        assert f'href="{finish}"' in anna_client.get(step_url(consult, step)).content.decode(), step
    assert "Nog geen uitleg gegeven." in anna_client.get(finish).context["referral_text"]
