from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from . import kinds
from .models import ContentVersion


def _next_number():
    return (ContentVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def create_draft(*, data, language="nl", note="", origin=ContentVersion.Origin.ADMIN):
    kinds.validate(data, language)
    version = ContentVersion.objects.create(
        number=_next_number(), language=language, note=note, origin=origin, source_hash=kinds.bundle_hash(data)
    )
    kinds.build(version, data)
    return version


@transaction.atomic
def create_draft_from(*, version, note=""):
    """A new editable draft holding a copy of an existing version's content."""
    return create_draft(
        data=kinds.export(version), language=version.language,
        note=note or f"Concept op basis van v{version.number}",
    )


@transaction.atomic
def draft_for_editing(*, language="nl"):
    """The draft that admin edits go into.

    That is the newest draft if it was made after the current version (so publishing it
    makes it current); otherwise a new copy of the current version.
    """
    current = ContentVersion.current(language)
    draft = (
        ContentVersion.objects.filter(status=ContentVersion.Status.DRAFT, language=language, number__gt=current.number)
        .order_by("-number")
        .first()
    )
    if draft is not None:
        return draft
    return create_draft_from(version=current, note=f"Bewerking van v{current.number}")


@transaction.atomic
def publish(*, version):
    """Freeze a draft. Its content is validated as a whole first."""
    version = ContentVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_published:
        return version
    data = kinds.export(version)
    kinds.validate(data, version.language)
    version.source_hash = kinds.bundle_hash(data)
    version.status = ContentVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["source_hash", "status", "published_at"])
    return version


@transaction.atomic
def load_library(*, source_dir=None, language="nl"):
    """Publish the source files as a new version when they changed since they were last loaded.

    Unchanged files change nothing, also when an edit made in the admin has been
    published since: that edit stays current. Returns (current version, created).
    """
    data = kinds.read_sources(source_dir or kinds.source_dir(language))
    digest = kinds.bundle_hash(data)
    last_loaded = (
        ContentVersion.objects.filter(
            origin=ContentVersion.Origin.SOURCE, status=ContentVersion.Status.PUBLISHED, language=language
        )
        .order_by("-number")
        .first()
    )
    if last_loaded is not None and last_loaded.source_hash == digest:
        return ContentVersion.current(language), False
    version = create_draft(data=data, language=language, note="Geladen uit de bronbestanden", origin=ContentVersion.Origin.SOURCE)
    return publish(version=version), True
