"""The organisation in the Django admin: read only, for everyone (the security issue). Who
holds which position, who is absent and who acts for whom decide who signs and who sees; they
are kept in the portal by the personnel office and the heads, through the audited services,
and a change that gives a power waits for a second person. A superuser changes none of it."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Absence, ActingAppointment, IdentityNumberChange, Person, Position, PositionAssignment, Region, Unit


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Region)
class RegionAdmin(ReadOnly, TranslationAdmin):
    list_display = ["name", "code", "is_city"]
    search_fields = ["name", "code"]


@admin.register(Unit)
class UnitAdmin(ReadOnly, TranslationAdmin):
    list_display = ["name", "kind", "department", "region", "parent"]
    list_filter = ["kind", "department"]
    search_fields = ["name", "code"]
    list_select_related = ["region", "parent"]


@admin.register(Position)
class PositionAdmin(ReadOnly, TranslationAdmin):
    list_display = ["title", "unit", "kind", "line_of_work", "keeps_organisation"]
    list_filter = ["kind", "unit__department", "keeps_organisation"]
    search_fields = ["title", "code"]
    list_select_related = ["unit"]


@admin.register(Person)
class PersonAdmin(ReadOnly, TranslationAdmin):
    list_display = ["full_name", "position", "user"]
    search_fields = ["full_name", "user__username"]
    list_select_related = ["position", "user"]


@admin.register(Absence)
class AbsenceAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["person", "kind", "start", "end"]
    list_select_related = ["person"]


@admin.register(ActingAppointment)
class ActingAppointmentAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["replaced", "acting", "scope", "start", "end", "order_number", "order_date", "state"]
    list_select_related = ["replaced", "acting"]


@admin.register(PositionAssignment)
class PositionAssignmentAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["person", "position", "order_number", "order_date", "state", "proposed_by", "decided_by"]
    list_select_related = ["person", "position", "proposed_by", "decided_by"]


@admin.register(IdentityNumberChange)
class IdentityNumberChangeAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["person", "iin", "basis", "state", "proposed_by", "decided_by"]
    list_select_related = ["person", "proposed_by", "decided_by"]
