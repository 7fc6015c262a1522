"""Editing the library: make a draft from a version, edit its rows, publish it.

Rows of a published version are read-only; publishing validates the whole draft. Every
content kind gets the same admin, from its declaration on the model.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from . import actions
from .kinds import KINDS, ContentError, child_kinds
from .models import ContentVersion


@admin.register(ContentVersion)
class ContentVersionAdmin(admin.ModelAdmin):
    list_display = ["number", "language", "status", "note", "created_at", "published_at"]
    readonly_fields = ["number", "language", "status", "source_hash", "created_at", "published_at"]
    fields = ["number", "language", "status", "note", "source_hash", "created_at", "published_at"]
    actions = ["make_draft", "publish"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return obj is not None and not obj.is_published and super().has_delete_permission(request, obj)

    @admin.action(description=_("Nieuw concept maken op basis van deze versie"), permissions=["change"])
    def make_draft(self, request, queryset):
        for version in queryset:
            draft = actions.create_draft_from(version=version)
            self.message_user(request, _("Concept v%(n)s gemaakt.") % {"n": draft.number}, messages.SUCCESS)

    @admin.action(description=_("Publiceren (daarna niet meer te wijzigen)"), permissions=["change"])
    def publish(self, request, queryset):
        for version in queryset:
            try:
                actions.publish(version=version)
            except ContentError as exc:
                self.message_user(request, _("v%(n)s niet gepubliceerd: %(e)s") % {"n": version.number, "e": exc}, messages.ERROR)
            else:
                self.message_user(request, _("v%(n)s gepubliceerd.") % {"n": version.number}, messages.SUCCESS)


class VersionedAdmin(admin.ModelAdmin):
    """Rows of a published version are read-only; editing one opens its twin in a draft."""

    list_filter = ["version"]
    exclude = ["version"]
    change_form_template = "admin/explanations/versioned_change_form.html"

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/concept/",
                self.admin_site.admin_view(self.edit_in_draft),
                name=f"{opts.app_label}_{opts.model_name}_edit_in_draft",
            ),
            *super().get_urls(),
        ]

    def edit_in_draft(self, request, object_id):
        opts = self.model._meta
        if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            raise PermissionDenied
        obj = self.get_object(request, object_id)
        if obj is None or request.method != "POST":
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        draft = actions.draft_for_editing(language=obj.version.language)
        twin = self.model.objects.filter(version=draft, slug=obj.slug).first()
        if twin is None:
            self.message_user(request, _("Concept v%(n)s heeft dit onderdeel niet (meer).") % {"n": draft.number}, messages.WARNING)
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        self.message_user(request, _("U bewerkt nu concept v%(n)s. Publiceer het concept als u klaar bent.") % {"n": draft.number})
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", twin.pk)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None and obj.version.is_published:
            opts = self.model._meta
            extra_context = {
                **(extra_context or {}),
                "edit_in_draft_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_edit_in_draft", args=[obj.pk]),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("version")

    def has_add_permission(self, request):
        return False  # rows come with a draft; a draft is made from a version

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or not obj.version.is_published)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and obj is not None and not obj.version.is_published

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        obj_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
        if obj_id:
            version_id = self.model.objects.filter(pk=obj_id).values_list("version_id", flat=True).first()
            kwargs["queryset"] = db_field.related_model.objects.filter(version_id=version_id)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def child_inline(child):
    class ChildInline(admin.TabularInline):
        model = child
        exclude = ["version", "slug"]
        extra = 0
        can_delete = False

        def has_add_permission(self, request, obj=None):
            return False

        def has_change_permission(self, request, obj=None):
            return super().has_change_permission(request, obj) and (obj is None or not obj.version.is_published)

    ChildInline.__name__ = f"{child.__name__}Inline"
    return ChildInline


for kind in KINDS:
    dimension = ["dimension"] if any(f.name == "dimension" for f in kind._meta.fields) else []
    admin.site.register(kind, type(f"{kind.__name__}Admin", (VersionedAdmin,), {
        "list_display": list(kind.ADMIN_LIST),
        "list_filter": ["version", *dimension],
        "inlines": [child_inline(child) for _, child in child_kinds(kind)],
    }))
