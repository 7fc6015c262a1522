import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from explanations.models import (
    ContentVersion,
    Dimension,
    ExplanationModel,
    MaintainingFactor,
    Metaphor,
    Recipient,
    SampleQuestion,
    SelfManagementAdvice,
    SeverityGrade,
)
from practices.models import Practice

from .icpc import ICPC_CHOICES

SHORT = 200
NOTE = 4000
LONG = 2000


SCEGS_NOTE_FIELDS = {
    Dimension.SOMATIC: "somatic_note",
    Dimension.COGNITIVE: "cognitive_note",
    Dimension.EMOTIONAL: "emotional_note",
    Dimension.BEHAVIOURAL: "behavioural_note",
    Dimension.SOCIAL: "social_note",
}


class ConsultQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated or user.practice_id is None:
            return self.none()
        return self.filter(practice_id=user.practice_id)


class Consult(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        FINAL = "final", _("Afgerond")

    class Agreement(models.TextChoices):
        YES = "yes", _("Ja")
        PARTLY = "partly", _("Gedeeltelijk")
        NO = "no", _("Nee")

    class NeededFirst(models.TextChoices):
        INVESTIGATION = "investigation", _("Eerst verder onderzoek")
        REFERRAL = "referral", _("Eerst een verwijzing")
        TIME = "time", _("Tijd om na te denken")
        OTHER = "other", _("Iets anders")

    class YesNo(models.TextChoices):
        YES = "yes", _("Ja")
        NO = "no", _("Nee")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="consults")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic lock: every save raises it; a save that names an older number is refused.
    version = models.PositiveIntegerField(default=1)
    content_version = models.ForeignKey(ContentVersion, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)

    # Start
    patient_reference = models.CharField(
        _("patiëntreferentie"), max_length=40,
        help_text=_("Een label dat u kiest, zoals initialen en geboortejaar of het HIS-nummer. Geen BSN. Maximaal 40 tekens."),
    )
    first_name = models.CharField(
        _("voornaam voor de folder"), max_length=40, blank=True,
        help_text=_("Optioneel. Staat alleen boven de folder. Maximaal 40 tekens."),
    )
    permission_given = models.BooleanField(
        _("patiënt geeft toestemming om klachten en gevolgen breder te verkennen"), default=False
    )
    wants_further_investigation = models.BooleanField(
        _("patiënt wil daarnaast nog verder onderzoek"), default=False
    )

    # SCEGS — somatic
    complaints = models.TextField(_("klachten"), max_length=LONG, blank=True)
    duration = models.CharField(_("duur"), max_length=SHORT, blank=True)
    earlier_investigations = models.TextField(_("eerder onderzoek"), max_length=LONG, blank=True)
    medication = models.TextField(_("medicatie en middelen"), max_length=LONG, blank=True)
    red_flags_asked = models.CharField(_("alarmsymptomen nagevraagd"), max_length=3, choices=YesNo.choices, blank=True)
    red_flags_present = models.TextField(_("aanwezige alarmsymptomen en beleid"), max_length=LONG, blank=True)
    physical_examination = models.TextField(_("lichamelijk onderzoek"), max_length=LONG, blank=True)
    cs_tests = models.TextField(_("sensitisatietesten (drukpijndrempel, temporele summatie)"), max_length=LONG, blank=True)
    phq15 = models.PositiveSmallIntegerField(_("PHQ-15 totaalscore"), null=True, blank=True)
    fourdkl_somatisation = models.PositiveSmallIntegerField(_("4DKL somatisatie (totaalscore)"), null=True, blank=True)
    csi = models.PositiveSmallIntegerField(_("CSI totaalscore"), null=True, blank=True)
    leading_complaint_icpc = models.CharField(_("ICPC van de leidende klacht"), max_length=3, choices=ICPC_CHOICES, blank=True)
    # SCEGS — notes per dimension
    somatic_note = models.TextField(_("notitie somatisch"), max_length=NOTE, blank=True)
    cognitive_note = models.TextField(_("notitie cognitief"), max_length=NOTE, blank=True)
    emotional_note = models.TextField(_("notitie emotioneel"), max_length=NOTE, blank=True)
    behavioural_note = models.TextField(_("notitie gedragsmatig"), max_length=NOTE, blank=True)
    social_note = models.TextField(_("notitie sociaal"), max_length=NOTE, blank=True)
    asked_questions = models.ManyToManyField(SampleQuestion, blank=True, related_name="+", verbose_name=_("gestelde vragen"))
    factors = models.ManyToManyField(MaintainingFactor, blank=True, related_name="+", verbose_name=_("instandhoudende factoren"))
    severity = models.ForeignKey(SeverityGrade, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("ernst"))

    # Joint problem definition
    problem_summary = models.TextField(_("samenvatting van de huisarts"), max_length=LONG, blank=True)
    patient_words = models.TextField(_("in de woorden van de patiënt"), max_length=LONG, blank=True)
    agreement = models.CharField(_("overeenstemming"), max_length=10, choices=Agreement.choices, blank=True)
    needed_first = models.CharField(_("wat is eerst nodig"), max_length=20, choices=NeededFirst.choices, blank=True)
    needed_first_note = models.TextField(_("toelichting"), max_length=LONG, blank=True)
    proceed_without_agreement = models.BooleanField(_("toch uitleg geven"), default=False)

    # Explanation
    explanation_model = models.ForeignKey(ExplanationModel, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("verklaringsmodel"))
    metaphors = models.ManyToManyField(Metaphor, blank=True, related_name="+", verbose_name=_("metaforen"))
    teach_back = models.TextField(_("teach-back: zo vertelde de patiënt het terug"), max_length=LONG, blank=True)

    # Plan
    advice = models.ManyToManyField(SelfManagementAdvice, blank=True, related_name="+", verbose_name=_("zelfmanagementadvies"))
    referrals = models.ManyToManyField(Recipient, blank=True, related_name="+", verbose_name=_("verwijzing naar"))
    referral_other = models.CharField(_("andere verwijzing"), max_length=SHORT, blank=True)
    consent_occupational_physician = models.BooleanField(
        _("patiënt geeft toestemming voor informatie aan de bedrijfsarts"), default=False,
        help_text=_("Zonder deze toestemming maakt de app geen tekst voor de bedrijfsarts."),
    )
    referral_question = models.TextField(
        _("specifieke vraag voor de verwijzing"), max_length=LONG, blank=True,
        help_text=_("Komt in de verwijstekst onder ‘Reden en vraagstelling’, niet in die voor de bedrijfsarts. Maximaal 2000 tekens."),
    )
    next_appointment = models.CharField(_("volgende afspraak"), max_length=SHORT, blank=True)
    safety_netting = models.TextField(_("wanneer contact opnemen"), max_length=LONG, blank=True)

    objects = ConsultQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("consult")
        verbose_name_plural = _("consulten")

    def __str__(self):
        return self.patient_reference

    @property
    def is_final(self):
        return self.status == self.Status.FINAL

    @property
    def has_agreement(self):
        return self.agreement == self.Agreement.YES

    @property
    def may_explain(self):
        return self.has_agreement or (bool(self.agreement) and self.proceed_without_agreement)


