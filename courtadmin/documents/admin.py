"""Documents are not in the admin: the admin is no path to change, sign or read them (ISD 7).
Certificates are listed read-only, without their keys."""

from django.contrib import admin

from .models import SignerCertificate


@admin.register(SignerCertificate)
class SignerCertificateAdmin(admin.ModelAdmin):
    list_display = ["user", "serial", "subject", "not_before", "not_after", "revoked_at"]
    fields = ["user", "serial", "subject", "not_before", "not_after", "revoked_at", "revocation_reason"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
