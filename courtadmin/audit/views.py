from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from .forms import SecurityEventFilterForm
from .selectors import may_view_security_events, security_events_visible_to

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
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/security_events.html", {"form": form, "page": page, "query": query.urlencode()})