class AccessEvent(models.Model):
    """NEN 7513 access log: who did what with which consult, when and from where.

    Append-only and free of clinical text.
    """

    class Action(models.TextChoices):
        READ = "read", _("Bekeken")
        CREATE = "create", _("Aangemaakt")
        CHANGE = "change", _("Gewijzigd")
        PRINT = "print", _("Afgedrukt/gedownload")
        COPY = "copy", _("Gekopieerd/geëxporteerd")
        SEARCH = "search", _("Gezocht")

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    consult = models.ForeignKey(Consult, on_delete=models.PROTECT, null=True, blank=True, related_name="access_events")
    patient_reference = models.CharField(max_length=40, blank=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    what = models.CharField(max_length=60, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("toegangsregel")
        verbose_name_plural = _("toegangslog")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The access log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The access log is append-only")


class Snapshot(models.Model):
    """Exactly what was handed out when a consult was finalised; never changed."""

    consult = models.ForeignKey(Consult, on_delete=models.PROTECT, related_name="snapshots")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    content_version = models.ForeignKey(ContentVersion, on_delete=models.PROTECT, related_name="+")
    handout_html = models.TextField()
    handout_hash = models.CharField(max_length=64)
    referrals = models.JSONField(default=dict)  # recipient slug -> {"label": ..., "text": ...}
    journal_text = models.TextField()

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["consult", "number"], name="snapshot_number_per_consult")]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A snapshot is never changed")
        super().save(*args, **kwargs)
