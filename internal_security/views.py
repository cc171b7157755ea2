from django.shortcuts import render
from django.views.decorators.cache import never_cache

from . import selectors

LIST_PAGE_SIZE = 50


@never_cache
def home(request):
    context = selectors.department_overview(request.user)
    context["complaints"] = selectors.complaints_visible_to(request.user)[:LIST_PAGE_SIZE]
    return render(request, "internal_security/home.html", context)


@never_cache
def complaint_list(request):
    selectors.require_isd_access(request.user)
    complaints = selectors.complaints_visible_to(request.user)[:LIST_PAGE_SIZE]
    return render(request, "internal_security/complaint_list.html", {"complaints": complaints})


@never_cache
def complaint_detail(request, pk):
    complaint = selectors.get_complaint_for_user(request.user, pk)
    return render(request, "internal_security/complaint_detail.html", {"complaint": complaint})
