"""/verify/: public, for anyone holding a signed document of the portal."""

from django.urls import path

from . import views

app_name = "verify"

urlpatterns = [
    path("", views.verify, name="check"),
    path("<str:token>/", views.verify_token, name="token"),
]
