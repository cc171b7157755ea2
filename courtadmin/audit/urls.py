from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("security/", views.security_events, name="security-events"),
    path("reads/<str:department>/", views.reads, name="reads"),
]
