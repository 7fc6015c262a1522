from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from practices.actions import invite_user
from practices.models import Role

GROUP = "Inhoudsredactie"


def editor_group():
    """Rights to view and edit the content library; nothing of practices, users or patients."""
    group, _ = Group.objects.get_or_create(name=GROUP)
    permissions = Permission.objects.filter(content_type__app_label="explanations")
    group.permissions.set(permissions.exclude(codename__startswith="add_"))
    return group


class Command(BaseCommand):
    help = "Invite a content editor: edits the explanation library in the admin, sees no practice or patient."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="")
        parser.add_argument("--site", default="", help="the app's address, e.g. https://alk.example.nl")

    def handle(self, *args, **options):
        first, _, last = options["name"].partition(" ")
        try:
            with transaction.atomic():
                editor, path = invite_user(practice=None, username=options["username"], role=Role.CONTENT_EDITOR,
                                           first_name=first, last_name=last)
                editor.groups.add(editor_group())
        except ValidationError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Invitation for the content editor {editor.username} (valid 3 days):")
        self.stdout.write(f"  {options['site'].rstrip('/')}{path}")
