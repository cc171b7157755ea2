""" "My work" (courtadmin/core/work.py): the legal-assistance requests and the applications in
my charge as their responsible officer, still being worked on, oldest first (IR 7.22, 7.25)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy

from courtadmin.core.work import WorkPanel, record_lines
from courtadmin.org.models import Department

from .models import Application, LegalAssistanceRequest
from .selectors.applications import applications_visible_to
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
)
