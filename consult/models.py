import uuid
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from explanations.library import library_for
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

# Fields that hold choices from the content library, as slugs, and the kind they name.
LIBRARY_CHOICES = {
    "severity": SeverityGrade,
    "asked_questions": SampleQuestion,
    "factors": MaintainingFactor,
    "explanation_model": ExplanationModel,
    "metaphors": Metaphor,
    "advice": SelfManagementAdvice,
    "referrals": Recipient,
}


class ConsultQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated or user.practice_id is None:
            return self.none()
        return self.filter(practice_id=user.practice_id)


def slug_list(verbose_name):
    return models.JSONField(verbose_name, default=list, blank=True)


class Consult(models.Model):
    """One double consult. Choices from the content library are kept by slug, so that
    they can be read in the consult's own content version or mapped into another one."""

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

    class RedFlags(models.TextChoices):
        NONE = "none", _("Nagevraagd: geen alarmsymptomen")
        PRESENT = "present", _("Nagevraagd: er is een alarmsymptoom")
        NOT_ASKED = "not_asked", _("Nog niet nagevraagd")

    class RedFlagAction(models.TextChoices):
        INVESTIGATION = "investigation", _("Aanvullend onderzoek aangevraagd")
        REFERRAL = "referral", _("Verwezen")
        DEALT_WITH = "dealt_with", _("Afgehandeld (met reden)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="consults")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Raised by every change; finalising refuses when it moved since the GP looked.
    version = models.PositiveIntegerField(default=1)
    content_version = models.ForeignKey(ContentVersion, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)

    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, related_name="consults")
    # The visit before this one, whose exploration this one started from (and never changes).
    previous = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    # Start
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
    red_flags = models.CharField(_("alarmsymptomen"), max_length=10, choices=RedFlags.choices, blank=True)
    red_flags_present = models.TextField(_("welk alarmsymptoom"), max_length=LONG, blank=True)
    red_flag_action = models.CharField(
        _("wat is er met het alarmsymptoom gedaan"), max_length=20, choices=RedFlagAction.choices, blank=True
    )
    red_flag_action_note = models.CharField(
        _("toelichting (welk onderzoek, naar wie, of waarom afgehandeld)"), max_length=SHORT, blank=True
    )
    physical_examination = models.TextField(_("lichamelijk onderzoek"), max_length=LONG, blank=True)
    cs_tests = models.TextField(_("sensitisatietesten (drukpijndrempel, temporele summatie)"), max_length=LONG, blank=True)
    phq15 = models.PositiveSmallIntegerField(
        _("PHQ-15 totaalscore"), null=True, blank=True, validators=[MaxValueValidator(30)],
        help_text=_("Totaalscore, 0 tot en met 30."),
    )
    fourdkl_somatisation = models.PositiveSmallIntegerField(
        _("4DKL somatisatie (totaalscore)"), null=True, blank=True, validators=[MaxValueValidator(32)],
        help_text=_("Totaalscore, 0 tot en met 32."),
    )
    csi = models.PositiveSmallIntegerField(
        _("CSI totaalscore"), null=True, blank=True, validators=[MaxValueValidator(100)],
        help_text=_("Totaalscore, 0 tot en met 100."),
    )
    leading_complaint_icpc = models.CharField(_("ICPC van de leidende klacht"), max_length=3, choices=ICPC_CHOICES, blank=True)
    # SCEGS — notes per dimension
    somatic_note = models.TextField(_("notitie somatisch"), max_length=NOTE, blank=True)
    cognitive_note = models.TextField(_("notitie cognitief"), max_length=NOTE, blank=True)
    emotional_note = models.TextField(_("notitie emotioneel"), max_length=NOTE, blank=True)
    behavioural_note = models.TextField(_("notitie gedragsmatig"), max_length=NOTE, blank=True)
    social_note = models.TextField(_("notitie sociaal"), max_length=NOTE, blank=True)
    asked_questions = slug_list(_("gestelde vragen"))
    factors = slug_list(_("instandhoudende factoren"))
    severity = models.CharField(_("ernst"), max_length=80, blank=True)

    # Joint problem definition
    problem_summary = models.TextField(_("samenvatting van de huisarts"), max_length=LONG, blank=True)
    patient_words = models.TextField(_("in de woorden van de patiënt"), max_length=LONG, blank=True)
    agreement = models.CharField(_("overeenstemming"), max_length=10, choices=Agreement.choices, blank=True)
    needed_first = models.CharField(_("wat is eerst nodig"), max_length=20, choices=NeededFirst.choices, blank=True)
    needed_first_note = models.TextField(_("toelichting"), max_length=LONG, blank=True)
    proceed_without_agreement = models.BooleanField(_("toch uitleg geven"), default=False)

    # Explanation
    explanation_model = models.CharField(_("verklaringsmodel"), max_length=80, blank=True)
    metaphors = slug_list(_("metaforen"))
    teach_back = models.TextField(_("teach-back: zo vertelde de patiënt het terug"), max_length=LONG, blank=True)

    # Plan
    advice = slug_list(_("zelfmanagementadvies"))
    referrals = slug_list(_("verwijzing naar"))
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

    # What a clinician may change through the consult's steps; nothing else.
    ANSWER_FIELDS = frozenset({
        "permission_given", "wants_further_investigation",
        "complaints", "duration", "earlier_investigations", "medication", "red_flags", "red_flags_present",
        "red_flag_action", "red_flag_action_note", "physical_examination", "cs_tests", "phq15",
        "fourdkl_somatisation", "csi", "leading_complaint_icpc", *SCEGS_NOTE_FIELDS.values(), "asked_questions",
        "factors", "severity", "problem_summary", "patient_words", "agreement", "needed_first",
        "needed_first_note", "proceed_without_agreement", "explanation_model", "metaphors", "teach_back",
        "advice", "referrals", "referral_other", "consent_occupational_physician", "referral_question",
        "next_appointment", "safety_netting",
    })
    # What a new visit of the same patient starts from: the exploration and how the GP
    # summed it up. The agreement is made again; the earlier visit keeps its own.
    CARRIED_FORWARD = (
        "complaints", "duration", "earlier_investigations", "medication", "red_flags", "red_flags_present",
        "red_flag_action", "red_flag_action_note", "physical_examination", "cs_tests", "phq15",
        "fourdkl_somatisation", "csi", "leading_complaint_icpc", *SCEGS_NOTE_FIELDS.values(), "asked_questions",
        "factors", "severity", "problem_summary", "patient_words",
    )
    # Answers that only make sense once the explanation may be given.
    EXPLANATION_FIELDS = frozenset({
        "explanation_model", "metaphors", "teach_back", "advice", "referrals", "referral_other",
        "consent_occupational_physician", "referral_question", "next_appointment", "safety_netting",
    })

    # What the explanation can wait for (explanation_waits_for), in words.
    WAIT_REASONS = {
        "agreement": _("wacht op overeenstemming"),
        "red_flag": _("wacht op beleid bij alarmsymptoom"),
    }

    objects = ConsultQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("consult")
        verbose_name_plural = _("consulten")
        indexes = [
            models.Index(fields=["practice", "-created_at"], name="consult_practice_created"),
            models.Index(fields=["patient", "created_at"], name="consult_patient_created"),
        ]

    def __str__(self):
        return f"{self.patient} {self.created_at:%Y-%m-%d}" if self.created_at else str(self.patient)

    @property
    def patient_reference(self):
        """The access log names the consult by its patient's reference."""
        return self.patient.reference

    @property
    def first_name(self):
        return self.patient.first_name

    # --- the consult's state -------------------------------------------------------

    @property
    def is_final(self):
        return self.status == self.Status.FINAL

    @property
    def has_agreement(self):
        return self.agreement == self.Agreement.YES

    @property
    def red_flag_open(self):
        """A red flag is recorded as present and what was done about it is not."""
        if self.red_flags != self.RedFlags.PRESENT:
            return False
        if not self.red_flag_action:
            return True
        return self.red_flag_action == self.RedFlagAction.DEALT_WITH and not self.red_flag_action_note.strip()

    @property
    def explanation_waits_for(self):
        """Why the explanation cannot be given yet: "red_flag", "agreement" or None."""
        if self.red_flag_open:
            return "red_flag"
        if not (self.has_agreement or (self.agreement and self.proceed_without_agreement)):
            return "agreement"
        return None

    @property
    def may_explain(self):
        return self.explanation_waits_for is None

    @property
    def can_hand_out(self):
        """The handout (and everything that hands it out) may be made."""
        return self.may_explain and bool(self.explanation_model)

    # --- choices from the content library -----------------------------------------

    @cached_property
    def library(self):
        return library_for(self.content_version)

    def chosen(self, field):
        """The library rows a choice field names: one row (or None) or a list."""
        kind = LIBRARY_CHOICES[field]
        value = getattr(self, field)
        if isinstance(value, list):
            return self.library.pick(kind, value)
        return self.library.get(kind, value)

    @property
    def chosen_model_name(self):
        model = self.chosen("explanation_model")
        return model.name if model else ""

    @property
    def chosen_severity_label(self):
        grade = self.chosen("severity")
        return grade.label if grade else ""

    # --- rules for a change ---------------------------------------------------------

    def apply_rules(self):
        """Bring related answers in line after a change; {field: note} says what moved.

        Choosing another explanation model keeps the metaphors that fit it and drops the
        others, instead of refusing the save.
        """
        notes = {}
        for field, kind in LIBRARY_CHOICES.items():
            value = getattr(self, field)
            if isinstance(value, list):
                setattr(self, field, self.library.sort(kind, value))
            elif value and self.library.get(kind, value) is None:
                setattr(self, field, "")  # a choice this consult's library does not have
        if self.explanation_model:
            fitting = set(self.library.metaphors_for(self.explanation_model))
            dropped = [slug for slug in self.metaphors if slug not in fitting]
            if dropped:
                self.metaphors = [slug for slug in self.metaphors if slug in fitting]
                names = ", ".join(m.name for m in self.library.pick(Metaphor, dropped))
                model = self.library.get(ExplanationModel, self.explanation_model)
                notes["metaphors"] = _("Uitgevinkt omdat ze niet bij %(model)s passen: %(names)s.") % {
                    "model": model.name if model else self.explanation_model, "names": names}
        return notes

    def clean(self):
        errors = {}
        for field, kind in LIBRARY_CHOICES.items():
            value = getattr(self, field)
            slugs = value if isinstance(value, list) else [value] if value else []
            unknown = [s for s in slugs if not isinstance(s, str) or self.library.get(kind, s) is None]
            if unknown:
                errors[field] = _("Onbekende keuze.")
        if errors:
            raise ValidationError(errors)


class Issue(models.Model):
    """An issue (uitgifte): exactly what was handed out when a consult was finalised.

    Never changed. A reopened and finalised consult gets a new issue; the old one stays.
    """

    consult = models.ForeignKey(Consult, on_delete=models.PROTECT, related_name="issues")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    content_version = models.ForeignKey(ContentVersion, on_delete=models.PROTECT, related_name="+")
    handout_html = models.TextField()
    handout_pdf = models.FileField(upload_to="uitgiftes/", blank=True)
    referrals = models.JSONField(default=dict)  # recipient slug -> {"label", "scope", "text"}
    journal_text = models.TextField()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("uitgifte")
        verbose_name_plural = _("uitgiftes")
        constraints = [models.UniqueConstraint(fields=["consult", "number"], name="issue_number_per_consult")]

    def __str__(self):
        return f"{self.consult} #{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("An issue is never changed")
        super().save(*args, **kwargs)
