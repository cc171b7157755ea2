from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("second-factor/", views.second_factor_verify, name="second-factor-verify"),
    path("second-factor/enrol/", views.second_factor_enrol, name="second-factor-enrol"),
    path("security/", views.security, name="security"),
    path("security/recovery-codes/", views.recovery_codes_renew, name="recovery-codes-renew"),
    path("security/second-factor/remove/", views.second_factor_remove, name="second-factor-remove"),
    path("security/password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("security/sessions/end-others/", views.sessions_end_others, name="sessions-end-others"),
    path("security/sessions/<str:session_id>/end/", views.session_end, name="session-end"),
    # The one-time link of an administrator's reset: the user sets his own new password.
    path("reset/<uidb64>/<token>/", views.PasswordResetView.as_view(), name="password-reset"),
]
