"""Reads of the projects and their proposals (IR 4.4, 7.7-7.9). The IR's staff and the Court
Administration's leadership read every project and proposal; a subdivision reads the
proposals asked of it and the activities given to it, and nothing else of the IR (404
everywhere: no project's page, no other activity)."""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.core.search import containing

from ..models import Activity, Project, Proposal
from ..permissions import assigned_to, reads_ir

S = Project.Status


def projects_visible_to(user):
    return Project.objects.all() if reads_ir(user) else Project.objects.none()


def activities_visible_to(user):
    """A subdivision's activities once given to it: a planned one is still the IR's."""
    if reads_ir(user):
        return Activity.objects.all()
    return Activity.objects.filter(assigned_to(user)).exclude(status=Activity.Status.RECEIVED)


def proposals_visible_to(user):
    return Proposal.objects.all() if reads_ir(user) else Proposal.objects.filter(assigned_to(user))


def reads_activities(user) -> bool:
    return reads_ir(user) or activities_visible_to(user).exists()


def reads_proposals(user) -> bool:
    return reads_ir(user) or proposals_visible_to(user).exists()


def late_activities() -> Q:
    return Q(status__in=Activity.WITH_UNIT, due_on__lt=timezone.localdate())


@dataclass(frozen=True)
class ProjectFilter:
    text: str = ""
    status: str = ""
    partner: object = None
    late: bool = False


def project_register(user, filters: ProjectFilter = ProjectFilter()):
    projects = projects_visible_to(user)
    if filters.status:
        projects = projects.filter(status=filters.status)
    if filters.partner is not None:
        projects = projects.filter(partner=filters.partner)
    if filters.late:
        projects = projects.filter(pk__in=Activity.objects.filter(late_activities()).values("project_id"))
    if text := filters.text.strip():
        projects = containing(projects, ("title", "goals"), text)
    return (
        projects.select_related("partner", "officer__person")
        .annotate(
            activities_total=Count("activities", distinct=True),
            activities_done=Count("activities", filter=Q(activities__status=Activity.Status.DONE), distinct=True),
        )
        .order_by("-starts_on", "-pk")
    )


def get_project_for_user(user, pk) -> Project:
    return get_object_or_404(
        projects_visible_to(user).select_related("partner", "officer__person", "document", "proposal__unit"), pk=pk
    )


def project_parts(project) -> dict:
    """The project's plan and its monitoring on one page: activities with their subdivisions
    and the late ones, the budget by source with its totals, indicators, risks, reports."""
    today = timezone.localdate()
    activities = list(project.activities.select_related("unit", "executor__person").order_by("due_on", "pk"))
    funding = project.funding.order_by("pk")
    return {
        "activities": activities,
        "late": [
            activity
            for activity in activities
            if activity.status in Activity.WITH_UNIT and activity.due_on and activity.due_on < today
        ],
        "funding": funding,
        "funding_total": funding.aggregate(planned=Sum("planned"), spent=Sum("spent")),
        "indicators": project.indicators.order_by("pk"),
        "risks": project.risks.order_by("pk"),
        "reports": project.reports.select_related("document").order_by("period_start", "pk"),
    }


@dataclass(frozen=True)
class ActivityFilter:
    text: str = ""
    status: str = ""
    unit: object = None
    late: bool = False


def activity_register(user, filters: ActivityFilter = ActivityFilter()):
    activities = activities_visible_to(user)
    if filters.status:
        activities = activities.filter(status=filters.status)
    if filters.unit is not None:
        activities = activities.filter(unit=filters.unit)
    if filters.late:
        activities = activities.filter(late_activities())
    if text := filters.text.strip():
        activities = containing(activities, ("title",), text)
    return activities.select_related("project", "unit").order_by("due_on", "pk")


def get_activity_for_user(user, pk) -> Activity:
    return get_object_or_404(
        activities_visible_to(user).select_related("project__officer__person", "unit", "executor__person"), pk=pk
    )


def proposal_register(user):
    return proposals_visible_to(user).select_related("unit", "officer__person").order_by("-pk")


def get_proposal_for_user(user, pk) -> Proposal:
    return get_object_or_404(
        proposals_visible_to(user).select_related("unit", "officer__person", "given_by__person"), pk=pk
    )
