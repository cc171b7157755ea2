from django.contrib import admin

from .models import DayTransfer


@admin.register(DayTransfer)
class DayTransferAdmin(admin.ModelAdmin):
    """The Government's day transfers, kept by the administrator: they make the calendar right."""

    list_display = ["day", "kind", "decree_number", "decree_date", "note"]
    list_filter = ["kind"]
    date_hierarchy = "day"
