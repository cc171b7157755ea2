from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("search/", views.search, name="search"),
    path("language/", views.set_language, name="set-language"),
]
