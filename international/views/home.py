from django.shortcuts import render

from ..selectors import requests as selectors


def home(request):
    return render(request, "international/home.html", selectors.department_overview(request.user))
