from django.db import transaction

from .models import Practice, User


@transaction.atomic
def create_practice(*, name, phone="", address="", website=""):
    return Practice.objects.create(name=name, phone=phone, address=address, website=website)


@transaction.atomic
def create_user(*, practice, username, password, role, first_name="", last_name=""):
    user = User(
        practice=practice, username=username, role=role, first_name=first_name, last_name=last_name
    )
    user.set_password(password)
    user.save()
    return user
