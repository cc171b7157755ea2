"""The ISD's home: who signs today (ISD 15) and the complaints within the reader's reach."""

from django.shortcuts import render

from ..permissions import reads_central, reads_evaluations
from ..selectors import complaints as selectors
from .complaints import LIST_PAGE_SIZE


def home(request):
    context = selectors.department_overview(request.user)
    context["complaints"] = selectors.complaints_visible_to(request.user)[:LIST_PAGE_SIZE]
    context["may_read_evaluations"] = reads_evaluations(request.user)
    context["reads_central"] = reads_central(request.user)
    return render(request, "internal_security/home.html", context)
