"""Each user chooses the app's language; Dutch is the default. Patient handouts,
referral letters and SOEP lines stay Dutch whatever the screen's language."""

from django.urls import reverse

from practices.models import User
from tests.conftest import client_for
from tests.helpers import step_url, url


def switch(client, language, next_url="/"):
    return client.post(reverse("ui_language"), {"language": language, "next": next_url})


def test_dutch_by_default_and_english_after_the_switch(content, anna, joost, anna_client):
    page = anna_client.get(reverse("patient_list")).content.decode()
    assert '<html lang="nl">' in page and "Patiënten" in page
    response = switch(anna_client, "en", reverse("patient_list"))
    assert response["Location"] == reverse("patient_list")
    assert User.objects.get(pk=anna.pk).ui_language == "en"
    page = anna_client.get(reverse("patient_list")).content.decode()
    assert '<html lang="en">' in page and "No patients in this practice yet." in page and "Log out" in page
    other = client_for(joost).get(reverse("patient_list")).content.decode()
    assert '<html lang="nl">' in other and "Nog geen patiënten in deze praktijk." in other


def test_an_unknown_language_or_an_outside_address_changes_nothing(content, anna, anna_client):
    response = switch(anna_client, "xx", "https://example.com/")
    assert response["Location"] == "/" and User.objects.get(pk=anna.pk).ui_language == "nl"
    assert anna_client.get(reverse("ui_language")).status_code == 405


def test_the_login_page_is_dutch_for_a_new_visitor(client, db):
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="nl">' in page and "Inloggen" in page


def test_handout_referral_and_soep_stay_dutch_on_an_english_screen(mrs_k, anna, anna_client):
    switch(anna_client, "en")
    assert "Log out" in anna_client.get(step_url(mrs_k, "afronden")).content.decode()
    handout = anna_client.get(url("consult_handout", mrs_k)).content.decode()
    assert '<html lang="nl">' in handout and "In het kort" in handout and "In short" not in handout
    presentation = anna_client.get(url("consult_presentation", mrs_k)).content.decode()
    assert '<html lang="nl">' in presentation
    referral = anna_client.get(url("consult_referral", mrs_k) + "?voor=fysiotherapeut").content.decode()
    assert "Low back" not in referral and "symptom/complaint" not in referral


def test_field_labels_follow_each_users_language_in_one_process(mrs_k, anna, joost, anna_client):
    """Step pages read each lazy label once per language (autosave/rendering.py): a GP on
    English gets English labels, a colleague on Dutch right after still Dutch ones."""
    path = step_url(mrs_k, "scegs")
    assert '<label class="form-label" for="id_complaints">Klachten</label>' in anna_client.get(path).content.decode()
    switch(anna_client, "en")
    english = anna_client.get(path).content.decode()
    assert '<label class="form-label" for="id_complaints">Symptoms</label>' in english and ">Asked</legend>" in english
    dutch = client_for(joost).get(path).content.decode()
    assert '<label class="form-label" for="id_complaints">Klachten</label>' in dutch and ">Gevraagd</legend>" in dutch
