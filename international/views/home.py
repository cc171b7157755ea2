"""The IR's home: who signs its documents today, and its legal-assistance ones (IR 13)."""

from django.shortcuts import render

from ..selectors import requests as selectors


def home(request):
    return render(request, "international/home.html", selectors.department_overview(request.user))
