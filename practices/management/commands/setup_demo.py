from django.core.management.base import BaseCommand

from practices.actions import create_practice, create_user
from practices.models import Practice, Role, User

DEMO_PRACTICE = "Huisartsenpraktijk De Linde"
DEMO_USERS = [
    ("huisarts", "Linde-huisarts-2026", Role.GP, "Anna", "de Vries"),
    ("poh", "Linde-poh-ggz-2026", Role.POH_GGZ, "Sanne", "Bakker"),
    ("manager", "Linde-manager-2026", Role.MANAGER, "Peter", "Jansen"),
]


class Command(BaseCommand):
    help = "Create the demo practice with a GP, a POH-GGZ and a practice manager (once)."

    def handle(self, *args, **options):
        practice = Practice.objects.filter(name=DEMO_PRACTICE).first() or create_practice(
            name=DEMO_PRACTICE, phone="0229 123 456", address="Lindelaan 1, 1621 AB Hoorn",
            website="www.delinde-huisartsen.nl",
        )
        for username, password, role, first, last in DEMO_USERS:
            if not User.objects.filter(username=username).exists():
                create_user(practice=practice, username=username, password=password, role=role,
                            first_name=first, last_name=last)
        self.stdout.write(f"Demo practice: {practice.name}")
        for username, password, role, *_ in DEMO_USERS:
            self.stdout.write(f"  {role.label:<16} user: {username:<9} password: {password}")
