import xml.etree.ElementTree as ET

import pytest
from django.db import transaction

from explanations import bundle
from explanations.actions import create_draft_from, export_bundle, load_library, publish
from explanations.models import ContentVersion, ExplanationModel, Metaphor, PublishedContentError

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def test_loading_twice_changes_nothing():
    first, created = load_library()
    assert created
    counts = {m: m.objects.count() for m in (ContentVersion, ExplanationModel, Metaphor)}
    second, created_again = load_library()
    assert not created_again
    assert second.pk == first.pk
    assert {m: m.objects.count() for m in counts} == counts


def test_the_library_round_trips_through_the_database():
    version, _ = load_library()
    assert export_bundle(version) == bundle.read_sources()


def test_shipped_library_has_three_models_and_six_metaphors_with_drawings():
    version, _ = load_library()
    slugs = set(ExplanationModel.objects.filter(version=version).values_list("slug", flat=True))
    assert {"centrale-sensitisatie", "predictive-processing", "stress-emmer"} <= slugs
    metaphors = Metaphor.objects.filter(version=version)
    assert set(metaphors.values_list("slug", flat=True)) == {
        "kapot-alarmsysteem", "volumeknoppen", "zoomlens", "overlopende-stressemmer", "rivierbedding", "olifantenpaadjes",
    }
    for model in ExplanationModel.objects.filter(version=version):
        assert 4 <= model.key_terms.count() <= 8, model.slug
        assert model.metaphors.exists(), model.slug
        assert len(model.clinician_script) >= 3, model.slug


def test_every_drawing_parses_and_has_a_title():
    for metaphor in bundle.read_sources()["metaphors"]:
        root = ET.fromstring(metaphor["drawing_svg"])
        assert root.tag == f"{SVG}svg", metaphor["slug"]
        title = root.find(f"{SVG}title")
        assert title is not None and title.text.strip(), metaphor["slug"]
        assert root.find(f"{SVG}desc") is not None, metaphor["slug"]
        assert "<script" not in metaphor["drawing_svg"].lower()


def test_published_content_is_immutable():
    version, _ = load_library()
    model = ExplanationModel.objects.filter(version=version).first()
    model.name = "Iets anders"
    with pytest.raises(PublishedContentError):
        model.save()
    with pytest.raises(PublishedContentError):
        model.delete()


def test_a_draft_copies_a_version_and_publishing_freezes_it():
    version, _ = load_library()
    draft = create_draft_from(version=version)
    assert not draft.is_published
    model = ExplanationModel.objects.get(version=draft, slug="stress-emmer")
    model.name = "Stressemmer"
    model.save()
    publish(version=draft)
    assert ContentVersion.current() == draft
    assert ExplanationModel.objects.get(version=version, slug="stress-emmer").name == "Stress-emmer"
    # Loading unchanged source files (as scripts/run does at every start) keeps the edit.
    current, created = load_library()
    assert not created and current == draft


def test_changed_source_files_are_published_over_an_admin_edit(tmp_path):
    import shutil

    version, _ = load_library()
    draft = create_draft_from(version=version)
    publish(version=draft)
    shutil.copytree(bundle.SOURCE_DIR, tmp_path / "content")
    general = tmp_path / "content" / "general.yaml"
    general.write_text(general.read_text(encoding="utf-8") + "extra: Nog een zin.\n", encoding="utf-8")
    newest, created = load_library(source_dir=tmp_path / "content")
    assert created and newest.number == draft.number + 1 and newest.origin == "source"


def test_published_links_are_frozen_too():
    version, _ = load_library()
    model = ExplanationModel.objects.filter(version=version).first()
    other = Metaphor.objects.filter(version=version).exclude(pk__in=model.metaphors.all()).first()
    first = model.metaphors.first()
    for change in (model.metaphors.clear, lambda: model.metaphors.add(other), lambda: model.metaphors.remove(first)):
        with pytest.raises(PublishedContentError), transaction.atomic():
            change()
    assert model.metaphors.count() == len(bundle.read_sources()["models"][0]["metaphors"])


def test_publishing_checks_the_drawings():
    from explanations.bundle import ContentError
    from explanations.validation import drawing_problems

    assert drawing_problems('<svg xmlns="http://www.w3.org/2000/svg"><title>x</title></svg>') == [
        "drawing needs a <desc> for screen readers"
    ]
    assert "active or external" in drawing_problems(
        '<svg xmlns="http://www.w3.org/2000/svg"><title>x</title><desc>y</desc><script>alert(1)</script></svg>'
    )[0]
    assert drawing_problems("<svg") and drawing_problems("<html/>") == ["drawing is not an SVG"]
    version, _ = load_library()
    draft = create_draft_from(version=version)
    metaphor = Metaphor.objects.get(version=draft, slug="zoomlens")
    metaphor.drawing_svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><title>x</title><desc>y</desc></svg>'
    metaphor.save()
    with pytest.raises(ContentError):
        publish(version=draft)
