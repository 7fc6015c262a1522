"""Users and practices in the admin, for administrators only.

Nobody attaches an account to a practice here: practice and role are read-only, and users
are created by invitation (the practice manager, or `manage.py create_practice`). Every
view of and change to these records is written to the access log of the practice.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from audit.log import log_access
from audit.models import AccessEvent

from .models import Practice, User


class LoggedAdmin(admin.ModelAdmin):
    log_name = ""

    def practice_of(self, obj):
        return None

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET":
            log_access(user=request.user, action=AccessEvent.Action.READ, what=f"beheer:{self.log_name}", request=request)
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if request.method == "GET" and obj is not None:
            log_access(user=request.user, action=AccessEvent.Action.READ, what=f"beheer:{self.log_name}:{obj.pk}",
                       practice_id=self.practice_of(obj), request=request)
        return super().change_view(request, object_id, form_url, extra_context)

    def log_change(self, request, obj, message):
        """Every change the admin makes (a form, a password) goes to the access log too."""
        changed = getattr(request, "_changed_fields", None)
        if changed is None:  # not a change form: the password form
            changed = ["wachtwoord"]
        what = ",".join([f"beheer:{self.log_name}:{obj.pk}", *(changed or ["niets"])])
        log_access(user=request.user, action=AccessEvent.Action.CHANGE, what=what,
                   practice_id=self.practice_of(obj), request=request)
        return super().log_change(request, obj, message)

    def save_model(self, request, obj, form, change):
        request._changed_fields = list(form.changed_data)
        super().save_model(request, obj, form, change)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate a user instead; practices and the log depend on them


@admin.register(Practice)
class PracticeAdmin(LoggedAdmin):
    log_name = "praktijk"
    list_display = ["name", "phone"]
    fields = ["name", "phone", "address", "website"]

    def practice_of(self, obj):
        return obj.pk


@admin.register(User)
class PracticeUserAdmin(LoggedAdmin, UserAdmin):
    log_name = "gebruiker"
    list_display = ["username", "first_name", "last_name", "practice", "role", "is_active"]
    list_filter = ["practice", "role", "is_active"]
    fieldsets = (
        (None, {"fields": ["username"]}),
        ("Persoon", {"fields": ["first_name", "last_name", "email"]}),
        ("Praktijk", {"fields": ["practice", "role"]}),
        ("Rechten", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Data", {"fields": ["last_login", "date_joined"]}),
    )
    readonly_fields = ["practice", "role", "last_login", "date_joined"]

    def practice_of(self, obj):
        return obj.practice_id

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk == request.user.pk:
            fields += ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]
        return fields
