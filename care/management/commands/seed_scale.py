import time

from django.core.management.base import BaseCommand, CommandError

from practices.actions import create_practice, create_user
from practices.models import Role

from ...seeding import seed_history


class Command(BaseCommand):
    help = "Add a practice with many consults and access-log rows, in bulk (for the benchmark)."

    def add_arguments(self, parser):
        parser.add_argument("--consults", type=int, default=100_000)
        parser.add_argument("--log-rows", type=int, default=1_000_000)
        parser.add_argument("--practice", default="Schaalpraktijk")
        parser.add_argument("--username", default="schaal")
        parser.add_argument("--password", default="schaal-wachtwoord-1")

    def handle(self, *, consults, log_rows, practice, username, password, **options):
        if consults < 0 or log_rows < 0:
            raise CommandError("--consults and --log-rows are 0 or more")
        started = time.monotonic()
        place = create_practice(name=practice)
        user = create_user(practice=place, username=username, password=password, role=Role.GP)
        patients = seed_history(practice=place, user=user, consults=consults, log_rows=log_rows)
        self.stdout.write(f"{practice}: {patients} patients, {consults} consults, {log_rows} log rows "
                          f"in {time.monotonic() - started:.0f} s")
