from django.shortcuts import render

from .. import selectors


def home(request):
    return render(request, "international/home.html", selectors.department_overview(request.user))
