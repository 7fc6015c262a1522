"""The care pathway after the GP's explanation: the POH-GGZ's intake, the follow-up
sessions with goals and PHQ-15, and the follow-up handout.

A session or intake is one contact's own record: a later one never changes an earlier one.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from explanations.library import library_for
from explanations.models import Measure
from printing.stored import StoredPdf

NOTE = 4000
LONG = 2000


def score(verbose_name, top, help_text=""):
    return models.PositiveSmallIntegerField(verbose_name, null=True, blank=True, validators=[MaxValueValidator(top)],
                                            help_text=help_text or _("Totaalscore, 0 tot en met %(top)s.") % {"top": top})


class Record(models.Model):
    """What intakes and sessions share: a patient, an author, and versioned autosave."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, related_name="%(class)ss")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    content_version = models.ForeignKey("explanations.ContentVersion", on_delete=models.PROTECT, related_name="+")

    class Meta:
        abstract = True

    @property
    def patient_reference(self):
        return self.patient.reference

    @property
    def library(self):
        return library_for(self.content_version)

    def measure(self, slug):
        return self.library.get(Measure, slug)


class Intake(Record):
    """The POH-GGZ's first contact after the GP referred: does the joint problem definition
    still hold, what else plays (depression, anxiety, trauma), and what comes next."""

    class Holds(models.TextChoices):
        YES = "yes", _("Ja, de probleemdefinitie klopt nog")
        NO = "no", _("Nee: terug naar de huisarts")

    class Decision(models.TextChoices):
        CONTINUE = "continue", _("Begeleiding door de POH-GGZ")
        BASIC_GGZ = "basic_ggz", _("Verwijzen naar de basis-GGZ")
        SPECIALISED_GGZ = "specialised_ggz", _("Verwijzen naar de specialistische GGZ")
        ALK_CENTRE = "alk_centre", _("Verwijzen naar een ALK-centrum")
        BACK_TO_GP = "back_to_gp", _("Terug naar de huisarts")

    FOURDKL = {
        "fourdkl_distress": "4dkl-distress", "fourdkl_depression": "4dkl-depressie",
        "fourdkl_anxiety": "4dkl-angst", "fourdkl_somatisation": "4dkl-somatisatie",
    }
    REFERRALS = {  # decision -> recipient of the content library
        Decision.BASIC_GGZ: "psycholoog", Decision.SPECIALISED_GGZ: "specialistische_ggz",
        Decision.ALK_CENTRE: "alk_centrum",
    }

    consult = models.ForeignKey("consult.Consult", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                help_text=_("Het consult van de huisarts waarop deze intake volgt."))
    problem_definition_holds = models.CharField(_("klopt de gezamenlijke probleemdefinitie nog?"), max_length=3,
                                                choices=Holds.choices, blank=True)
    problem_definition_note = models.TextField(_("wat de patiënt er nu over zegt"), max_length=LONG, blank=True)
    depression_note = models.TextField(_("screening depressie"), max_length=LONG, blank=True)
    anxiety_note = models.TextField(_("screening angst"), max_length=LONG, blank=True)
    trauma_note = models.TextField(_("screening trauma"), max_length=LONG, blank=True)
    fourdkl_distress = score(_("4DKL distress"), 32)
    fourdkl_depression = score(_("4DKL depressie"), 12)
    fourdkl_anxiety = score(_("4DKL angst"), 24)
    fourdkl_somatisation = score(_("4DKL somatisatie"), 32)
    decision = models.CharField(_("besluit"), max_length=20, choices=Decision.choices, blank=True)
    decision_note = models.TextField(_("toelichting bij het besluit"), max_length=LONG, blank=True)
    referral_question = models.TextField(_("vraag aan de nieuwe behandelaar"), max_length=LONG, blank=True)

    ANSWER_FIELDS = frozenset({
        "problem_definition_holds", "problem_definition_note", "depression_note", "anxiety_note", "trauma_note",
        *FOURDKL, "decision", "decision_note", "referral_question",
    })

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        indexes = [models.Index(fields=["patient", "-created_at"], name="intake_patient_created")]

    def apply_rules(self):
        """When the problem definition no longer holds, the patient goes back to the GP."""
        if self.problem_definition_holds == self.Holds.NO and self.decision != self.Decision.BACK_TO_GP:
            self.decision = self.Decision.BACK_TO_GP
            return {"decision": _("De probleemdefinitie klopt niet meer: de patiënt gaat terug naar de huisarts.")}
        return {}

    @property
    def back_to_gp(self):
        return self.decision == self.Decision.BACK_TO_GP

    def fourdkl_bands(self):
        """[(scale name, score, band)] of the 4DKL scales that have a score."""
        rows = []
        for field, slug in self.FOURDKL.items():
            value, measure = getattr(self, field), self.measure(slug)
            if value is not None and measure is not None:
                rows.append((measure.name, value, measure.band(value)))
        return rows

    def missing(self):
        """What the intake still needs to be complete."""
        missing = {}
        if not self.problem_definition_holds:
            missing["problem_definition_holds"] = _("Vul dit in om de intake af te ronden.")
        if not self.decision:
            missing["decision"] = _("Kies wat er na de intake gebeurt.")
        return missing


