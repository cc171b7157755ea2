"""The portal's URLs and one view that fails, for the 500 page's test."""

from django.urls import path

from courtadmin.urls import urlpatterns as portal


def fails(request):
    raise RuntimeError("a fault of the portal's own")


urlpatterns = [path("fails/", fails), *portal]
