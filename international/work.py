""" "My work" (courtadmin/core/work.py): the legal-assistance requests and the applications in
my charge as their responsible officer, still being worked on, oldest first (IR 7.22, 7.25);
and the international events ahead that I take part in or am responsible for (IR 7.6), for
whoever has one, of the IR or from elsewhere."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy

from courtadmin.core.work import WorkPanel, record_lines
from courtadmin.org.models import Department

from .models import Application, LegalAssistanceRequest
from .selectors.applications import applications_visible_to
from .selectors.events import events_ahead_of
from .selectors.requests import requests_visible_to

ENDED = {
    LegalAssistanceRequest: (LegalAssistanceRequest.Status.CLOSED, LegalAssistanceRequest.Status.REFUSED),
    Application: (Application.Status.ANSWERED,),
}
SOURCES = (
    (LegalAssistanceRequest, requests_visible_to, "received_on"),
    (Application, applications_visible_to, "received_at"),
)


def _in_my_charge(user, limit: int):
    return record_lines(
        [
            visible(user).filter(officer=user).exclude(status__in=ENDED[model]).order_by(oldest, "pk")
            for model, visible, oldest in SOURCES
        ],
        limit,
    )


def _my_events(user, limit: int):
    return record_lines([events_ahead_of(user)], limit)


PANELS = (
    WorkPanel(
        "international",
        gettext_lazy("In my charge: legal assistance"),
        gettext_lazy("No request or application is in your charge."),
        _in_my_charge,
        order=40,
        department=Department.IR,
        all_url=reverse_lazy("international:request-list"),
    ),
    WorkPanel(
        "international_events",
        gettext_lazy("My events ahead"),
        gettext_lazy("No event ahead of you."),
        _my_events,
        order=45,
        all_url=reverse_lazy("international:event-calendar"),
        shown_to=lambda user: events_ahead_of(user).exists(),
    ),
)
