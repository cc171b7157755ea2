from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Absence, ActingAppointment, Person, Position, Region, Unit


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ["name", "code", "is_city"]
    search_fields = ["name", "code"]


@admin.register(Unit)
class UnitAdmin(TranslationAdmin):
    list_display = ["name", "kind", "department", "region", "parent"]
    list_filter = ["kind", "department"]
    search_fields = ["name", "code"]
    list_select_related = ["region", "parent"]


@admin.register(Position)
class PositionAdmin(TranslationAdmin):
    list_display = ["title", "unit", "kind", "line_of_work"]
    list_filter = ["kind", "unit__department"]
    search_fields = ["title", "code"]
    list_select_related = ["unit"]


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    list_display = ["full_name", "position", "user"]
    search_fields = ["full_name", "user__username"]
    list_select_related = ["position", "user"]
    autocomplete_fields = ["user"]


@admin.register(Absence)
class AbsenceAdmin(admin.ModelAdmin):
    """Read-only here: absences are kept in the portal, through the audited service."""

    list_display = ["person", "kind", "start", "end"]
    list_select_related = ["person"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ActingAppointment)
class ActingAppointmentAdmin(AbsenceAdmin):
    list_display = ["replaced", "acting", "scope", "start", "end", "order_number", "order_date"]
    list_select_related = ["replaced", "acting"]
