from django.urls import path

from . import views

app_name = "international"

urlpatterns = [
    path("", views.home, name="home"),
]
