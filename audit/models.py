"""The NEN 7513 access log: who did what with which patient's record, when, from where.

Rows are only ever added. The log holds no clinical text: a consult is named by its id
and the patient reference the practice chose, and a change by the names of the fields.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessEvent(models.Model):
    class Action(models.TextChoices):
        READ = "read", _("Bekeken")
        CREATE = "create", _("Aangemaakt")
        CHANGE = "change", _("Gewijzigd")
        PRINT = "print", _("Afgedrukt/gedownload")
        COPY = "copy", _("Gekopieerd/geëxporteerd")
        SEARCH = "search", _("Gezocht")
        LOGIN = "login", _("Ingelogd")
        LOGIN_FAILED = "login_failed", _("Inloggen mislukt")
        LOGOUT = "logout", _("Uitgelogd")
        DENIED = "denied", _("Geweigerd")
        DESTROY = "destroy", _("Vernietigd")

    at = models.DateTimeField(auto_now_add=True)
    # Empty for someone without a practice (a content editor, an administrator) or a
    # failed login with an unknown username.
    practice = models.ForeignKey("practices.Practice", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # Plain ids, not foreign keys: the log outlives what it names. The record is the
    # consult, intake or session read or changed; the patient is whose it is.
    record_id = models.UUIDField(null=True, blank=True)
    patient_id = models.UUIDField(null=True, blank=True)
    patient_reference = models.CharField(max_length=40, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    what = models.TextField(blank=True)  # stable names (see audit.labels), never cut off
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("toegangsregel")
        verbose_name_plural = _("toegangslog")
        indexes = [
            models.Index(fields=["practice", "-id"], name="accessevent_practice_id"),
            models.Index(fields=["record_id", "-at"], name="accessevent_record_at"),
            models.Index(fields=["patient_id", "-id"], name="accessevent_patient"),
        ]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The access log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The access log is append-only")

    @property
    def description(self):
        from .labels import describe

        return describe(self.what)
