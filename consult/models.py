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
    Measure,
    Metaphor,
    Recipient,
    SampleQuestion,
    SelfManagementAdvice,
    SeverityGrade,
)
from practices.models import Practice
from printing.stored import StoredPdf

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


# The recipient slug of a referral to the practice's own POH-GGZ, who then plans an intake.
POH_GGZ_REFERRAL = "poh_ggz"


class ConsultQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated or user.practice_id is None:
            return self.none()
        return self.filter(practice_id=user.practice_id)

    def referring_to_poh_ggz(self):
        """Consult.refers_to_poh_ggz, in the database. A JSON "contains" is not portable to
        SQLite; the JSON text holds each slug in quotes, so the quoted slug matches only itself."""
        return self.filter(referrals__icontains=f'"{POH_GGZ_REFERRAL}"')


def slug_list(verbose_name):
    return models.JSONField(verbose_name, default=list, blank=True)


class Cluster(models.TextChoices):
    """The NHG symptom clusters (klachtenclusters) for grading severity."""

    GASTRO = "maag-darm", _("Maag en darmen (bijv. buikpijn, misselijkheid, ontlasting)")
    CARDIO = "hart-longen", _("Hart en longen (bijv. hartkloppingen, benauwdheid, pijn op de borst)")
    MUSCULO = "bewegingsapparaat", _("Bewegingsapparaat (bijv. spier-, gewrichts- of rugpijn, zwakte)")
    GENERAL = "algemeen", _("Algemeen (bijv. moeheid, hoofdpijn, duizeligheid, concentratie)")


class Limitation(models.TextChoices):
    LIGHT = "light", _("Licht beperkt")
    CLEAR = "clear", _("Duidelijk beperkt")
    SEVERE = "severe", _("Ernstig beperkt")


class Course(models.TextChoices):
    WEEKS = "weeks", _("Enkele weken, zoals bij deze klacht te verwachten")
    LONGER = "longer", _("Langer dan verwacht, korter dan 3 maanden")
    MONTHS = "months", _("Langer dan 3 maanden")


# Each NHG criterion at level 1 (light), 2 (moderate) or 3 (severe).
LIMITATION_LEVEL = {Limitation.LIGHT: 1, Limitation.CLEAR: 2, Limitation.SEVERE: 3}
COURSE_LEVEL = {Course.WEEKS: 1, Course.LONGER: 2, Course.MONTHS: 3}


def cluster_level(count):
    """One or two clusters is light, three moderate, all four severe."""
    return 1 if count <= 2 else 2 if count < len(Cluster) else 3


def severity_from_criteria(clusters, limitation, course):
    """The severity grade (slug) the NHG criteria suggest, or "" while one is missing.

    The NHG standard (SOLK, M102) grades mild as little limitation with symptoms in one or two
    clusters, severe as severe limitation with symptoms in all clusters for more than
    three months, and everything between as moderate: so "licht" when all three
    criteria are light, "ernstig" when all three are severe, "matig" otherwise.
    """
    if not clusters or limitation not in LIMITATION_LEVEL or course not in COURSE_LEVEL:
        return ""
    levels = {cluster_level(len(set(clusters))), LIMITATION_LEVEL[limitation], COURSE_LEVEL[course]}
    if levels == {1}:
        return "licht"
    if levels == {3}:
        return "ernstig"
    return "matig"


# Measures entered as totals on the consult: the library measure that reads them, and
# the name to use when the library has none.
MEASURES = {"phq15": ("phq15", "PHQ-15"), "fourdkl_somatisation": ("4dkl-somatisatie", "4DKL somatisatie")}

