import pytest

from audit.models import AccessEvent
from consult.models import Consult
from tests.factories import new_consult, save
from tests.helpers import assert_other_practice_gets_404, form_data, oob, post_step, step_url


@pytest.fixture
def consult(content, anna):
    return new_consult(user=anna)


def test_page_shows_five_panels_with_questions_and_factors(consult, anna_client):
    html = anna_client.get(step_url(consult, "scegs")).content.decode()
    for label in ["Somatisch", "Cognitief", "Emotioneel", "Gedragsmatig", "Sociaal"]:
        assert f'<summary class="card-header fw-semibold">{label}</summary>' in html
    assert "Wat voelt u als de klachten er zijn?" in html
    assert "Catastroferen" in html
    assert "Verwijzing naar gespecialiseerde zorg." in html  # the stepped care of "ernstig"
    # Each factor sits in its own dimension's panel.
    emotional = html[html.index('id="panel-emotioneel"'):html.index('id="panel-gedragsmatig"')]
    assert "Somberheid" in emotional and "Catastroferen" not in emotional


def test_autosave_stores_notes_questions_and_factors_and_answers_only_what_changed(consult, anna_client):
    response = post_step(anna_client, consult, "scegs", cognitive_note="Denkt aan reuma",
                         asked_questions=["c-oorzaak"], factors=["somberheid"])
    html = response.content.decode()
    assert "Opgeslagen om" in oob(html, "save-status")
    assert oob(html, "base-cognitive_note") and oob(html, "base-factors")
    assert not oob(html, "base-social_note") and not oob(html, "feedback-social_note")  # untouched fields stay out
    assert "<form" not in html and "<textarea" not in html
    assert "HX-Request" in response["Vary"]
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.cognitive_note == "Denkt aan reuma"
    assert saved.asked_questions == ["c-oorzaak"] and saved.factors == ["somberheid"]
    assert saved.version == consult.version + 1


def test_the_same_field_changed_by_someone_else_is_a_conflict_with_both_texts_kept(consult, anna, anna_client):
    stale = form_data(anna_client, step_url(consult, "scegs"))
    save(consult, anna, social_note="eerste")  # someone else, meanwhile
    response = post_step(anna_client, consult, "scegs", data=stale, social_note="tweede")
    html = response.content.decode()
    assert "iemand anders wijzigde intussen een veld" in oob(html, "save-status")
    feedback = oob(html, "feedback-social_note")
    assert "Iemand anders heeft dit veld intussen gewijzigd" in feedback and "eerste" in feedback
    assert Consult.objects.get(pk=consult.pk).social_note == "eerste"
    # The user keeps their own text on purpose.
    response = post_step(anna_client, consult, "scegs", data=stale, social_note="tweede", _keep_mine="social_note")
    assert Consult.objects.get(pk=consult.pk).social_note == "tweede"
    assert "Opgeslagen om" in oob(response.content.decode(), "save-status")


def test_taking_their_text_puts_it_in_the_page(consult, anna, anna_client):
    import json

    stale = form_data(anna_client, step_url(consult, "scegs"))
    save(consult, anna, social_note="hun tekst")
    response = post_step(anna_client, consult, "scegs", data=stale, social_note="mijn tekst", _take_theirs="social_note")
    assert json.loads(response["HX-Trigger"])["autosaved"]["values"] == {"social_note": "hun tekst"}
    assert Consult.objects.get(pk=consult.pk).social_note == "hun tekst"


def test_different_fields_never_conflict(consult, anna, anna_client):
    stale = form_data(anna_client, step_url(consult, "scegs"))
    save(consult, anna, social_note="door de POH-GGZ", factors=["werkstress"])
    response = post_step(anna_client, consult, "scegs", data=stale, cognitive_note="door de huisarts", factors=["somberheid"])
    assert "Opgeslagen om" in oob(response.content.decode(), "save-status")
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.social_note == "door de POH-GGZ" and saved.cognitive_note == "door de huisarts"
    assert set(saved.factors) == {"werkstress", "somberheid"}  # both ticks kept


def test_a_1mb_paste_is_reported_beside_its_field_and_the_other_fields_still_save(consult, anna_client):
    paste = "klacht " * 150_000
    response = post_step(anna_client, consult, "scegs", complaints=paste, social_note="Werkt fulltime")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Maximaal 2000 tekens; u heeft er nu 1049999" in oob(html, "feedback-complaints")
    assert "Niet alles is opgeslagen" in oob(html, "save-status")
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.complaints == "" and saved.social_note == "Werkt fulltime"
    assert not oob(html, "base-complaints")  # its base stays, so the text stays unsaved until shortened


def test_without_javascript_a_too_long_paste_comes_back_in_the_field(consult, anna_client):
    paste = "klacht " * 150_000
    response = post_step(anna_client, consult, "scegs", htmx=False, complaints=paste)
    html = response.content.decode()
    assert "Maximaal 2000 tekens; u heeft er nu 1049999" in html
    assert paste.strip() in html


