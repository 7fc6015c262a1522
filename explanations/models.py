"""The explanation library: versioned content that consults refer to.

A ContentVersion is a draft while it is being edited and becomes immutable once
published. Consults point at the version they were made with, so published content
never changes under them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Concept")
        PUBLISHED = "published", _("Gepubliceerd")

    class Origin(models.TextChoices):
        SOURCE = "source", _("Bronbestanden")
        ADMIN = "admin", _("Beheer")

    number = models.PositiveIntegerField(_("versie"), unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    origin = models.CharField(_("herkomst"), max_length=10, choices=Origin.choices, default=Origin.ADMIN)
    source_hash = models.CharField(max_length=64, blank=True)
    note = models.CharField(_("toelichting"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("inhoudsversie")
        verbose_name_plural = _("inhoudsversies")

    def __str__(self):
        return f"v{self.number} ({self.get_status_display()})"

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @classmethod
    def current(cls):
        return cls.objects.filter(status=cls.Status.PUBLISHED).order_by("-number").first()


class PublishedContentError(ValidationError):
    pass


def refuse_changes_to_published_relations(sender, instance, action, **kwargs):
    """m2m_changed receiver: links between rows of a published version are frozen too."""
    if action in {"pre_add", "pre_remove", "pre_clear"} and isinstance(instance, VersionedContent):
        instance._check_editable()


class VersionedContent(models.Model):
    """Base for every content row: it belongs to one version and freezes with it."""

    version = models.ForeignKey(ContentVersion, on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(max_length=80)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order", "slug"]

    def _check_editable(self):
        if self.version_id and ContentVersion.objects.filter(
            pk=self.version_id, status=ContentVersion.Status.PUBLISHED
        ).exists():
            raise PublishedContentError(
                _("Een gepubliceerde versie kan niet meer veranderen. Maak een nieuw concept.")
            )

    def save(self, *args, **kwargs):
        self._check_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_editable()
        return super().delete(*args, **kwargs)


def unique_per_version(name):
    return [models.UniqueConstraint(fields=["version", "slug"], name=f"{name}_unique_slug_per_version")]


class Dimension(models.TextChoices):
    SOMATIC = "somatisch", _("Somatisch")
    COGNITIVE = "cognitief", _("Cognitief")
    EMOTIONAL = "emotioneel", _("Emotioneel")
    BEHAVIOURAL = "gedragsmatig", _("Gedragsmatig")
    SOCIAL = "sociaal", _("Sociaal")


class Metaphor(VersionedContent):
    name = models.CharField(_("naam"), max_length=80)
    patient_text = models.TextField(_("tekst voor de patiënt"))
    presentation_lines = models.JSONField(_("regels voor het scherm"), default=list)
    clinician_hint = models.TextField(_("tip voor de huisarts"), blank=True)
    drawing_svg = models.TextField(_("tekening (SVG)"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("metafoor")
        verbose_name_plural = _("metaforen")
        constraints = unique_per_version("metaphor")

    def __str__(self):
        return self.name


class SelfManagementAdvice(VersionedContent):
    label = models.CharField(_("naam"), max_length=80)
    patient_text = models.TextField(_("tekst voor de patiënt"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("zelfmanagementadvies")
        verbose_name_plural = _("zelfmanagementadviezen")
        constraints = unique_per_version("advice")

    def __str__(self):
        return self.label


class Recipient(VersionedContent):
    class Scope(models.TextChoices):
        FULL = "full", _("Volledige klinische overdracht")
        WORK = "work", _("Alleen wat werk en herstel nodig hebben")

    label = models.CharField(_("naam"), max_length=120)
    patient_label = models.CharField(_("naam in de folder"), max_length=120)
    scope = models.CharField(_("omvang"), max_length=10, choices=Scope.choices, default=Scope.FULL)
    request = models.TextField(_("standaardvraag"))

    @property
    def shares_consult_notes(self):
        return self.scope == self.Scope.FULL

    class Meta(VersionedContent.Meta):
        verbose_name = _("ontvanger")
        verbose_name_plural = _("ontvangers")
        constraints = unique_per_version("recipient")

    def __str__(self):
        return self.label


class ExplanationModel(VersionedContent):
    name = models.CharField(_("naam"), max_length=80)
    clinician_summary = models.TextField(_("samenvatting voor de huisarts"))
    clinician_script = models.JSONField(_("uitleg in stappen"), default=list)
    patient_text = models.TextField(_("tekst voor de patiënt"))
    in_short = models.JSONField(_("in het kort"), default=list)
    follow_up = models.TextField(_("vervolg"), blank=True)
    metaphors = models.ManyToManyField(Metaphor, related_name="models", verbose_name=_("metaforen"))
    suggested_advice = models.ManyToManyField(SelfManagementAdvice, blank=True, related_name="+")
    suggested_referrals = models.ManyToManyField(Recipient, blank=True, related_name="+")

    class Meta(VersionedContent.Meta):
        verbose_name = _("verklaringsmodel")
        verbose_name_plural = _("verklaringsmodellen")
        constraints = unique_per_version("explanationmodel")

    def __str__(self):
        return self.name


class KeyTerm(VersionedContent):
    model = models.ForeignKey(ExplanationModel, on_delete=models.CASCADE, related_name="key_terms")
    term = models.CharField(_("term"), max_length=80)
    patient_definition = models.TextField(_("uitleg voor de patiënt"))
    clinician_definition = models.TextField(_("uitleg voor zorgverleners"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("kernbegrip")
        verbose_name_plural = _("kernbegrippen")
        constraints = unique_per_version("keyterm")

    def __str__(self):
        return self.term


class MaintainingFactor(VersionedContent):
    dimension = models.CharField(_("dimensie"), max_length=20, choices=Dimension.choices)
    label = models.CharField(_("naam"), max_length=120)
    patient_wording = models.TextField(_("woorden voor de patiënt"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("instandhoudende factor")
        verbose_name_plural = _("instandhoudende factoren")
        constraints = unique_per_version("factor")

    def __str__(self):
        return self.label


class SampleQuestion(VersionedContent):
    dimension = models.CharField(_("dimensie"), max_length=20, choices=Dimension.choices)
    text = models.CharField(_("vraag"), max_length=300)

    class Meta(VersionedContent.Meta):
        verbose_name = _("voorbeeldvraag")
        verbose_name_plural = _("voorbeeldvragen")
        constraints = unique_per_version("question")

    def __str__(self):
        return self.text


class SeverityGrade(VersionedContent):
    label = models.CharField(_("naam"), max_length=40)
    stepped_care = models.TextField(_("zorg op maat"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("ernst")
        verbose_name_plural = _("ernstgraden")
        constraints = unique_per_version("severity")

    def __str__(self):
        return self.label


class PhraseToAvoid(VersionedContent):
    phrase = models.CharField(_("zin"), max_length=120)
    variants = models.JSONField(_("varianten"), default=list, blank=True)
    alternative = models.TextField(_("zeg liever"))
    reason = models.TextField(_("waarom"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("te vermijden zin")
        verbose_name_plural = _("te vermijden zinnen")
        constraints = unique_per_version("phrase")

    def __str__(self):
        return self.phrase

    @property
    def forms(self):
        return [self.phrase, *self.variants]


class InfoSource(VersionedContent):
    title = models.CharField(_("titel"), max_length=120)
    url = models.URLField(_("adres"))
    description = models.TextField(_("omschrijving"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("informatiebron")
        verbose_name_plural = _("informatiebronnen")
        constraints = unique_per_version("source")

    def __str__(self):
        return self.title


class GeneralText(VersionedContent):
    """Texts shared by all handouts; the slug is the key (e.g. safety_netting)."""

    text = models.TextField(_("tekst"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("algemene tekst")
        verbose_name_plural = _("algemene teksten")
        constraints = unique_per_version("general")

    def __str__(self):
        return self.slug


for _relation in (ExplanationModel.metaphors, ExplanationModel.suggested_advice, ExplanationModel.suggested_referrals):
    models.signals.m2m_changed.connect(refuse_changes_to_published_relations, sender=_relation.through)
