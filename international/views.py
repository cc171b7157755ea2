from django.shortcuts import render
from django.views.decorators.cache import never_cache

from . import selectors


@never_cache
def home(request):
    return render(request, "international/home.html", selectors.department_overview(request.user))
