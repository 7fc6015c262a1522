"""The library is edited in the admin: draft from a version, edit, publish."""

import pytest
from django.urls import reverse

from explanations.models import ContentVersion, Metaphor
from practices.models import User


@pytest.fixture
def admin_client(client, db):
    from tests.conftest import client_for

    return client_for(User.objects.create_superuser("beheer", "beheer@example.nl", "beheer-password-1"))


def test_draft_edit_publish(content, admin_client):
    changelist = reverse("admin:explanations_contentversion_changelist")
    admin_client.post(changelist, {"action": "make_draft", "_selected_action": [content.pk]})
    draft = ContentVersion.objects.get(status="draft")

    published_metaphor = Metaphor.objects.get(version=content, slug="zoomlens")
    page = admin_client.get(reverse("admin:explanations_metaphor_change", args=[published_metaphor.pk]))
    assert b'name="name"' not in page.content  # published: read-only

    metaphor = Metaphor.objects.get(version=draft, slug="zoomlens")
    change_url = reverse("admin:explanations_metaphor_change", args=[metaphor.pk])
    form = admin_client.get(change_url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data.update(name="Vergrootglas", presentation_lines='["Uw aandacht vergroot het signaal."]')
    data["models"] = data.get("models") or []
    response = admin_client.post(change_url, {k: v for k, v in data.items() if v is not None})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Metaphor.objects.get(pk=metaphor.pk).name == "Vergrootglas"
    assert Metaphor.objects.get(pk=published_metaphor.pk).name == "Zoomlens"

    admin_client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    assert ContentVersion.current() == draft


def test_staff_without_permissions_cannot_change_draft_content(content, client):
    from explanations.actions import create_draft_from

    draft = create_draft_from(version=content)
    metaphor = Metaphor.objects.get(version=draft, slug="zoomlens")
    from tests.conftest import client_for

    client = client_for(User.objects.create_user("stagiair", password="stagiair-password-1", is_staff=True))
    change_url = reverse("admin:explanations_metaphor_change", args=[metaphor.pk])
    assert client.post(change_url, {"name": "Weg"}).status_code == 403
    assert client.post(reverse("admin:explanations_metaphor_delete", args=[metaphor.pk]), {"post": "yes"}).status_code == 403
    assert Metaphor.objects.get(pk=metaphor.pk).name == "Zoomlens"


def test_publishing_refuses_a_phrase_to_avoid(content, admin_client):
    changelist = reverse("admin:explanations_contentversion_changelist")
    admin_client.post(changelist, {"action": "make_draft", "_selected_action": [content.pk]})
    draft = ContentVersion.objects.get(status="draft")
    metaphor = Metaphor.objects.get(version=draft, slug="zoomlens")
    metaphor.patient_text = "Het zit tussen de oren."
    metaphor.save()
    response = admin_client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]}, follow=True)
    assert "niet gepubliceerd" in response.content.decode()
    assert ContentVersion.current() == content


def test_editing_a_published_row_opens_it_in_a_draft(content, admin_client):
    published = Metaphor.objects.get(version=content, slug="volumeknoppen")
    page = admin_client.get(reverse("admin:explanations_metaphor_change", args=[published.pk])).content.decode()
    assert "Bewerken in het concept" in page
    edit_url = reverse("admin:explanations_metaphor_edit_in_draft", args=[published.pk])
    response = admin_client.post(edit_url)
    draft = ContentVersion.objects.get(status="draft")
    twin = Metaphor.objects.get(version=draft, slug="volumeknoppen")
    assert response["Location"] == reverse("admin:explanations_metaphor_change", args=[twin.pk])
    assert b'name="name"' in admin_client.get(response["Location"]).content  # editable there
    # A second edit goes into the same draft.
    other = Metaphor.objects.get(version=content, slug="zoomlens")
    admin_client.post(reverse("admin:explanations_metaphor_edit_in_draft", args=[other.pk]))
    assert ContentVersion.objects.filter(status="draft").count() == 1


def test_a_get_never_makes_a_draft_and_staff_without_rights_cannot(content, admin_client, client):
    published = Metaphor.objects.get(version=content, slug="zoomlens")
    edit_url = reverse("admin:explanations_metaphor_edit_in_draft", args=[published.pk])
    admin_client.get(edit_url)
    assert not ContentVersion.objects.filter(status="draft").exists()
    from tests.conftest import client_for

    client = client_for(User.objects.create_user("assistent", password="assistent-password-1", is_staff=True))
    assert client.post(edit_url).status_code == 403
    assert not ContentVersion.objects.filter(status="draft").exists()


def test_an_old_draft_is_not_reused_for_a_newer_version(content, admin_client):
    from explanations.actions import create_draft_from, publish

    stale_draft = create_draft_from(version=content)
    newer = publish(version=create_draft_from(version=content))
    published = Metaphor.objects.get(version=newer, slug="zoomlens")
    response = admin_client.post(reverse("admin:explanations_metaphor_edit_in_draft", args=[published.pk]))
    fresh = ContentVersion.objects.filter(status="draft").exclude(pk=stale_draft.pk).get()
    assert fresh.number > newer.number
    assert response["Location"] == reverse("admin:explanations_metaphor_change", args=[Metaphor.objects.get(version=fresh, slug="zoomlens").pk])
