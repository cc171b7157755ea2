from django.http import Http404
from django.shortcuts import render

from courtadmin.core.pagination import CappedPaginator
from courtadmin.org import departments

from .forms import ReadEventFilterForm, SecurityEventFilterForm
from .selectors import may_view_security_events, read_events, read_log_departments, security_events_visible_to

PAGE_SIZE = 50


def security_events(request):
    """The administrator's search over sign-ins, second-factor events, sessions and denied access."""
    if not may_view_security_events(request.user):
        raise Http404
    form = SecurityEventFilterForm(request.GET or None)
    events = (
        form.filter(security_events_visible_to(request.user))
        if form.is_bound
        else security_events_visible_to(request.user)
    )
    page = CappedPaginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/security_events.html", {"form": form, "page": page, "query": query.urlencode()})


def reads(request, department):
    """The read log of a department (issue 7.2): who opened, downloaded or exported which
    record, when and from where. Not found for anyone but those ISD 7 gives it to."""
    form = ReadEventFilterForm(request.GET or None)
    events = read_events(request.user, department, **form.criteria())
    page = CappedPaginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/read_events.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "department": department,
            "department_label": departments.department(department).name,
            "other_departments": [
                (code, departments.department(code).name)
                for code in read_log_departments(request.user)
                if code != department
            ],
        },
    )