def test_control_characters_are_removed_and_html_is_kept_as_text(consult, anna_client):
    post_step(anna_client, consult, "scegs", complaints="Pijn\x00\x07 <b>erg</b>")
    assert Consult.objects.get(pk=consult.pk).complaints == "Pijn <b>erg</b>"
    html = anna_client.get(step_url(consult, "scegs")).content.decode()
    assert "&lt;b&gt;erg&lt;/b&gt;" in html and "<b>erg</b>" not in html


def test_a_score_out_of_range_is_refused_by_the_model_beside_the_field(consult, anna_client):
    response = post_step(anna_client, consult, "scegs", phq15="31", csi="40")
    html = response.content.decode()
    assert "30" in oob(html, "feedback-phq15")
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.phq15 is None and saved.csi == 40


@pytest.mark.parametrize("value", [str(2**63), "-1", "99999999999999999999999", "slaap", "<script>"])
def test_an_unknown_choice_is_a_clear_error_never_a_500(consult, anna_client, value):
    response = post_step(anna_client, consult, "scegs", severity=value, factors=[value], social_note="blijft")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Selecteer een geldige keuze" in oob(html, "feedback-severity")
    assert Consult.objects.get(pk=consult.pk).social_note == "blijft"


def test_finishing_needs_red_flags_and_severity(consult, anna_client):
    response = post_step(anna_client, consult, "scegs", htmx=False, _next="1", complaints="Pijn")
    html = response.content.decode()
    assert "Vraag alarmsymptomen na voordat u verder gaat." in html
    assert "Vul dit in om verder te gaan." in html
    assert Consult.objects.get(pk=consult.pk).complaints == "Pijn"  # nothing typed is lost


def test_finishing_goes_to_the_problem_definition(consult, anna_client):
    response = post_step(anna_client, consult, "scegs", htmx=False, _next="1", red_flags="none", severity="licht")
    assert response["Location"] == step_url(consult, "probleemdefinitie")


def test_htmx_finish_redirects_the_client(consult, anna_client):
    response = post_step(anna_client, consult, "scegs", _next="1", red_flags="none", severity="licht")
    assert response["HX-Redirect"] == step_url(consult, "probleemdefinitie")


def test_language_guard_warns_while_typing(consult, anna_client):
    response = post_step(anna_client, consult, "scegs", cognitive_note="Zij denkt dat het tussen de oren zit")
    feedback = oob(response.content.decode(), "feedback-cognitive_note")
    assert "Liever niet: “tussen de oren”" in feedback and "Schrijf liever:" in feedback
    assert Consult.objects.get(pk=consult.pk).cognitive_note.startswith("Zij denkt")  # a warning, not a block


def test_other_practice_gets_404(consult, bram_client):
    assert_other_practice_gets_404(bram_client, step_url(consult, "scegs"), consult)
    assert_other_practice_gets_404(bram_client, step_url(consult, "scegs"), consult, method="post",
                                   data={"complaints": "x", "base-complaints": "H:0"})
    assert Consult.objects.get(pk=consult.pk).complaints == ""


def test_a_save_without_changes_keeps_the_version_and_logs_nothing(consult, anna_client):
    post_step(anna_client, consult, "scegs", social_note="Werkt")
    saved = Consult.objects.get(pk=consult.pk)
    changes = AccessEvent.objects.filter(record_id=consult.pk, action="change").count()
    response = post_step(anna_client, consult, "scegs")
    assert "Alles is opgeslagen." in oob(response.content.decode(), "save-status")
    assert Consult.objects.get(pk=consult.pk).version == saved.version
    assert AccessEvent.objects.filter(record_id=consult.pk, action="change").count() == changes


def test_autosave_after_the_session_expired_answers_401_not_the_login_page(consult, client):
    response = client.post(step_url(consult, "scegs"), {"complaints": "Pijn", "base-complaints": "x"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 401 and response.content == b""
    assert Consult.objects.get(pk=consult.pk).complaints == ""
    plain = client.post(step_url(consult, "scegs"), {"complaints": "Pijn"})
    assert plain.status_code == 302 and "/login/" in plain["Location"]


def test_a_text_the_page_held_back_as_too_long_is_named_and_the_rest_saves(consult, anna_client):
    data = form_data(anna_client, step_url(consult, "scegs"))
    del data["complaints"], data["base-complaints"]
    data.update(social_note="Werkt parttime", _held_back="complaints:3000000")
    response = anna_client.post(step_url(consult, "scegs"), data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Maximaal 2000 tekens; u heeft er nu 3000000" in oob(html, "feedback-complaints")
    assert "Niet alles is opgeslagen" in oob(html, "save-status")
    assert Consult.objects.get(pk=consult.pk).social_note == "Werkt parttime"
