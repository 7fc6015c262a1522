"""Content editors edit the library in the admin and see no practice, user or patient."""

from django.core.management import call_command
from django.urls import reverse

from practices.models import User
from tests.conftest import client_for
from tests.factories import new_consult
from tests.helpers import step_url


def test_a_content_editor_edits_content_and_sees_nothing_of_practices(content, anna, capsys):
    call_command("create_content_editor", "redactie", "--name", "Rika Dijk")
    editor = User.objects.get(username="redactie")
    assert editor.practice is None and editor.role == "content_editor" and editor.is_staff
    client = client_for(editor)
    index = client.get(reverse("admin:index")).content.decode()
    assert "Verklaringsmodellen" in index or "verklaringsmodellen" in index.lower()
    for hidden in ["Praktijken", "Gebruikers", "Toegangslog"]:
        assert f">{hidden}<" not in index
    assert client.get(reverse("admin:practices_user_changelist")).status_code == 403
    assert client.get(reverse("admin:practices_practice_changelist")).status_code == 403
    assert client.get(reverse("admin:audit_accessevent_changelist")).status_code == 403
    consult = new_consult(user=anna)
    assert client.get(reverse("patient_list")).status_code == 403
    assert client.get(step_url(consult, "scegs")).status_code == 403
    assert client.get(reverse("home"))["Location"] == reverse("admin:index")
    metaphors = client.get(reverse("admin:explanations_metaphor_changelist"))
    assert metaphors.status_code == 200


def test_no_account_attaches_itself_to_a_practice_through_the_admin(content, linde):
    admin_user = User.objects.create_superuser("beheer", "b@example.nl", "beheer-password-1")
    client = client_for(admin_user)
    change = reverse("admin:practices_user_change", args=[admin_user.pk])
    form = client.get(change).context["adminform"].form
    assert "practice" not in form.fields and "role" not in form.fields and "is_superuser" not in form.fields
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(practice=linde.pk, role="gp")
    client.post(change, data)
    admin_user.refresh_from_db()
    assert admin_user.practice is None
    assert client.get(reverse("admin:practices_user_add")).status_code == 403


def test_every_admin_change_to_users_is_logged_in_that_practice(content, anna, linde):
    from audit.models import AccessEvent

    admin_user = User.objects.create_superuser("beheer", "b@example.nl", "beheer-password-1")
    client = client_for(admin_user)
    change = reverse("admin:practices_user_change", args=[anna.pk])
    form = client.get(change).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(first_name="Annemarie")
    client.post(change, data)
    password = reverse("admin:auth_user_password_change", args=[anna.pk])
    answer = client.post(password, {"password1": "Nieuw-wachtwoord-2026", "password2": "Nieuw-wachtwoord-2026", "usable_password": "true"})
    assert answer.status_code == 302, answer.context["adminform"].form.errors if answer.context else answer
    whats = list(AccessEvent.objects.filter(action="change", practice=linde).values_list("what", flat=True))
    assert f"beheer:gebruiker:{anna.pk},first_name" in whats
    assert f"beheer:gebruiker:{anna.pk},wachtwoord" in whats
