from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Practice, User


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["name", "phone"]


@admin.register(User)
class PracticeUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "practice", "role"]
    list_filter = ["practice", "role"]
    fieldsets = UserAdmin.fieldsets + (("Praktijk", {"fields": ["practice", "role"]}),)
