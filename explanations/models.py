"""The explanation library: versioned content that consults refer to by slug.

A ContentVersion is a draft while it is being edited and becomes immutable once
published. Consults keep the version they were made with, so published content never
changes under them.

Each content kind is declared once, here, on its model: where its rows come from in the
source files (SOURCE), which fields a patient reads (PATIENT_FIELDS) and what makes a
row unfit to publish (content_problems). `explanations.kinds` drives loading, export,
validation and the admin from these declarations.
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
    language = models.CharField(_("taal"), max_length=8, default="nl")
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
        return f"v{self.number} {self.language} ({self.get_status_display()})"

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @classmethod
    def current(cls, language="nl"):
        return cls.objects.filter(status=cls.Status.PUBLISHED, language=language).order_by("-number").first()

    @classmethod
    def published_languages(cls):
        """The languages a library has been published in: what a handout can be made in."""
        return set(cls.objects.filter(status=cls.Status.PUBLISHED).values_list("language", flat=True).distinct())


class PublishedContentError(ValidationError):
    pass


def refuse_changes_to_published_relations(sender, instance, action, **kwargs):
    """m2m_changed receiver: links between rows of a published version are frozen too."""
    if action in {"pre_add", "pre_remove", "pre_clear"} and isinstance(instance, VersionedContent):
        instance._check_editable()


class VersionedContent(models.Model):
    """Base for every content row: it belongs to one version and freezes with it."""

    # Where the rows come from, relative to the content folder: a YAML list file, or a
    # folder ending in "/" with one YAML file per row.
    SOURCE = ""
    # Fields a patient reads: B1 and free of phrases to avoid.
    PATIENT_FIELDS = ()
    # Fields whose source value names a file in a folder; the file's text is stored.
    FILE_FIELDS = {}
    # Columns in the admin list.
    ADMIN_LIST = ("__str__", "version")

    version = models.ForeignKey(ContentVersion, on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(max_length=80)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order", "slug"]

    @classmethod
    def content_problems(cls, row, bundle):
        """What makes one source row unfit to publish, beyond the generic checks."""
        return []

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
    SOURCE = "metaphors/"
    PATIENT_FIELDS = ("name", "patient_text", "presentation_lines")
    FILE_FIELDS = {"drawing_svg": "drawings"}
    ADMIN_LIST = ("name", "version", "order")

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

    @classmethod
    def content_problems(cls, row, bundle):
        from .drawings import drawing_problems

        problems = []
        if not 1 <= len(row["presentation_lines"]) <= 3:
            problems.append("needs 1 to 3 presentation lines")
        return problems + drawing_problems(row["drawing_svg"])


class SelfManagementAdvice(VersionedContent):
    SOURCE = "advice.yaml"
    PATIENT_FIELDS = ("label", "patient_text")
    ADMIN_LIST = ("label", "version")

    label = models.CharField(_("naam"), max_length=80)
    patient_text = models.TextField(_("tekst voor de patiënt"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("zelfmanagementadvies")
        verbose_name_plural = _("zelfmanagementadviezen")
        constraints = unique_per_version("advice")

    def __str__(self):
        return self.label


class Recipient(VersionedContent):
    SOURCE = "recipients.yaml"
    PATIENT_FIELDS = ("patient_label",)
    ADMIN_LIST = ("label", "version")

    class Scope(models.TextChoices):
        FULL = "full", _("Volledige klinische overdracht")
        WORK = "work", _("Alleen wat werk en herstel nodig hebben")

    label = models.CharField(_("naam"), max_length=120)
    patient_label = models.CharField(_("naam in de folder"), max_length=120)
    scope = models.CharField(_("omvang"), max_length=10, choices=Scope.choices, default=Scope.FULL)
    request = models.TextField(_("standaardvraag"))
    # The request where the explanation model asks for another approach, by model slug.
    model_requests = models.JSONField(_("vraag per verklaringsmodel"), default=dict, blank=True)
    # Added to the request when the complaint is functional weakness or a movement problem.
    motor_request = models.TextField(_("aanvulling bij functionele zwakte"), blank=True)
    # Whether the referral carries the suspected DSM-5 classification (basic GGZ: insurers ask for it).
    asks_classification = models.BooleanField(_("vraagt een vermoedelijke DSM-5-classificatie"), default=False)

    class Meta(VersionedContent.Meta):
        verbose_name = _("ontvanger")
        verbose_name_plural = _("ontvangers")
        constraints = unique_per_version("recipient")

    def __str__(self):
        return self.label

    @property
    def shares_consult_notes(self):
        return self.scope == self.Scope.FULL

    def request_for(self, model_slug="", motor=False):
        """The request for a consult: the one for the explained model if there is one, and
        the motor addition for functional weakness."""
        request = self.model_requests.get(model_slug) or self.request
        return f"{request} {self.motor_request}" if motor and self.motor_request else request

    @classmethod
    def content_problems(cls, row, bundle):
        models_ = {m["slug"] for m in bundle.get("explanationmodel", [])}
        requests = row["model_requests"]
        if not isinstance(requests, dict):
            return ["model_requests maps model slugs to a request"]
        problems = [f"model_requests: unknown explanation model {slug}" for slug in requests if slug not in models_]
        problems += [f"model_requests: the request for {slug} is empty" for slug, text in requests.items()
                     if not isinstance(text, str) or not text.strip()]
        return problems


class ExplanationModel(VersionedContent):
    SOURCE = "models/"
    PATIENT_FIELDS = ("name", "patient_text", "in_short")
    ADMIN_LIST = ("name", "version", "order")

    name = models.CharField(_("naam"), max_length=80)
    clinician_summary = models.TextField(_("samenvatting voor de huisarts"))
    clinician_script = models.JSONField(_("uitleg in stappen"), default=list)
    patient_text = models.TextField(_("tekst voor de patiënt"))
    in_short = models.JSONField(_("in het kort"), default=list)
    follow_up = models.TextField(_("vervolg"), blank=True)
    metaphors = models.ManyToManyField(Metaphor, related_name="models", verbose_name=_("metaforen"))
    suggested_advice = models.ManyToManyField(SelfManagementAdvice, blank=True, related_name="+", verbose_name=_("voorgesteld advies"))
    suggested_referrals = models.ManyToManyField(Recipient, blank=True, related_name="+", verbose_name=_("voorgestelde verwijzingen"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("verklaringsmodel")
        verbose_name_plural = _("verklaringsmodellen")
        constraints = unique_per_version("explanationmodel")

    def __str__(self):
        return self.name

    @classmethod
    def content_problems(cls, row, bundle):
        problems = []
        if not 4 <= len(row["key_terms"]) <= 8:
            problems.append("needs 4 to 8 key terms")
        if not 3 <= len(row["in_short"]) <= 4:
            problems.append("'in het kort' needs 3 or 4 lines")
        if len(row["clinician_script"]) < 3:
            problems.append("the clinician script needs at least 3 steps")
        if any(set(step) != {"title", "text"} for step in row["clinician_script"]):
            problems.append("each script step has a title and a text")
        if not row["metaphors"]:
            problems.append("needs at least one metaphor")
        return problems


class KeyTerm(VersionedContent):
    """A word of the shared vocabulary; written inside its model's source file."""

    PATIENT_FIELDS = ("term", "patient_definition")
    PARENT = "model"

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
    SOURCE = "factors.yaml"
    PATIENT_FIELDS = ("patient_wording",)
    ADMIN_LIST = ("label", "dimension", "version")

    dimension = models.CharField(_("dimensie"), max_length=20, choices=Dimension.choices)
    label = models.CharField(_("naam"), max_length=120)
    patient_wording = models.TextField(_("woorden voor de patiënt"))
    # Whether the occupational physician needs it: that text carries only what work needs.
    work = models.BooleanField(_("van belang voor werk"), default=False)

    class Meta(VersionedContent.Meta):
        verbose_name = _("instandhoudende factor")
        verbose_name_plural = _("instandhoudende factoren")
        constraints = unique_per_version("factor")

    def __str__(self):
        return self.label


