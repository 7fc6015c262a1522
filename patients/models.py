"""A patient of a practice: the thread through every consult, intake and session.

The app knows a patient only by a label the practice chooses (initials and year of birth,
or the HIS number), never by BSN, and optionally by a first name for the handouts.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .bsn import looks_like_bsn


class PatientQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated or user.practice_id is None:
            return self.none()
        return self.filter(practice_id=user.practice_id)


class Patient(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    practice = models.ForeignKey("practices.Practice", on_delete=models.PROTECT, related_name="patients")
    reference = models.CharField(
        _("patiëntreferentie"), max_length=40,
        help_text=_("Een label dat u kiest, zoals initialen en geboortejaar of het HIS-nummer. Geen BSN. Maximaal 40 tekens."),
    )
    reference_is_not_bsn = models.BooleanField(
        _("Dit is geen BSN, maar een ander nummer (bijvoorbeeld het HIS-nummer)"), default=False,
    )
    first_name = models.CharField(
        _("voornaam voor de folder"), max_length=40, blank=True,
        help_text=_("Optioneel. Staat alleen boven de folder. Maximaal 40 tekens."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # When the latest consult started (or the patient was added): the patient list's
    # order, kept here so that the list reads one index however many consults there are.
    last_visit_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = PatientQuerySet.as_manager()

    class Meta:
        ordering = ["reference"]
        verbose_name = _("patiënt")
        verbose_name_plural = _("patiënten")
        constraints = [models.UniqueConstraint(fields=["practice", "reference"], name="patient_reference_per_practice")]
        indexes = [models.Index(fields=["practice", "-last_visit_at", "reference"], name="patient_practice_recent")]

    def __str__(self):
        return self.reference

    # The access log names a record by these.
    @property
    def patient_reference(self):
        return self.reference

    @property
    def patient_id(self):
        return self.pk

    def clean(self):
        if looks_like_bsn(self.reference) and not self.reference_is_not_bsn:
            raise ValidationError({"reference": _(
                "Dit lijkt op een BSN. Gebruik geen BSN; kies initialen met geboortejaar of het HIS-nummer. "
                "Is het echt geen BSN? Vink dat dan hieronder aan."
            )})


class TimelineEntry(models.Model):
    """A dated event in the patient's story: symptoms and life events side by side (seed 002)."""

    class Kind(models.TextChoices):
        SYMPTOM = "symptom", _("Klacht")
        LIFE_EVENT = "life_event", _("Gebeurtenis in het leven")
        INVESTIGATION = "investigation", _("Onderzoek")
        TREATMENT = "treatment", _("Behandeling")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="timeline")
    date = models.DateField(_("datum"), help_text=_("Weet u alleen de maand of het jaar? Kies dan de eerste dag."))
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    text = models.CharField(_("omschrijving"), max_length=120, help_text=_("Kort, bijvoorbeeld ‘rugpijn begint’. Maximaal 120 tekens."))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["date", "created_at"]
        verbose_name = _("tijdlijnmoment")
        verbose_name_plural = _("tijdlijn")

    def __str__(self):
        return f"{self.date}: {self.text}"

    @property
    def patient_reference(self):
        return self.patient.reference


class LanguageOverride(models.Model):
    """A clinician's judgement that a phrase the language guard found is not harmful in
    its context, for one text field of one record (a consult or a follow-up session).

    It names the exact words matched, who decided and when: a false alarm never blocks a
    handout, and the decision stays reviewable.
    """

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="language_overrides")
    record = models.CharField(max_length=80)  # "consult:<pk>" or "session:<pk>"
    field = models.CharField(max_length=60)
    phrase = models.SlugField(max_length=80)  # PhraseToAvoid slug
    matched = models.CharField(max_length=300)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decided_at"]
        verbose_name = _("niet schadelijk in deze context")
        verbose_name_plural = _("niet schadelijk in deze context")
        constraints = [
            models.UniqueConstraint(fields=["record", "field", "phrase", "matched"], name="one_override_per_match")
        ]

    def __str__(self):
        return f"{self.field}: {self.matched}"

    @staticmethod
    def key(record):
        """The record key of a consult or a follow-up session."""
        return f"{record._meta.model_name}:{record.pk}"
