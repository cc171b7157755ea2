""" "My work" (courtadmin/core/work.py): the legal-assistance requests and the applications in
my charge as their responsible officer, still being worked on, oldest first (IR 7.22, 7.25);
what the subdivisions reported back for my control, and, for a subdivision, what the IR gave
it (IR 7.5, 7.28); and the international events ahead that I take part in or am responsible
for (IR 7.6), for whoever has one, of the IR or from elsewhere."""

from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.work import WorkItem, WorkPanel, counted, record_lines
from courtadmin.org.models import Department

from .models import Activity, Application, Comment, LegalAssistanceRequest, Proposal, Question, Recommendation
from .permissions import assigned_to, unit_outside_ir
from .selectors.applications import applications_visible_to
from .selectors.events import events_ahead_of
from .selectors.gifts import above_threshold, gifts_visible_to, heads_isd
from .selectors.requests import requests_visible_to
from .selectors.trips import reads_visitor_access, visitor_access

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
    """The events ahead, nearest first: the kind, the day and the title (marked with its
    language), the status as the note."""
    events = events_ahead_of(user)
    lines = [
        WorkItem(
            f"{event.get_kind_display()} {date_format(event.starts_on, 'SHORT_DATE_FORMAT')}: {event.title}",
            event.get_absolute_url(),
            _("status: %(status)s") % {"status": event.get_status_display()},
            quote=event.title,
        )
        for event in events[:limit]
    ]
    return lines, counted(events)


def _gifts_to_know_of(user, limit: int):
    """The gifts received above the threshold, newest first, with their value and day (the ISD
    head's panel, ISD 6.14)."""
    gifts = gifts_visible_to(user).filter(above_threshold()).order_by("-on", "-pk")
    lines = [
        WorkItem(
            gift.description,
            gift.get_absolute_url(),
            quote=gift.description,
            note=_("%(value)s tenge, %(on)s")
            % {"value": f"{gift.value:,.0f}", "on": date_format(gift.on, "SHORT_DATE_FORMAT")},
        )
        for gift in gifts[:limit]
    ]
    return lines, counted(gifts)


def _visitors_ahead(user, limit: int):
    """The consented visits ahead or under way, for the security of courts: the delegation, its
    days and how many members the buildings let in."""
    today = timezone.localdate()
    visits = [visit for visit in visitor_access(user, today) if visit.leaves_on >= today]
    lines = [
        WorkItem(
            f"{visit.country} · {visit.organisation}",
            reverse("international:delegation-access"),
            _("%(start)s–%(end)s, %(count)d members")
            % {
                "start": date_format(visit.arrives_on, "SHORT_DATE_FORMAT"),
                "end": date_format(visit.leaves_on, "SHORT_DATE_FORMAT"),
                "count": len(visit.members.all()),
            },
            quote=visit.organisation,
        )
        for visit in visits[:limit]
    ]
    return lines, len(visits)


def _written(record) -> str:
    """What people wrote in a record's name: a CEPEJ question's text, a draft's title, an
    activity's title, a proposal's topic (the models' __str__)."""
    if isinstance(record, Question):
        return record.text[:80]
    if isinstance(record, Comment):
        return str(record)
    if isinstance(record, Activity):
        return record.title
    return record.topic if isinstance(record, Proposal) else ""


def _given(model, parent):
    """The panel's source: the records of `model` the IR gave the user's subdivision, still to
    be done, nearest term first (a recommendation, IR 7.5; a CEPEJ question, IR 7.28)."""

    def records(user):
        return (
            model.objects.filter(assigned_to(user), status__in=model.WITH_UNIT)
            .select_related(parent)
            .order_by("due_on", "pk")
        )

    def lines(user, limit: int):
        return record_lines([records(user)], limit, quote=_written)

    def shown_to(user) -> bool:
        return unit_outside_ir(user) is not None and records(user).exists()

    return lines, shown_to


_recommendations_given, _has_recommendations = _given(Recommendation, "review")
_questions_given, _has_questions = _given(Question, "questionnaire")
_comments_asked, _has_comments = _given(Comment, "agreement")
_activities_given, _has_activities = _given(Activity, "project")
_proposals_asked, _has_proposals = _given(Proposal, "unit")


def _to_control_lines(user, limit: int):
    """What the subdivisions reported back, for the IR officer who controls it: reported
    recommendations, answered questions, proposals sent (IR 7.5, 7.28, 7.7)."""
    return record_lines(
        [
            Recommendation.objects.filter(review__officer=user, status=Recommendation.Status.REPORTED)
            .select_related("review")
            .order_by("due_on", "pk"),
            Question.objects.filter(questionnaire__officer=user, status=Question.Status.ANSWERED).order_by("order"),
            Proposal.objects.filter(officer=user, status=Proposal.Status.PROPOSED)
            .select_related("unit")
            .order_by("pk"),
        ],
        limit,
        quote=_written,
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
    WorkPanel(
        "international_to_control",
        gettext_lazy("Reported back by the subdivisions: to control"),
        gettext_lazy("Nothing reported back awaits your control."),
        _to_control_lines,
        order=41,
        department=Department.IR,
        all_url=reverse_lazy("international:recommendation-list"),
    ),
    WorkPanel(
        "international_recommendations",
        gettext_lazy("UN recommendations my subdivision implements"),
        gettext_lazy("No recommendation is with your subdivision."),
        _recommendations_given,
        order=43,
        all_url=reverse_lazy("international:recommendation-list"),
        shown_to=_has_recommendations,
    ),
    WorkPanel(
        "international_questions",
        gettext_lazy("CEPEJ questions my subdivision answers"),
        gettext_lazy("No CEPEJ question is with your subdivision."),
        _questions_given,
        order=44,
        all_url=reverse_lazy("international:question-list"),
        shown_to=_has_questions,
    ),
    WorkPanel(
        "international_comments",
        gettext_lazy("Drafts of international documents my subdivision comments on"),
        gettext_lazy("No draft awaits your subdivision's comments."),
        _comments_asked,
        order=44,
        all_url=reverse_lazy("international:agreement-list"),
        shown_to=_has_comments,
    ),
    WorkPanel(
        "international_activities",
        gettext_lazy("Project activities of my subdivision"),
        gettext_lazy("No project activity is with your subdivision."),
        _activities_given,
        order=44,
        all_url=reverse_lazy("international:activity-list"),
        shown_to=_has_activities,
    ),
    WorkPanel(
        "international_proposals",
        gettext_lazy("Project proposals asked of my subdivision"),
        gettext_lazy("No project proposal is asked of your subdivision."),
        _proposals_asked,
        order=44,
        all_url=reverse_lazy("international:proposal-list"),
        shown_to=_has_proposals,
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
    WorkPanel(
        "international_gifts",
        gettext_lazy("Gifts received above the threshold (ISD 6.14)"),
        gettext_lazy("No gift received above the threshold."),
        _gifts_to_know_of,
        order=46,
        all_url=reverse_lazy("international:gift-list"),
        shown_to=heads_isd,
    ),
    WorkPanel(
        "international_visitors",
        gettext_lazy("Foreign visitors to the court buildings"),
        gettext_lazy("No consented visit is ahead or under way."),
        _visitors_ahead,
        order=47,
        department=Department.ISD,
        all_url=reverse_lazy("international:delegation-access"),
        shown_to=reads_visitor_access,
    ),
)
