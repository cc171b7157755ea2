""" "My work" (courtadmin/core/work.py): the complaints assigned to me, the investigations
whose team I am on and the candidates I vet, still under way, oldest first, within my reach
(ISD 7, ISD 9, ISD 5.4); the decisions on territorial ISD staff pending under ISD 13."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy

from courtadmin.core.work import WorkPanel, record_lines
from courtadmin.org.authority import active_grants, live_grant
from courtadmin.org.models import Department

from .models import (
    Complaint,
    ComplaintGrant,
    Investigation,
    InvestigationGrant,
    StaffNotice,
    UnitReport,
    VettingGrant,
    VettingRequest,
)
from .permissions import is_isd_manager, isd_position, reads_staff_notices, unit_region
from .selectors.complaints import complaints_visible_to
from .selectors.investigations import investigations_visible_to
from .selectors.notices import notices_visible_to
from .selectors.reports import reports_visible_to
from .selectors.vetting import vettings_visible_to

UNDER_WAY = {
    Complaint: (Complaint.Status.REGISTERED, Complaint.Status.IN_WORK, Complaint.Status.DECIDED),
    Investigation: (Investigation.Status.OPEN,),
    VettingRequest: (VettingRequest.Status.OPEN,),
}
GRANTS = {Complaint: ComplaintGrant, Investigation: InvestigationGrant, VettingRequest: VettingGrant}


def _assigned_to_me(user, limit: int):
    granted = {model: active_grants(grant, user).values("content_object") for model, grant in GRANTS.items()}
    return record_lines(
        [
            complaints_visible_to(user)
            .filter(pk__in=granted[Complaint], status__in=UNDER_WAY[Complaint])
            .order_by("received_on", "pk"),
            investigations_visible_to(user)
            .filter(pk__in=granted[Investigation], status__in=UNDER_WAY[Investigation])
            .order_by("instruction_date", "pk"),
            vettings_visible_to(user)
            .filter(pk__in=granted[VettingRequest], status__in=UNDER_WAY[VettingRequest])
            .order_by("due_on", "pk"),
        ],
        limit,
        quote=lambda record: getattr(record, "candidate", ""),
    )


def _waiting_for_assignment(user, limit: int):
    """ISD 9: registered complaints nobody is assigned to yet, the oldest first: the head's
    and the deputy's to give to an officer."""
    assigned = ComplaintGrant.objects.filter(live_grant()).values("content_object")
    waiting = complaints_visible_to(user).filter(status=Complaint.Status.REGISTERED).exclude(pk__in=assigned)
    return record_lines([waiting.order_by("received_on", "pk")], limit)


def _notices_open(user, limit: int):
    """ISD 13: decisions on territorial ISD staff not yet final, the oldest first: for those
    who file them, to notify and record; for the ISD head, to give his position."""
    open_statuses = (StaffNotice.Status.PREPARED, StaffNotice.Status.NOTIFIED, StaffNotice.Status.POSITION_GIVEN)
    notices = notices_visible_to(user).filter(status__in=open_statuses).order_by("filed_at", "pk")
    return record_lines([notices], limit, quote=lambda notice: notice.person)


def _reports_to_handle(user, limit: int):
    """ISD 5.12: a unit's reports still to send (awaited or returned), the oldest term first;
    for the central ISD, the units' reports sent and awaiting acceptance."""
    reports = reports_visible_to(user)
    if unit_region(user) is not None:
        reports = reports.filter(status__in=(UnitReport.Status.DUE, UnitReport.Status.RETURNED))
    else:
        reports = reports.filter(status=UnitReport.Status.SUBMITTED)
    return record_lines([reports.order_by("due_on", "pk")], limit)


def _handles_reports(user) -> bool:
    return unit_region(user) is not None or isd_position(user) is not None


PANELS = (
    WorkPanel(
        "internal_security",
        gettext_lazy("Assigned to me: internal security"),
        gettext_lazy("No complaint, investigation or vetting is assigned to you."),
        _assigned_to_me,
        order=40,
        department=Department.ISD,
        all_url=reverse_lazy("internal_security:complaint-list"),
    ),
    WorkPanel(
        "internal_security_to_assign",
        gettext_lazy("Complaints waiting for assignment"),
        gettext_lazy("Every registered complaint has its officer."),
        _waiting_for_assignment,
        order=39,
        department=Department.ISD,
        shown_to=is_isd_manager,
        all_url=reverse_lazy("internal_security:complaint-list"),
    ),
    WorkPanel(
        "internal_security_notices",
        gettext_lazy("Decisions on territorial ISD staff (ISD 13)"),
        gettext_lazy("No decision on territorial ISD staff is pending."),
        _notices_open,
        order=41,
        shown_to=reads_staff_notices,
        all_url=reverse_lazy("internal_security:notice-list"),
    ),
    WorkPanel(
        "internal_security_reports",
        gettext_lazy("Reports of the territorial units (ISD 5.12)"),
        gettext_lazy("No report waits for you."),
        _reports_to_handle,
        order=42,
        shown_to=_handles_reports,
        all_url=reverse_lazy("internal_security:report-list"),
    ),
)
