"""The administrator's view of accounts (the security issue): he keeps accounts working and
never becomes their user. No password is set or seen here: a new account has none until its
owner sets one with a one-time link sent to his own address, and a reset does the same. The
address a link goes to is not changed here. Every change of an account's flags, groups or
permissions is in the audit chain with its before and after; an account that holds a position
is never made an administrator."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import services
from .models import User

# The devices' secrets stay out of the admin; a lost factor is reset from the user's page.
for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


class AccountCreationForm(forms.ModelForm):
    """A new account without a password: its owner sets one with the link of a reset."""

    class Meta:
        model = User
        fields = ["username", "email", "first_name", "last_name", "language"]

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


class AccountChangeForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "language", "is_active", "is_staff", "is_superuser"]

    def clean(self):
        cleaned = super().clean()
        holds_position = getattr(getattr(self.instance, "person", None), "position_id", None) is not None
        if holds_position and (cleaned.get("is_superuser") or cleaned.get("is_staff")):
            raise ValidationError(_("An account that holds a position is never an administrator's."))
        return cleaned


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = AccountChangeForm
    add_form = AccountCreationForm
    fieldsets = (
        (None, {"fields": ("username", "email")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "language")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"fields": ("username", "email", "first_name", "last_name", "language")}),)
    readonly_fields = ["email", "last_login", "date_joined"]
    list_display = ["username", "email", "is_active", "is_superuser", "language", "last_login"]
    actions = ["send_reset_link", "unlock", "disable", "reset_second_factor"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ["last_login", "date_joined"]

    def user_change_password(self, request, id, form_url=""):
        raise PermissionDenied  # nobody sets another's password: see send_reset_link

    def save_model(self, request, obj, form, change):
        request._account_powers_before = services.account_powers(User.objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.account_powers_audit(
            actor=request.user, user=form.instance, before=getattr(request, "_account_powers_before", {})
        )

    def _each(self, request, queryset, call, done_message):
        done = 0
        for user in queryset:
            try:
                call(user)
                done += 1
            except ValidationError as error:
                self.message_user(request, f"{user}: {' '.join(error.messages)}", messages.ERROR)
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Send a one-time link to set a new password (the old one stops working)"))
    def send_reset_link(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda user: services.account_reset(actor=request.user, user=user),
            _("A link was sent to %(count)d users."),
        )

    @admin.action(description=_("Unlock after failed sign-ins"))
    def unlock(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda user: services.account_unlock(actor=request.user, user=user),
            _("%(count)d accounts unlocked."),
        )

    @admin.action(description=_("Disable (every session ends)"))
    def disable(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda user: services.account_disable(actor=request.user, user=user),
            _("%(count)d accounts disabled."),
        )

    @admin.action(description=_("Reset the second factor (the user enrols again at next sign-in)"))
    def reset_second_factor(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda user: services.second_factor_reset(actor=request.user, user=user),
            _("Second factor reset for %(count)d users."),
        )
