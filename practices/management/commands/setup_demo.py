import base64

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from practices.actions import create_practice, create_user, make_recovery_codes
from practices.models import Practice, Role, User

DEMO_PRACTICE = "Huisartsenpraktijk De Linde"
# (username, password, role, first name, last name, authenticator key (hex), recovery codes)
DEMO_USERS = [
    ("huisarts", "Linde-huisarts-2026", Role.GP, "Anna", "de Vries",
     "4c696e64652d687569736172747300", ["11111111", "11112222", "11113333"]),
    ("poh", "Linde-poh-ggz-2026", Role.POH_GGZ, "Sanne", "Bakker",
     "4c696e64652d706f682d67677a3000", ["22221111", "22222222", "22223333"]),
    ("manager", "Linde-manager-2026", Role.MANAGER, "Peter", "Jansen",
     "4c696e64652d6d616e616765723000", ["33331111", "33332222", "33333333"]),
]


def secret_of(key_hex):
    return base64.b32encode(bytes.fromhex(key_hex)).decode().rstrip("=")


class Command(BaseCommand):
    help = "Create the demo practice with a GP, a POH-GGZ and a practice manager (once). Development only."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("setup_demo creates accounts whose passwords and second factors are published; "
                               "it only runs with DEBUG on. Use create_practice for a real practice.")
        practice = Practice.objects.filter(name=DEMO_PRACTICE).first() or create_practice(
            name=DEMO_PRACTICE, phone="0229 123 456", address="Lindelaan 1, 1621 AB Hoorn",
            website="www.delinde-huisartsen.nl",
        )
        for username, password, role, first, last, key, codes in DEMO_USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = create_user(practice=practice, username=username, password=password, role=role,
                                   first_name=first, last_name=last)
            if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                TOTPDevice.objects.create(user=user, name="Authenticator-app", key=key, confirmed=True)
            make_recovery_codes(user=user, codes=codes)  # each run gives back the published codes
        self.stdout.write(f"Demo practice: {practice.name}")
        self.stdout.write("Log in with a user below. The second step asks for a code: use one of the user's")
        self.stdout.write("recovery codes (each works once until the next scripts/run), or add the key to an authenticator app")
        self.stdout.write("(the code now is shown too; it changes every 30 seconds).")
        for username, password, role, _, _, key, codes in DEMO_USERS:
            now = TOTP(bytes.fromhex(key)).token()
            self.stdout.write(f"  {role.label:<16} user: {username:<9} password: {password}")
            self.stdout.write(f"  {'':<16} recovery codes: {', '.join(codes)}   app key: {secret_of(key)}   code now: {now:06d}")