PHQ15_ITEMS = [f"phq15_{n}" for n in range(1, 16)]


def phq15_item(number):
    return models.PositiveSmallIntegerField(_("PHQ-15 vraag %(n)s") % {"n": number}, null=True, blank=True,
                                            validators=[MaxValueValidator(2)])


class Session(Record):
    """One follow-up contact (planned, or held), by the POH-GGZ or the GP."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        FINAL = "final", _("Vervolgfolder meegegeven")

    date = models.DateField(_("datum"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    note = models.TextField(_("aantekening (voor collega’s)"), max_length=NOTE, blank=True)
    worked_on = models.TextField(_("wat we deden (voor de patiënt)"), max_length=LONG, blank=True,
                                 help_text=_("Staat in de vervolgfolder. Korte zinnen, in de woorden die de patiënt kent."))
    next_steps = models.TextField(_("volgende stappen (voor de patiënt)"), max_length=LONG, blank=True,
                                  help_text=_("Staat in de vervolgfolder."))
    next_appointment = models.CharField(_("volgende afspraak"), max_length=200, blank=True)
    phq15_total = score(_("PHQ-15 totaal"), 30, _("Alleen als u de vragen hieronder niet invult. 0 tot en met 30."))
    phq15_1 = phq15_item(1)
    phq15_2 = phq15_item(2)
    phq15_3 = phq15_item(3)
    phq15_4 = phq15_item(4)
    phq15_5 = phq15_item(5)
    phq15_6 = phq15_item(6)
    phq15_7 = phq15_item(7)
    phq15_8 = phq15_item(8)
    phq15_9 = phq15_item(9)
    phq15_10 = phq15_item(10)
    phq15_11 = phq15_item(11)
    phq15_12 = phq15_item(12)
    phq15_13 = phq15_item(13)
    phq15_14 = phq15_item(14)
    phq15_15 = phq15_item(15)

    ANSWER_FIELDS = frozenset({"date", "note", "worked_on", "next_steps", "next_appointment", "phq15_total", *PHQ15_ITEMS})
    HANDOUT_FIELDS = ("worked_on", "next_steps", "next_appointment")

    class Meta:
        ordering = ["date", "created_at"]
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        indexes = [models.Index(fields=["patient", "date"], name="session_patient_date")]

    @property
    def is_final(self):
        return self.status == self.Status.FINAL

    @property
    def phq15_score(self):
        """The items' sum when every item is answered, else the total typed in, else None."""
        items = [getattr(self, name) for name in PHQ15_ITEMS]
        if all(value is not None for value in items):
            return sum(items)
        return self.phq15_total

    @property
    def phq15_band(self):
        measure = self.measure("phq15")
        return measure.band(self.phq15_score) if measure else None


class Goal(models.Model):
    """What the patient works towards; it goes on from session to session."""

    class Status(models.TextChoices):
        NEW = "new", _("Nieuw")
        WORKING = "working", _("Mee bezig")
        REACHED = "reached", _("Bereikt")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, related_name="goals")
    text = models.CharField(_("doel (in de woorden van de patiënt)"), max_length=200)
    status = models.CharField(_("stand"), max_length=10, choices=Status.choices, default=Status.NEW)
    set_in = models.ForeignKey(Session, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    @property
    def patient_reference(self):
        return self.patient.reference


class FollowUpIssue(StoredPdf, models.Model):
    """The follow-up handout exactly as handed out after a session. Never changed, except
    that its PDF, rendered by the task worker, is attached once."""

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="issues")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    handout_html = models.TextField()
    handout_pdf = models.FileField(upload_to="vervolgfolders/", blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("meegegeven vervolgfolder")
        verbose_name_plural = _("meegegeven vervolgfolders")
        constraints = [models.UniqueConstraint(fields=["session", "number"], name="followup_issue_number")]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("An issued handout is never changed")
        super().save(*args, **kwargs)
