"""Reads of complaints about corruption (ISD 6.23): always within the user's reach (ISD 7);
outside it, 404. The complaint list and its figures serve issue 7.6; the figures count the
year's investigations and criminal cases beside the complaints."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import BigIntegerField, Count, Exists, OuterRef, Q
from django.db.models.functions import Cast, ExtractMonth
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.core.history import record_history
from courtadmin.core.receipts import Receipt
from courtadmin.deadlines.models import Deadline
from courtadmin.deadlines.selectors import running_term
from courtadmin.documents.models import Document
from courtadmin.org.authority import Reach, active_grants, signers
from courtadmin.org.models import Department, Region, Unit

from ..models import Complaint, ComplaintAttachment, ComplaintGrant, CriminalCase, Investigation
from ..permissions import isd_reach, isd_records_within_reach, may_read_figures, require_isd_access
from .cases import criminal_cases_visible_to


def complaints_visible_to(user):
    return isd_records_within_reach(Complaint.objects.select_related("region"), user, grant_model=ComplaintGrant)


def get_complaint_for_user(user, pk) -> Complaint:
    return get_object_or_404(complaints_visible_to(user), pk=pk)


def get_complaint_attachment_for_user(user, complaint_pk, pk) -> ComplaintAttachment:
    """A file of a complaint within the user's reach; any other answers 404."""
    return get_object_or_404(
        ComplaintAttachment.objects.filter(complaint__in=complaints_visible_to(user)), complaint_id=complaint_pk, pk=pk
    )


def department_overview(user) -> dict:
    from courtadmin.audit.selectors import may_view_reads

    require_isd_access(user)
    return {
        "signers": signers(Department.ISD),
        "may_read_figures": may_read_figures(user),
        "may_view_reads": may_view_reads(user, Department.ISD),
    }


def appeal_term(complaint) -> Deadline | None:
    """The АППК term of the complaint while it runs."""
    return running_term(complaint, "isd.appeal")


def complaint_page(user, pk) -> dict:
    """A complaint with what its page shows; the applicant's identity only to the assigned
    officers and the ISD head (issue 7.2)."""
    from ..permissions import is_isd_manager, may_see_applicant

    complaint = get_complaint_for_user(user, pk)
    return {
        "complaint": complaint,
        "history": record_history(complaint),
        "applicant_visible": may_see_applicant(user, complaint),
        "attachments": complaint.attachments.select_related("uploaded_by__person"),
        "term": appeal_term(complaint),
        "answers": list(
            Document.objects.filter(
                record_type__app_label="internal_security",
                record_type__model="complaint",
                record_id=str(complaint.pk),
            ).order_by("pk")
        ),
        "grants": list(
            ComplaintGrant.objects.filter(content_object=complaint).select_related("user__person").order_by("pk")
        )
        if is_isd_manager(user)
        else [],
        "may_manage": is_isd_manager(user),
        "holds_grant": ComplaintGrant.objects.filter(content_object=complaint, user_id=user.pk).exists(),
    }


def isd_officers():
    """The central ISD's staff: whom the head may assign (ISD 9)."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            person__position__unit__department=Department.ISD,
            person__position__unit__kind=Unit.Kind.STRUCTURAL,
        )
        .select_related("person")
        .order_by("person__full_name")
    )


# --- The ISD's lists and figures (issue 7.6) ----------------------------------------------------


@dataclass(frozen=True)
class ComplaintFilter:
    """The complaint list's filters; empty values filter nothing."""

    text: str = ""
    status: str = ""
    region: object = None
    person_role: str = ""
    officer: object = None
    overdue: bool = False
    received_from: date | None = None
    received_to: date | None = None
    closed_from: date | None = None
    closed_to: date | None = None
    term: str = ""  # "met" or "missed": how the АППК term of a closed complaint ended
    open_only: bool = False  # not yet closed (answered, forwarded, sent on or left)


def _appeal_terms():
    return Deadline.objects.filter(
        record_type__app_label="internal_security", record_type__model="complaint", kind="isd.appeal"
    ).annotate(complaint_id=Cast("record_id", BigIntegerField()))


def complaints_overdue_count(user) -> int:
    """How many complaints within the user's reach are overdue now: what the list filtered on
    "overdue" counts. For a reader who reaches every complaint the running terms themselves are
    counted, one a complaint (the deadlines' constraint), without a pass over the complaints:
    on a million complaints with 94,000 overdue, about 30 ms instead of 450."""

    if isd_reach(user).kind is Reach.ALL:
        return _appeal_terms().filter(state__in=Deadline.ACTIVE, due_on__lt=timezone.localdate()).count()
    return complaint_registry(user, ComplaintFilter(overdue=True)).order_by().count()


