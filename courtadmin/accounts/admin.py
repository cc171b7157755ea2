from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import services
from .models import User

# The devices' secrets stay out of the admin; a lost factor is reset from the user's page.
for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Preferences"), {"fields": ("language",)}))
    list_display = ["username", "email", "is_active", "is_superuser", "language", "last_login"]
    actions = ["reset_second_factor"]

    @admin.action(description=_("Reset the second factor (the user enrols again at next sign-in)"))
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            services.second_factor_reset(actor=request.user, user=user)
        self.message_user(
            request, _("Second factor reset for %(count)d users.") % {"count": len(queryset)}, messages.SUCCESS
        )
