"""Loading, exporting, checking and freezing the content library (on the test library)."""

import shutil

import pytest
import yaml
from django.db import transaction

from explanations import kinds
from explanations.actions import create_draft_from, load_library, publish
from explanations.drawings import drawing_problems
from explanations.kinds import ContentError
from explanations.library import library_for
from explanations.models import ContentVersion, ExplanationModel, KeyTerm, Metaphor, PhraseToAvoid, PublishedContentError
from tests.conftest import TEST_LIBRARY

pytestmark = pytest.mark.django_db


def load(source=TEST_LIBRARY):
    return load_library(source_dir=source)


@pytest.fixture
def library_copy(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(TEST_LIBRARY, target)
    return target


def edit_yaml(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_loading_twice_changes_nothing():
    first, created = load()
    assert created and first.language == "nl"
    counts = {m: m.objects.count() for m in (ContentVersion, ExplanationModel, Metaphor, KeyTerm)}
    second, created_again = load()
    assert not created_again
    assert second.pk == first.pk
    assert {m: m.objects.count() for m in counts} == counts


def test_the_library_round_trips_through_the_database():
    version, _ = load()
    assert kinds.export(version) == kinds.read_sources(TEST_LIBRARY)


def test_every_kind_is_declared_once_on_its_model():
    for kind in kinds.KINDS:
        assert kind.SOURCE, kind
        for name in kind.PATIENT_FIELDS:
            kind._meta.get_field(name)
        for name, child in kinds.child_kinds(kind):
            for field in child.PATIENT_FIELDS:
                child._meta.get_field(field)


def test_reordering_a_list_keeps_every_slug(library_copy):
    first, _ = load()
    edit_yaml(library_copy / "phrases_to_avoid.yaml", lambda rows: rows.reverse())
    edit_yaml(library_copy / "models" / "centrale-sensitisatie.yaml", lambda m: m["key_terms"].reverse())
    second, created = load(library_copy)
    assert created
    for kind in (PhraseToAvoid, KeyTerm):
        before = {r.slug: r for r in kind.objects.filter(version=first)}
        after = {r.slug: r for r in kind.objects.filter(version=second)}
        assert before.keys() == after.keys()
        assert all(str(before[s]) == str(after[s]) for s in before)  # the same slug names the same row


def test_a_typo_in_a_field_name_is_refused(library_copy):
    edit_yaml(library_copy / "advice.yaml", lambda rows: rows[0].update(patient_txt="Slaap goed."))
    with pytest.raises(ContentError, match="unknown field"):
        load(library_copy)


def test_a_missing_slug_is_refused(library_copy):
    edit_yaml(library_copy / "sources.yaml", lambda rows: rows[0].pop("slug"))
    with pytest.raises(ContentError, match="slug"):
        load(library_copy)


def test_a_wrong_choice_and_an_unknown_link_are_refused(library_copy):
    edit_yaml(library_copy / "factors.yaml", lambda rows: rows[0].update(dimension="spiritueel"))
    edit_yaml(library_copy / "models" / "stress-emmer.yaml", lambda m: m.update(metaphors=["bestaat-niet"]))
    with pytest.raises(ContentError) as error:
        load(library_copy)
    assert "dimension must be one of" in str(error.value) and "unknown metaphor bestaat-niet" in str(error.value)


def test_a_phrase_to_avoid_in_any_patient_field_is_refused(library_copy):
    edit_yaml(library_copy / "models" / "stress-emmer.yaml",
              lambda m: m["key_terms"][0].update(patient_definition="Het zit tussen de oren."))
    with pytest.raises(ContentError, match="phrase to avoid"):
        load(library_copy)


def test_published_content_is_immutable():
    version, _ = load()
    model = ExplanationModel.objects.filter(version=version).first()
    model.name = "Iets anders"
    with pytest.raises(PublishedContentError):
        model.save()
    with pytest.raises(PublishedContentError):
        model.delete()


def test_a_draft_copies_a_version_and_publishing_freezes_it():
    version, _ = load()
    draft = create_draft_from(version=version)
    assert not draft.is_published and draft.language == "nl"
    model = ExplanationModel.objects.get(version=draft, slug="stress-emmer")
    model.name = "Stressemmer"
    model.save()
    publish(version=draft)
    assert ContentVersion.current() == draft
    assert ExplanationModel.objects.get(version=version, slug="stress-emmer").name == "Stress-emmer"
    # Loading unchanged source files (as scripts/run does at every start) keeps the edit.
    current, created = load()
    assert not created and current == draft


def test_changed_source_files_are_published_over_an_admin_edit(library_copy):
    version, _ = load()
    draft = create_draft_from(version=version)
    publish(version=draft)
    edit_yaml(library_copy / "general.yaml", lambda rows: rows.append({"slug": "extra", "text": "Nog een zin."}))
    newest, created = load(library_copy)
    assert created and newest.number == draft.number + 1 and newest.origin == "source"


def test_published_links_are_frozen_too():
    version, _ = load()
    model = ExplanationModel.objects.get(version=version, slug="stress-emmer")
    other = Metaphor.objects.filter(version=version).exclude(pk__in=model.metaphors.all()).first()
    first = model.metaphors.first()
    for change in (model.metaphors.clear, lambda: model.metaphors.add(other), lambda: model.metaphors.remove(first)):
        with pytest.raises(PublishedContentError), transaction.atomic():
            change()
    assert model.metaphors.count() == 2


def test_publishing_checks_the_drawings():
    assert drawing_problems('<svg xmlns="http://www.w3.org/2000/svg"><title>x</title></svg>') == [
        "drawing needs a <desc> for screen readers"
    ]
    assert "active or external" in drawing_problems(
        '<svg xmlns="http://www.w3.org/2000/svg"><title>x</title><desc>y</desc><script>alert(1)</script></svg>'
    )[0]
    assert drawing_problems("<svg") and drawing_problems("<html/>") == ["drawing is not an SVG"]
    version, _ = load()
    draft = create_draft_from(version=version)
    metaphor = Metaphor.objects.get(version=draft, slug="zoomlens")
    metaphor.drawing_svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><title>x</title><desc>y</desc></svg>'
    metaphor.save()
    with pytest.raises(ContentError):
        publish(version=draft)


def test_a_published_library_is_read_once_and_kept(django_assert_num_queries):
    version, _ = load()
    library = library_for(version)
    assert library_for(version) is library
    with django_assert_num_queries(0):
        library_for(version).get(Metaphor, "zoomlens")
        library_for(version).metaphors_for("stress-emmer")
    draft = create_draft_from(version=version)
    assert library_for(draft) is not library_for(draft)  # a draft can change: never kept