# ICPC codes that fit a functional motor complaint (weakness, a leg that does not take part).
MOTOR_ICPC = ["N18", "N29"]


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

    class Urgency(models.TextChoices):
        ROUTINE = "routine", _("Regulier")
        SOON = "soon", _("Graag op korte termijn (binnen enkele weken)")

    class HandoutLanguage(models.TextChoices):
        DUTCH = "nl", _("Nederlands")
        ENGLISH = "en", _("Engels")

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
    comorbidity = models.TextField(_("voorgeschiedenis en comorbiditeit"), max_length=LONG, blank=True)
    contraindications = models.TextField(
        _("contra-indicaties (voor belasting of behandeling), als bekend"), max_length=LONG, blank=True
    )
    functional_weakness = models.BooleanField(
        _("de klacht is (ook) functionele zwakte of een bewegingsprobleem"), default=False,
        help_text=_("Bijvoorbeeld een been dat niet goed meedoet na een ongeval. De verwijzing naar de "
                    "fysiotherapeut vraagt dan om motorische hertraining."),
    )
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
    # SCEGS — cognitive and social, as the referral needs them
    patient_expectations = models.TextField(
        _("verwachtingen van de patiënt (van het beloop en van de zorg)"), max_length=LONG, blank=True
    )
    functional_consequences = models.TextField(
        _("gevolgen voor het dagelijks functioneren en werk"), max_length=LONG, blank=True,
        help_text=_("Wat lukt wel en wat niet, thuis en op het werk. Gaat met toestemming ook naar de "
                    "bedrijfsarts: schrijf alleen wat daarvoor nodig is."),
    )
    # SCEGS — notes per dimension
    somatic_note = models.TextField(_("notitie somatisch"), max_length=NOTE, blank=True)
    cognitive_note = models.TextField(_("notitie cognitief"), max_length=NOTE, blank=True)
    emotional_note = models.TextField(_("notitie emotioneel"), max_length=NOTE, blank=True)
    behavioural_note = models.TextField(_("notitie gedragsmatig"), max_length=NOTE, blank=True)
    social_note = models.TextField(_("notitie sociaal"), max_length=NOTE, blank=True)
    asked_questions = slug_list(_("gestelde vragen"))
    factors = slug_list(_("instandhoudende factoren"))
    severity = models.CharField(_("ernst"), max_length=80, blank=True)
    # The NHG criteria for the severity grade; the grade they suggest is suggested_severity.
    symptom_clusters = models.JSONField(_("klachtenclusters"), default=list, blank=True)
    daily_limitation = models.CharField(
        _("beperking in het dagelijks leven"), max_length=10, choices=Limitation.choices, blank=True
    )
    course = models.CharField(_("beloop in de tijd"), max_length=10, choices=Course.choices, blank=True)

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
    # recipient slug -> the question for that recipient only
    referral_question = models.JSONField(
        _("specifieke vraag per ontvanger"), default=dict, blank=True,
        help_text=_("Elke vraag komt alleen in de verwijstekst voor die ontvanger, onder ‘Reden en vraagstelling’."),
    )
    referral_urgency = models.CharField(
        _("urgentie van de verwijzing"), max_length=10, choices=Urgency.choices, default=Urgency.ROUTINE,
    )
    dsm5_classification = models.CharField(
        _("vermoedelijke DSM-5-classificatie (voor de psycholoog)"), max_length=SHORT, blank=True,
        help_text=_("Vraagt de zorgverzekeraar bij een verwijzing naar de basis-GGZ. Staat alleen in de tekst voor "
                    "de psycholoog. Bijvoorbeeld: somatische-symptoomstoornis (vermoedelijk)."),
    )
    next_appointment = models.CharField(_("volgende afspraak"), max_length=SHORT, blank=True)
    safety_netting = models.TextField(_("wanneer contact opnemen"), max_length=LONG, blank=True)
    handout_language = models.CharField(
        _("taal van de folder"), max_length=8, choices=HandoutLanguage.choices, default=HandoutLanguage.DUTCH,
        help_text=_("De folder en de presentatie in de taal van de patiënt. Verwijsteksten en SOEP blijven Nederlands."),
    )

    # What a clinician may change through the consult's steps; nothing else.
    ANSWER_FIELDS = frozenset({
        "permission_given", "wants_further_investigation",
        "complaints", "duration", "earlier_investigations", "medication", "comorbidity", "contraindications",
        "functional_weakness", "red_flags", "red_flags_present",
        "red_flag_action", "red_flag_action_note", "physical_examination", "cs_tests", "phq15",
        "fourdkl_somatisation", "csi", "leading_complaint_icpc", "patient_expectations", "functional_consequences",
        *SCEGS_NOTE_FIELDS.values(), "asked_questions",
        "factors", "severity", "symptom_clusters", "daily_limitation", "course",
        "problem_summary", "patient_words", "agreement", "needed_first",
        "needed_first_note", "proceed_without_agreement", "explanation_model", "metaphors", "teach_back",
        "advice", "referrals", "referral_other", "consent_occupational_physician", "referral_question",
        "referral_urgency", "dsm5_classification", "next_appointment", "safety_netting", "handout_language",
    })
    # What a new visit of the same patient starts from: the exploration and how the GP
    # summed it up. The agreement is made again; the earlier visit keeps its own.
    CARRIED_FORWARD = (
        "complaints", "duration", "earlier_investigations", "medication", "comorbidity", "contraindications",
        "functional_weakness", "red_flags", "red_flags_present",
        "red_flag_action", "red_flag_action_note", "physical_examination", "cs_tests", "phq15",
        "fourdkl_somatisation", "csi", "leading_complaint_icpc", "patient_expectations", "functional_consequences",
        *SCEGS_NOTE_FIELDS.values(), "asked_questions",
        "factors", "severity", "symptom_clusters", "daily_limitation", "course", "problem_summary", "patient_words",
        "handout_language",
    )
    # Answers that only make sense once the explanation may be given. (The question per
    # recipient, the urgency and the DSM-5 classification are not among them: a referral
    # can be what is needed first.)
    EXPLANATION_FIELDS = frozenset({
        "explanation_model", "metaphors", "teach_back", "advice", "referrals", "referral_other",
        "consent_occupational_physician", "next_appointment", "safety_netting",
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
    def refers_to_poh_ggz(self):
        return POH_GGZ_REFERRAL in self.referrals

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

    @cached_property
    def handout_library(self):
        """The library the patient reads: the newest published version in the handout's
        language, mapped by slug; the consult's own library when that is the language
        (or when no library in that language has been published)."""
        if self.handout_language == self.content_version.language:
            return self.library
        version = ContentVersion.current(self.handout_language)
        return library_for(version) if version is not None else self.library

    def chosen(self, field, library=None):
        """The library rows a choice field names: one row (or None) or a list, read from
        the consult's own library or from another one (the handout's) by slug."""
        kind = LIBRARY_CHOICES[field]
        value = getattr(self, field)
        library = library or self.library
        if isinstance(value, list):
            return library.pick(kind, value)
        return library.get(kind, value)

    @property
    def chosen_model_name(self):
        model = self.chosen("explanation_model")
        return model.name if model else ""

    @property
    def chosen_severity_label(self):
        grade = self.chosen("severity")
        return grade.label if grade else ""

    # --- severity by the NHG criteria, and the measures ---------------------------

    @property
    def suggested_severity(self):
        """The library's severity grade that the recorded NHG criteria suggest, or None."""
        return self.library.get(SeverityGrade, severity_from_criteria(self.symptom_clusters, self.daily_limitation,
                                                                      self.course))

    @property
    def severity_criteria(self):
        """The recorded NHG criteria in words ("3 van de 4 klachtenclusters, ..."), or ""."""
        parts = []
        if self.symptom_clusters:
            parts.append(_("%(n)s van de %(total)s klachtenclusters") % {
                "n": len(set(self.symptom_clusters)), "total": len(Cluster)})
        if self.daily_limitation:
            parts.append(_("%(limitation)s in het dagelijks leven") % {
                "limitation": self.get_daily_limitation_display().lower()})
        if self.course:
            parts.append(self.get_course_display().lower())
        return ", ".join(str(p) for p in parts)

    def measure_bands(self):
        """[(measure name, score, band)] of the totals entered, read with the library's bands
        (Measure.band, as the care pathway reads them); band None without that measure."""
        rows = []
        for field, (slug, name) in MEASURES.items():
            value, measure = getattr(self, field), self.library.get(Measure, slug)
            if value is not None:
                rows.append((measure.name, value, measure.band(value)) if measure else (name, value, None))
        return rows

    @property
    def icpc_suggestions(self):
        """ICPC codes that fit what is recorded: a functional motor complaint has its own."""
        return MOTOR_ICPC if self.functional_weakness else []

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
        if isinstance(self.symptom_clusters, list) and all(isinstance(c, str) for c in self.symptom_clusters):
            chosen = set(self.symptom_clusters)
            self.symptom_clusters = [c for c in Cluster.values if c in chosen] + [c for c in self.symptom_clusters
                                                                                 if c not in Cluster.values]
        if isinstance(self.referral_question, dict):
            self.referral_question = {slug: text for slug, text in self.referral_question.items() if text}
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
        clusters = self.symptom_clusters
        if not isinstance(clusters, list) or any(c not in Cluster.values for c in clusters):
            errors["symptom_clusters"] = _("Onbekende keuze.")
        questions = self.referral_question
        if not isinstance(questions, dict) or any(
            not isinstance(slug, str) or self.library.get(Recipient, slug) is None for slug in questions
        ):
            errors["referral_question"] = _("Onbekende ontvanger.")
        elif any(not isinstance(text, str) or len(text) > LONG for text in questions.values()):
            errors["referral_question"] = _("Maximaal %(n)s tekens per vraag. Maak de vraag korter.") % {"n": LONG}
        if errors:
            raise ValidationError(errors)


class Issue(StoredPdf, models.Model):
    """An issue (uitgifte): exactly what was handed out when a consult was finalised.

    Never changed, except that its PDF, rendered by the task worker, is attached once.
    A reopened and finalised consult gets a new issue; the old one stays.
    """

    TEXTS = ("handout_html", "referrals", "journal_text")  # what was handed out; tens of kB

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

