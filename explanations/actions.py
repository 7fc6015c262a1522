from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from . import bundle as content_bundle
from .models import (
    ContentVersion,
    ExplanationModel,
    GeneralText,
    InfoSource,
    KeyTerm,
    MaintainingFactor,
    Metaphor,
    PhraseToAvoid,
    Recipient,
    SampleQuestion,
    SelfManagementAdvice,
    SeverityGrade,
)
from .validation import validate_bundle


def _next_number():
    return (ContentVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1


def _build(version, data):
    """Fill an empty draft version with the rows of a bundle."""
    metaphors = {
        m["slug"]: Metaphor.objects.create(version=version, **m) for m in data["metaphors"]
    }
    advice = {
        a["slug"]: SelfManagementAdvice.objects.create(version=version, order=i, **a)
        for i, a in enumerate(data["advice"])
    }
    recipients = {
        r["slug"]: Recipient.objects.create(version=version, order=i, **r)
        for i, r in enumerate(data["recipients"])
    }
    for m in data["models"]:
        fields = {k: v for k, v in m.items() if k not in {"key_terms", "metaphors", "suggested_advice", "suggested_referrals"}}
        model = ExplanationModel.objects.create(version=version, **fields)
        model.metaphors.set([metaphors[slug] for slug in m["metaphors"]])
        model.suggested_advice.set([advice[slug] for slug in m["suggested_advice"]])
        model.suggested_referrals.set([recipients[slug] for slug in m["suggested_referrals"]])
        for i, term in enumerate(m["key_terms"]):
            KeyTerm.objects.create(
                version=version, model=model, order=i, slug=f"{m['slug']}-{i + 1}", **term
            )
    for i, f in enumerate(data["factors"]):
        MaintainingFactor.objects.create(version=version, order=i, **f)
    for i, q in enumerate(data["questions"]):
        SampleQuestion.objects.create(version=version, order=i, **q)
    for i, s in enumerate(data["severity"]):
        SeverityGrade.objects.create(version=version, order=i, **s)
    for i, p in enumerate(data["phrases_to_avoid"]):
        PhraseToAvoid.objects.create(version=version, order=i, slug=f"phrase-{i + 1}", **p)
    for i, s in enumerate(data["sources"]):
        InfoSource.objects.create(version=version, order=i, slug=f"source-{i + 1}", **s)
    for i, (key, text) in enumerate(data["general"].items()):
        GeneralText.objects.create(version=version, order=i, slug=key, text=text)


def export_bundle(version):
    """The content of a version as a canonical bundle (the inverse of _build)."""
    v = version
    models = []
    for m in ExplanationModel.objects.filter(version=v).prefetch_related(
        "metaphors", "suggested_advice", "suggested_referrals", "key_terms"
    ):
        models.append(
            {
                "slug": m.slug,
                "name": m.name,
                "order": m.order,
                "clinician_summary": m.clinician_summary,
                "clinician_script": m.clinician_script,
                "patient_text": m.patient_text,
                "in_short": m.in_short,
                "key_terms": [
                    {
                        "term": t.term,
                        "patient_definition": t.patient_definition,
                        "clinician_definition": t.clinician_definition,
                    }
                    for t in sorted(m.key_terms.all(), key=lambda t: t.order)
                ],
                "metaphors": [x.slug for x in sorted(m.metaphors.all(), key=lambda x: (x.order, x.slug))],
                "suggested_advice": [x.slug for x in sorted(m.suggested_advice.all(), key=lambda x: x.order)],
                "suggested_referrals": [x.slug for x in sorted(m.suggested_referrals.all(), key=lambda x: x.order)],
                "follow_up": m.follow_up,
            }
        )
    return content_bundle.normalise(
        {
            "models": models,
            "metaphors": list(
                Metaphor.objects.filter(version=v).values(
                    "slug", "name", "order", "patient_text", "presentation_lines", "clinician_hint", "drawing_svg"
                )
            ),
            "factors": list(MaintainingFactor.objects.filter(version=v).values("slug", "dimension", "label", "patient_wording")),
            "questions": list(SampleQuestion.objects.filter(version=v).values("slug", "dimension", "text")),
            "advice": list(SelfManagementAdvice.objects.filter(version=v).values("slug", "label", "patient_text")),
            "recipients": list(Recipient.objects.filter(version=v).values("slug", "label", "patient_label", "scope", "request")),
            "severity": list(SeverityGrade.objects.filter(version=v).values("slug", "label", "stepped_care")),
            "phrases_to_avoid": list(PhraseToAvoid.objects.filter(version=v).values("phrase", "variants", "alternative", "reason")),
            "sources": list(InfoSource.objects.filter(version=v).values("title", "url", "description")),
            "general": dict(GeneralText.objects.filter(version=v).values_list("slug", "text")),
        }
    )


@transaction.atomic
def create_draft(*, data, note="", origin=ContentVersion.Origin.ADMIN):
    validate_bundle(data)
    version = ContentVersion.objects.create(
        number=_next_number(), note=note, origin=origin, source_hash=content_bundle.bundle_hash(data)
    )
    _build(version, data)
    return version


@transaction.atomic
def create_draft_from(*, version, note=""):
    """A new editable draft holding a copy of an existing version's content."""
    return create_draft(data=export_bundle(version), note=note or f"Concept op basis van v{version.number}")


@transaction.atomic
def draft_for_editing():
    """The draft that admin edits go into.

    That is the newest draft if it was made after the current version (so publishing it
    makes it current); otherwise a new copy of the current version.
    """
    current = ContentVersion.current()
    draft = ContentVersion.objects.filter(status=ContentVersion.Status.DRAFT, number__gt=current.number).order_by("-number").first()
    if draft is not None:
        return draft
    return create_draft_from(version=current, note=f"Bewerking van v{current.number}")


@transaction.atomic
def publish(*, version):
    """Freeze a draft. Its content is validated as a whole first."""
    version = ContentVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_published:
        return version
    data = export_bundle(version)
    validate_bundle(data)
    version.source_hash = content_bundle.bundle_hash(data)
    version.status = ContentVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["source_hash", "status", "published_at"])
    return version


@transaction.atomic
def load_library(*, source_dir=None):
    """Publish the source files as a new version when they changed since they were last loaded.

    Unchanged files change nothing, also when an edit made in the admin has been
    published since: that edit stays current. Returns (current version, created).
    """
    data = content_bundle.read_sources(source_dir)
    digest = content_bundle.bundle_hash(data)
    last_loaded = (
        ContentVersion.objects.filter(origin=ContentVersion.Origin.SOURCE, status=ContentVersion.Status.PUBLISHED)
        .order_by("-number")
        .first()
    )
    if last_loaded is not None and last_loaded.source_hash == digest:
        return ContentVersion.current(), False
    version = create_draft(data=data, note="Geladen uit de bronbestanden", origin=ContentVersion.Origin.SOURCE)
    return publish(version=version), True
