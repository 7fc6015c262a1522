from django.core.management.base import BaseCommand, CommandError

from explanations.actions import load_library
from explanations.kinds import ContentError


class Command(BaseCommand):
    help = "Load the explanation library from explanations/content/ as a new published version if it changed."

    def handle(self, *args, **options):
        try:
            version, created = load_library()
        except ContentError as exc:
            raise CommandError(f"Content not loaded: {exc}") from exc
        if created:
            self.stdout.write(f"Published content version {version.number}.")
        else:
            self.stdout.write(f"Content unchanged; version {version.number} stays current.")
