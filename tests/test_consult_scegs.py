import pytest

from consult.models import Consult
from explanations.models import MaintainingFactor, SampleQuestion, SeverityGrade
from tests.factories import new_consult
from tests.helpers import assert_other_practice_gets_404, url

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def consult(content, anna):
    return new_consult(user=anna)


def test_page_shows_five_panels_with_questions_and_factors(consult, anna_client):
    html = anna_client.get(url("consult_scegs", consult)).content.decode()
    for label in ["Somatisch", "Cognitief", "Emotioneel", "Gedragsmatig", "Sociaal"]:
        assert f"<summary class=\"card-header fw-semibold\">{label}</summary>" in html
    question = SampleQuestion.objects.filter(version=consult.content_version, dimension="emotioneel").first()
    assert question.text in html
    assert "Catastroferen" in html or "catastroferen" in html.lower()
    grade = SeverityGrade.objects.get(version=consult.content_version, slug="ernstig")
    assert grade.stepped_care in html


def test_autosave_stores_notes_questions_and_factors_and_raises_the_version(consult, anna_client):
    question = SampleQuestion.objects.filter(version=consult.content_version, dimension="cognitief").first()
    factor = MaintainingFactor.objects.get(version=consult.content_version, slug="somberheid")
    response = anna_client.post(url("consult_scegs", consult), {
        "version": consult.version, "cognitive_note": "Denkt aan reuma",
        "questions_cognitief": [question.pk], "factors_emotioneel": [factor.pk],
    }, **HTMX)
    html = response.content.decode()
    assert "Opgeslagen om" in html
    assert f'value="{consult.version + 1}" id="id_version" hx-swap-oob="true"' in html
    assert response["Vary"] and "HX-Request" in response["Vary"]
    saved = Consult.objects.get(pk=consult.pk)
    assert saved.cognitive_note == "Denkt aan reuma"
    assert list(saved.asked_questions.all()) == [question]
    assert list(saved.factors.all()) == [factor]


def test_a_stale_save_is_refused_with_a_conflict_message(consult, anna_client):
    anna_client.post(url("consult_scegs", consult), {"version": consult.version, "social_note": "eerste"}, **HTMX)
    response = anna_client.post(url("consult_scegs", consult), {"version": consult.version, "social_note": "tweede"}, **HTMX)
    assert "iemand anders heeft dit consult intussen gewijzigd" in response.content.decode()
    assert Consult.objects.get(pk=consult.pk).social_note == "eerste"


def test_a_1mb_paste_gets_a_message_beside_the_field_and_is_not_lost(consult, anna_client):
    paste = "klacht " * 150_000
    response = anna_client.post(url("consult_scegs", consult), {"version": consult.version, "complaints": paste})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Maximaal 2000 tekens; u heeft er nu 1049999" in html
    assert paste.strip() in html  # the page comes back with the text still in the field
    assert Consult.objects.get(pk=consult.pk).complaints == ""


def test_autosave_of_a_too_long_note_reports_beside_the_field(consult, anna_client):
    response = anna_client.post(url("consult_scegs", consult), {"version": consult.version, "somatic_note": "x" * 4001}, **HTMX)
    html = response.content.decode()
    assert 'id="feedback-somatic_note"' in html and "Maximaal 4000 tekens" in html
    assert "Niet opgeslagen" in html


def test_control_characters_are_removed_and_html_is_kept_as_text(consult, anna_client):
    anna_client.post(url("consult_scegs", consult), {"version": consult.version, "complaints": "Pijn\x00\x07 <b>erg</b>"}, **HTMX)
    assert Consult.objects.get(pk=consult.pk).complaints == "Pijn <b>erg</b>"
    html = anna_client.get(url("consult_scegs", consult)).content.decode()
    assert "&lt;b&gt;erg&lt;/b&gt;" in html and "<b>erg</b>" not in html


def test_finishing_needs_red_flags_and_severity(consult, anna_client):
    response = anna_client.post(url("consult_scegs", consult), {"version": consult.version, "_next": "1", "complaints": "Pijn"})
    html = response.content.decode()
    assert html.count("Vul dit in om verder te gaan.") == 2
    assert Consult.objects.get(pk=consult.pk).complaints == "Pijn"  # nothing typed is lost


def test_finishing_goes_to_the_problem_definition(consult, anna_client):
    grade = SeverityGrade.objects.get(version=consult.content_version, slug="licht")
    response = anna_client.post(url("consult_scegs", consult), {
        "version": consult.version, "_next": "1", "red_flags_asked": "yes", "severity": grade.pk,
    })
    assert response["Location"] == url("consult_problem_definition", consult)


def test_htmx_finish_redirects_the_client(consult, anna_client):
    grade = SeverityGrade.objects.get(version=consult.content_version, slug="licht")
    response = anna_client.post(url("consult_scegs", consult), {
        "version": consult.version, "_next": "1", "red_flags_asked": "yes", "severity": grade.pk,
    }, **HTMX)
    assert response["HX-Redirect"] == url("consult_problem_definition", consult)


def test_language_guard_warns_while_typing(consult, anna_client):
    response = anna_client.post(url("consult_scegs", consult), {"version": consult.version, "cognitive_note": "Zij denkt dat het tussen de oren zit"}, **HTMX)
    html = response.content.decode()
    assert "Liever niet: “tussen de oren”" in html
    assert "Schrijf liever:" in html
    assert Consult.objects.get(pk=consult.pk).cognitive_note.startswith("Zij denkt")  # a warning, not a block


def test_other_practice_gets_404(consult, bram_client):
    assert_other_practice_gets_404(bram_client, "consult_scegs", consult)
    assert_other_practice_gets_404(bram_client, "consult_scegs", consult, method="post", data={"version": 1, "complaints": "x"})
    assert Consult.objects.get(pk=consult.pk).complaints == ""


def test_a_save_without_changes_keeps_the_version(consult, anna_client):
    from consult.models import AccessEvent

    anna_client.post(url("consult_scegs", consult), {"version": consult.version, "social_note": "Werkt"}, **HTMX)
    saved = Consult.objects.get(pk=consult.pk)
    changes = AccessEvent.objects.filter(consult=consult, action="change").count()
    form = anna_client.get(url("consult_scegs", consult)).context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, [])}
    data.update(version=saved.version, social_note="Werkt")
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in data.items() if k in form.fields}
    response = anna_client.post(url("consult_scegs", consult), data, **HTMX)
    assert "Opgeslagen" in response.content.decode()
    assert Consult.objects.get(pk=consult.pk).version == saved.version
    assert AccessEvent.objects.filter(consult=consult, action="change").count() == changes


def test_autosave_after_the_session_expired_answers_401_not_the_login_page(consult, client):
    response = client.post(url("consult_scegs", consult), {"version": consult.version, "complaints": "Pijn"}, **HTMX)
    assert response.status_code == 401 and response.content == b""
    assert Consult.objects.get(pk=consult.pk).complaints == ""
    plain = client.post(url("consult_scegs", consult), {"version": consult.version, "complaints": "Pijn"})
    assert plain.status_code == 302 and "/login/" in plain["Location"]