class SampleQuestion(VersionedContent):
    SOURCE = "questions.yaml"
    ADMIN_LIST = ("text", "dimension", "version")

    dimension = models.CharField(_("dimensie"), max_length=20, choices=Dimension.choices)
    text = models.CharField(_("vraag"), max_length=300)

    class Meta(VersionedContent.Meta):
        verbose_name = _("voorbeeldvraag")
        verbose_name_plural = _("voorbeeldvragen")
        constraints = unique_per_version("question")

    def __str__(self):
        return self.text


class SeverityGrade(VersionedContent):
    SOURCE = "severity.yaml"
    ADMIN_LIST = ("label", "version")

    label = models.CharField(_("naam"), max_length=40)
    stepped_care = models.TextField(_("zorg op maat"))
    # The recipients this grade's stepped care refers to; the plan marks them.
    suggested_referrals = models.ManyToManyField(Recipient, blank=True, related_name="+",
                                                 verbose_name=_("voorgestelde verwijzingen"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("ernst")
        verbose_name_plural = _("ernstgraden")
        constraints = unique_per_version("severity")

    def __str__(self):
        return self.label


class PhraseToAvoid(VersionedContent):
    """A way of speaking that undermines recovery, as data for the language guard.

    `patterns` and `exceptions` use the guard's pattern language (see
    explanations/guard.py): words are compared by their Dutch stem, so one pattern
    covers the inflected and conjugated forms.
    """

    SOURCE = "phrases_to_avoid.yaml"
    ADMIN_LIST = ("phrase", "version")

    phrase = models.CharField(_("zin"), max_length=120)
    patterns = models.JSONField(_("patronen"), default=list, blank=True)
    exceptions = models.JSONField(_("uitzonderingen"), default=list, blank=True)
    alternative = models.TextField(_("zeg liever"))
    reason = models.TextField(_("waarom"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("te vermijden zin")
        verbose_name_plural = _("te vermijden zinnen")
        constraints = unique_per_version("phrase")

    def __str__(self):
        return self.phrase

    @classmethod
    def content_problems(cls, row, bundle):
        from .guard import pattern_problems

        return pattern_problems(row.get("patterns") or [], row.get("exceptions") or [])


class InfoSource(VersionedContent):
    SOURCE = "sources.yaml"
    PATIENT_FIELDS = ("description",)
    ADMIN_LIST = ("title", "url", "version")

    title = models.CharField(_("titel"), max_length=120)
    url = models.URLField(_("adres"))
    description = models.TextField(_("omschrijving"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("informatiebron")
        verbose_name_plural = _("informatiebronnen")
        constraints = unique_per_version("source")

    def __str__(self):
        return self.title


class Measure(VersionedContent):
    """A questionnaire score and how to read it: the bands, and the published source of
    its cut-offs. Item texts only where they are free to use (PHQ-15); licensed
    questionnaires (4DKL, CSI) are entered as totals."""

    SOURCE = "measures.yaml"
    ADMIN_LIST = ("name", "version")

    name = models.CharField(_("naam"), max_length=80)
    minimum = models.PositiveSmallIntegerField(_("laagste score"), default=0)
    maximum = models.PositiveSmallIntegerField(_("hoogste score"))
    item_scale = models.JSONField(_("antwoorden per vraag"), default=list, blank=True)  # [label for 0, 1, 2, ...]
    items = models.JSONField(_("vragen"), default=list, blank=True)
    bands = models.JSONField(_("banden"), default=list)  # [{"upto": n, "label": ...}], ascending
    source = models.TextField(_("bron van de afkappunten"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("meetinstrument")
        verbose_name_plural = _("meetinstrumenten")
        constraints = unique_per_version("measure")

    def __str__(self):
        return self.name

    def band(self, score):
        """The band label of a total score; None for no score."""
        if score is None:
            return None
        return next(band["label"] for band in self.bands if score <= band["upto"])

    @classmethod
    def content_problems(cls, row, bundle):
        problems = []
        uptos = [band.get("upto") for band in row["bands"]]
        if not uptos or any(not isinstance(u, int) for u in uptos) or uptos != sorted(set(uptos)):
            problems.append("bands need ascending whole 'upto' scores")
        elif uptos[-1] != row["maximum"] or uptos[0] < row["minimum"]:
            problems.append("the last band must end at the maximum")
        if any(not band.get("label") for band in row["bands"]):
            problems.append("every band needs a label")
        if row["items"] and not row["item_scale"]:
            problems.append("items need an answer scale")
        if row["items"] and (len(row["item_scale"]) - 1) * len(row["items"]) != row["maximum"]:
            problems.append("items times the highest answer must make the maximum")
        return problems


class GeneralText(VersionedContent):
    """Texts shared by all handouts; the slug is the key (e.g. safety_netting)."""

    SOURCE = "general.yaml"
    PATIENT_FIELDS = ("text",)
    ADMIN_LIST = ("slug", "version")

    text = models.TextField(_("tekst"))

    class Meta(VersionedContent.Meta):
        verbose_name = _("algemene tekst")
        verbose_name_plural = _("algemene teksten")
        constraints = unique_per_version("general")

    def __str__(self):
        return self.slug


for _relation in (ExplanationModel.metaphors, ExplanationModel.suggested_advice, ExplanationModel.suggested_referrals,
                  SeverityGrade.suggested_referrals):
    models.signals.m2m_changed.connect(refuse_changes_to_published_relations, sender=_relation.through)
