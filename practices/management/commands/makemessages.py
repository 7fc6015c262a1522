from django.core.management.commands import makemessages


class Command(makemessages.Command):
    """Django's makemessages, which also finds the JavaScript's t("…") calls (t wraps
    gettext from the JavaScript catalog)."""

    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=t"]
