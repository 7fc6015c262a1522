from django.core.management.base import BaseCommand, CommandError

from explanations import kinds
from explanations.actions import load_library


class Command(BaseCommand):
    help = ("Load the explanation library of every language (explanations/content/ for Dutch, "
            "explanations/content/<language>/ for the others) as a new published version where it changed.")

    def add_arguments(self, parser):
        parser.add_argument("--language", choices=kinds.LANGUAGES, help="load only this language")

    def handle(self, *args, language=None, **options):
        for lang in [language] if language else kinds.LANGUAGES:
            try:
                version, created = load_library(language=lang)
            except kinds.ContentError as exc:
                raise CommandError(f"Content ({lang}) not loaded: {exc}") from exc
            if created:
                self.stdout.write(f"Published content version {version.number} ({lang}).")
            else:
                self.stdout.write(f"Content ({lang}) unchanged; version {version.number} stays current.")
