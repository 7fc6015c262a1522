from django.contrib.auth.models import AbstractUser
from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class Practice(models.Model):
    name = models.CharField(_("naam"), max_length=120)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    website = models.CharField(_("website"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("praktijk")
        verbose_name_plural = _("praktijken")

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    GP = "gp", _("Huisarts")
    POH_GGZ = "poh_ggz", _("POH-GGZ")
    MANAGER = "manager", _("Praktijkmanager")
    CONTENT_EDITOR = "content_editor", _("Inhoudsredacteur")


# Roles that belong to a practice; a content editor belongs to none and sees no patient.
PRACTICE_ROLES = {Role.GP, Role.POH_GGZ, Role.MANAGER}


class User(AbstractUser):
    practice = models.ForeignKey(
        Practice, on_delete=models.PROTECT, null=True, blank=True, related_name="users",
        verbose_name=_("praktijk"),
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.GP)
    # Raised when the second factor is reset: every session of the user ends with it.
    security_stamp = models.PositiveIntegerField(default=0, editable=False)
    ui_language = models.CharField(_("taal van de app"), max_length=8, choices=settings.LANGUAGES,
                                   default=settings.LANGUAGE_CODE)

    @property
    def is_clinician(self):
        return self.practice_id is not None and self.role in {Role.GP, Role.POH_GGZ}

    @property
    def display_name(self):
        return self.get_full_name() or self.username

    def get_session_auth_hash(self):
        """Like Django's (which ends sessions when the password changes), and also when
        the security stamp changes."""
        return salted_hmac(
            "practices.User.get_session_auth_hash", f"{self.password}:{self.security_stamp}", algorithm="sha256"
        ).hexdigest()