def complaint_registry(user, filters: ComplaintFilter = ComplaintFilter()):
    """The complaints within the user's reach (ISD 7), filtered, newest first: the export and
    the list obey the same rule because both come from here."""
    complaints = complaints_visible_to(user)
    for field in ("status", "region", "person_role"):
        if getattr(filters, field):
            complaints = complaints.filter(**{field: getattr(filters, field)})
    if filters.officer:
        assigned = active_grants(ComplaintGrant, filters.officer).filter(content_object=OuterRef("pk"))
        complaints = complaints.filter(Exists(assigned))
    if filters.open_only:
        complaints = complaints.filter(closed_on__isnull=True)
    if filters.overdue:
        late = _appeal_terms().filter(state__in=Deadline.ACTIVE, due_on__lt=timezone.localdate())
        complaints = complaints.filter(pk__in=late.values("complaint_id"))
    if filters.term in (Deadline.State.MET, Deadline.State.MISSED):
        complaints = complaints.filter(term_kept=filters.term == Deadline.State.MET)
    for field, lookup in (("received", "received_on"), ("closed", "closed_on")):
        if start := getattr(filters, f"{field}_from"):
            complaints = complaints.filter(**{f"{lookup}__gte": start})
        if end := getattr(filters, f"{field}_to"):
            complaints = complaints.filter(**{f"{lookup}__lte": end})
    text = filters.text.strip()
    if text:
        complaints = complaints.filter(
            Q(number__icontains=text)
            | Q(summary__icontains=text)
            | Q(court__icontains=text)
            | Q(person_concerned__icontains=text)
        )
    return complaints.order_by("-received_on", "-pk")


def _counts(queryset, field, choices) -> list:
    """(label, count) for each value of a choice field, in the order of its choices."""
    counts = dict(queryset.order_by().values_list(field).annotate(count=Count("*")))
    return [(label, counts[value]) for value, label in choices if counts.get(value)]


def isd_figures(user, year: int) -> dict:
    """The ISD in figures for a year (issue 7.6), within the reader's reach: complaints by
    region and month and by status; investigations opened by status and outcome; criminal
    cases opened by region and stage."""
    if not may_read_figures(user):
        raise Http404
    # The investigations' selectors read complaints: imported here, so that the two modules do
    # not import each other as they load.
    from .investigations import investigations_visible_to

    complaints = complaints_visible_to(user).filter(received_on__year=year).order_by()
    cells = complaints.annotate(month=ExtractMonth("received_on")).values("region", "month").annotate(count=Count("*"))
    regions = {region.pk: region for region in Region.objects.all()}
    table: dict = {}
    for cell in cells:
        row = table.setdefault(cell["region"], [0] * 12)
        row[cell["month"] - 1] = cell["count"]
    investigations = investigations_visible_to(user).filter(instruction_date__year=year)
    cases = criminal_cases_visible_to(user).filter(opened_on__year=year).order_by()
    stages = CriminalCase.Stage.choices
    case_table: dict = {}
    for cell in cases.values("region", "stage").annotate(count=Count("*")):
        row = case_table.setdefault(cell["region"], dict.fromkeys((value for value, _label in stages), 0))
        row[cell["stage"]] = cell["count"]
    return {
        "year": year,
        "rows": sorted(
            ((regions[pk], months, sum(months)) for pk, months in table.items()), key=lambda row: str(row[0])
        ),
        "by_status": _counts(complaints, "status", Complaint.Status.choices),
        "total": complaints.count(),
        "investigations_by_status": _counts(investigations, "status", Investigation.Status.choices),
        "investigations_by_outcome": _counts(investigations, "outcome", Investigation.Outcome.choices),
        "stages": [label for _value, label in stages],
        "case_rows": sorted(
            ((regions[pk], list(row.values()), sum(row.values())) for pk, row in case_table.items()),
            key=lambda row: str(row[0]),
        ),
    }


def complaint_receipt(user, complaint):
    """The applicant's receipt of a registered complaint (core.receipts); his name only for
    those who may see the applicant (the head, the assigned officers: ISD 7)."""
    from courtadmin.org.departments import department

    from ..permissions import may_see_applicant

    term = appeal_term(complaint)
    return Receipt(
        title=Complaint._meta.verbose_name,
        number=complaint.number,
        registered_at=timezone.localtime(complaint.received_at) if complaint.received_at else complaint.received_on,
        department=str(department(Department.ISD).name),
        channel=complaint.get_channel_display(),
        external_number=complaint.external_number,
        applicant=complaint.applicant_name if may_see_applicant(user, complaint) else "",
        due_on=term.due_on if term else None,
        legal_basis=term.legal_basis_display if term else "",
        back_url=complaint.get_absolute_url(),
    )
