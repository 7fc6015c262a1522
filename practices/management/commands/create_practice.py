from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from audit.log import log_access
from audit.models import AccessEvent
from practices.actions import create_practice, invite_user
from practices.models import Role


class Command(BaseCommand):
    help = "Create a practice and invite its practice manager, who then invites the GPs and POH-GGZ."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="the practice's name, as on the handout")
        parser.add_argument("--phone", default="")
        parser.add_argument("--address", default="")
        parser.add_argument("--website", default="")
        parser.add_argument("--manager", required=True, help="username of the practice manager")
        parser.add_argument("--manager-name", default="", help="first and last name of the manager")
        parser.add_argument("--site", default="", help="the app's address, e.g. https://alk.example.nl")

    def handle(self, *args, **options):
        first, _, last = options["manager_name"].partition(" ")
        try:
            with transaction.atomic():
                practice = create_practice(name=options["name"], phone=options["phone"],
                                           address=options["address"], website=options["website"])
                manager, path = invite_user(practice=practice, username=options["manager"], role=Role.MANAGER,
                                            first_name=first, last_name=last)
        except ValidationError as exc:
            raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from exc
        log_access(user=None, action=AccessEvent.Action.CREATE, what=f"praktijk,gebruiker:{manager.username},opdrachtregel",
                   practice_id=practice.pk)
        self.stdout.write(f"Practice created: {practice.name}")
        self.stdout.write(f"Invitation for the practice manager {manager.username} (valid 3 days):")
        self.stdout.write(f"  {options['site'].rstrip('/')}{path}")
