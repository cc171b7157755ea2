from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from courtadmin.audit.services import audit_record
from courtadmin.core.forms import flash_errors, service_result
from courtadmin.core.qr import qr_data_uri

from . import selectors, services
from .forms import CodeForm, EnrolmentForm, PasswordChangeForm
from .middleware import DONE, SECOND_FACTOR_KEY


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        """An address with too many failed sign-ins over any accounts waits (429) before its
        password is even checked; the account's own lockout is django-axes'."""
        if selectors.address_throttled(request.META.get("REMOTE_ADDR")):
            audit_record(actor=None, action="auth.address_throttled", object_repr=request.META.get("REMOTE_ADDR"))
            # An unbound form (binding it would check the password), keeping the name typed.
            form = self.get_form_class()(request, initial={"username": request.POST.get("username", "")[:150]})
            form.cleaned_data = {}
            form.add_error(
                None,
                _("Too many failed sign-ins from your address. Wait %(minutes)s minutes and try again.")
                % {"minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)},
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("core:home")


def _second_factor_given(request, device) -> None:
    """The factor is proven: a new session key (ASVS 7.2.4), and the gate opens."""
    request.session.cycle_key()
    request.session[SECOND_FACTOR_KEY] = DONE
    otp_login(request, device)


@require_http_methods(["GET", "POST"])
def second_factor_verify(request):
    form = CodeForm(request.POST or None)
    done, device = service_result(
        form, lambda: services.second_factor_check(user=request.user, code=form.cleaned_data["code"], purpose="sign_in")
    )
    if done:
        _second_factor_given(request, device)
        return redirect(_next_url(request))
    return render(request, "accounts/second_factor_verify.html", {"form": form, "next": _next_url(request)})


@require_http_methods(["GET", "POST"])
def second_factor_enrol(request):
    """Enrol an authenticator app by its QR code, or replace the enrolled one."""
    replacing = selectors.authenticator_of(request.user) is not None
    device = services.second_factor_enrolment_start(user=request.user)
    form = EnrolmentForm(request.POST or None, replacing=replacing)
    done, codes = service_result(
        form,
        lambda: services.second_factor_enrol(
            user=request.user,
            device=device,
            code=form.cleaned_data["code"],
            current_code=form.cleaned_data.get("current_code", ""),
        ),
    )
    if done:
        _second_factor_given(request, device)
        return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)})
    context = {
        "form": form,
        "replacing": replacing,
        "secret": device.config_url.split("secret=")[1].split("&")[0],
        "qr_image": qr_data_uri(device.config_url),
        "next": _next_url(request),
    }
    return render(request, "accounts/second_factor_enrol.html", context)


def security(request):
    """The user's own security page: his second factor, his sessions, his password."""
    return render(
        request,
        "accounts/security.html",
        {
            "authenticator": selectors.authenticator_of(request.user),
            "recovery_codes_left": selectors.recovery_codes_left(request.user),
            "second_factor_required": selectors.second_factor_required(request.user),
            "sessions": selectors.sessions_of(request.user),
            "code_form": CodeForm(),
        },
    )


@require_POST
def recovery_codes_renew(request):
    form = CodeForm(request.POST)
    done, codes = service_result(
        form, lambda: services.recovery_codes_renew(user=request.user, code=form.cleaned_data["code"])
    )
    if not done:
        flash_errors(request, form)
        return redirect("accounts:security")
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": reverse("accounts:security")})


@require_POST
def second_factor_remove(request):
    form = CodeForm(request.POST)
    done, _nothing = service_result(
        form, lambda: services.second_factor_remove(user=request.user, code=form.cleaned_data["code"])
    )
    if not done:
        flash_errors(request, form)
        return redirect("accounts:security")
    messages.success(request, _("The second factor is turned off."))
    return redirect("accounts:security")


@require_POST
def session_end(request, session_id):
    session = selectors.get_session_for_user(request.user, session_id)
    if session.session_key == request.session.session_key:
        messages.error(request, _("This is the session you are using; sign out instead."))
    else:
        services.session_end(actor=request.user, session=session)
        messages.success(request, _("The session is ended."))
    return redirect("accounts:security")


@require_POST
def sessions_end_others(request):
    count = services.sessions_end_others(user=request.user, keep_session_key=request.session.session_key)
    messages.success(request, _("Sessions ended: %(count)d.") % {"count": count})
    return redirect("accounts:security")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("accounts:security")

    def form_valid(self, form):
        services.password_change(user=form.user, password=form.cleaned_data["new_password1"])
        # Every session ended with the old password; this one goes on under a new key.
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, _("The password is changed. Your other sessions are ended."))
        return redirect(self.success_url)


class PasswordResetView(auth_views.PasswordResetConfirmView):
    """The user sets a new password with the one-time link an administrator's reset sent him;
    the link works once (its token depends on the password it replaces) and for a day."""

    template_name = "accounts/password_reset.html"
    post_reset_login = False
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(actor=form.user, action="password.reset_by_link", obj=form.user)
        messages.success(self.request, _("The password is set. Sign in with it."))
        return response
