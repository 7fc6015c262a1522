from django.contrib.auth.password_validation import MinimumLengthValidator
from django.utils.translation import ngettext


class MinimumLength(MinimumLengthValidator):
    """Django's rule, with a message the Dutch translation of Django 5.2 still lacks."""

    def get_error_message(self):
        return ngettext(
            "Dit wachtwoord is te kort: gebruik ten minste %(min_length)d teken.",
            "Dit wachtwoord is te kort: gebruik ten minste %(min_length)d tekens.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Gebruik ten minste %(min_length)d teken.", "Gebruik ten minste %(min_length)d tekens.", self.min_length
        ) % {"min_length": self.min_length}
