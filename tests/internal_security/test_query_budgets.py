"""Query budgets of the ISD's list and detail pages: an exact count of queries for each, the
same for 2 rows as for 50 (house style, "Lists without a query budget"). The need-to-know side
of the complaint list (2 or 50 grants, 50 grants among 10,000 complaints) is in test_reach.py."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from courtadmin.documents.models import Document
from courtadmin.org.models import Region
from internal_security.models import (
    CaseStage,
    ComplaintAttachment,
    ComplaintGrant,
    Explanation,
    InvestigatedPerson,
    InvestigationGrant,
    InvestigationMaterial,
    JudgeInterview,
    PersonalFileRequest,
)
from internal_security.selectors.investigations import SIGNALS_OFFERED
from tests.conftest import PAGE, READ_LOG_QUERIES, TODAY

from .factories import (
    PDF,
    many_cases,
    many_complaints,
    many_investigations,
    many_signals,
    open_investigation,
    register,
)

pytestmark = pytest.mark.time_machine(TODAY)  # the records below carry fixed dates around it

ROWS = [2, 50]

# The queries of each page, read by the ISD head (who reaches every record) unless said: PAGE
# (tests/conftest.py), and what each page reads besides, said beside its count. A detail page
# writes its opening to the read log (one INSERT).
BUDGET = {
    # who signs ISD documents today (ISD 15): the head, his absence, an acting appointment and
    # who acts; the first 50 complaints (region joined)
    "home": PAGE + 5,
    # the count, the page (region joined); the filter's regions and officers
    "complaint-list": PAGE + 4,
    # the complaint, its running term, its documents, its grants with their holders, whether the
    # reader holds one, its files; the officers the head may assign; the hand-over's assigned
    # officers and those it may go to; the read log's line
    "complaint-detail": PAGE + 9 + 1 + READ_LOG_QUERIES,  # + its history
    # the regions; complaints by region and month, by status, in all; criminal cases by region
    # and stage; investigations by status and by outcome
    "complaint-figures": PAGE + 7,
    # the count, the page (instructing person and region joined); the filter's regions
    "investigation-list": PAGE + 3,
    # the investigation, its persons, explanations, interviews, personal-file requests,
    # complaints, criminal cases, information on corruption, materials, documents and team; the
    # information offered to link and its checkboxes; the officers for the team; the read log's line
    "investigation-detail": PAGE + 14 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (region joined); the filter's regions
    "case-list": PAGE + 3,
    # the case, its stages (with who entered them), its complaints and investigations within the
    # reader's reach; the read log's line
    "case-detail": PAGE + 4 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (region joined); the filter's regions
    "signal-list": PAGE + 3,
    # the entry, the complaints, investigations and criminal cases linked within the reader's
    # reach, the cases offered to link; the read log's line
    "signal-detail": PAGE + 5 + 1 + READ_LOG_QUERIES,  # + its history
    # the complaints, investigations, criminal cases and signals found
    "on-record": PAGE + 4,
    # the count, the page (region joined); the filter's regions
    "notice-list": PAGE + 3,
    # the notice, its materials (with who uploaded them); the read log's line
    "notice-detail": PAGE + 2 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (region joined, items counted); the filter's regions
    "plan-list": PAGE + 3,
    # the plan (region joined), its items (executors joined), its live document; the read log's line
    "plan-detail": PAGE + 3 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (region and leader joined, recommendations counted); the filter's regions
    "inspection-list": PAGE + 3,
    # the inspection (region and leader joined), its recommendations; the read log's line
    "inspection-detail": PAGE + 2 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (form and region joined); the filter's forms and regions; the forms
    # of report and the call's forms
    "report-list": PAGE + 6,
    # the report (form and region joined), its files (with who uploaded them); the read log's line
    "report-detail": PAGE + 2 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (region joined); the filter's regions
    "evaluation-list": PAGE + 3,
    # the evaluation (region joined); the read log's line
    "evaluation-detail": PAGE + 1 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page; the filter's regions
    "meeting-list": PAGE + 3,
    # the meeting, its units, its files (with who uploaded them); the read log's line
    "meeting-detail": PAGE + 3 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (region joined); the filter's regions
    "regulation-list": PAGE + 3,
    # the regulations (region joined); the read log's line
    "regulation-detail": PAGE + 1 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (region joined); the filter's regions
    "vetting-list": PAGE + 3,
    # the vetting (region joined), its checks (with who entered them), its documents, its
    # officers; the officers offered to assign; the read log's line
    "vetting-detail": PAGE + 5 + 1 + READ_LOG_QUERIES,  # + its history
    # the vetting; in each of the five registries the newest records, and when fewer than a
    # page of them match, those its indexes find (core.search.newest_matching): at most two
    # queries each; the read log's line
    "vetting-search": PAGE + 1 + 2 * 5 + READ_LOG_QUERIES,
    # the count, the page (region joined, measures counted); the filter's regions; the heat
    # map's cells and their regions; the analyses and their documents
    "risk-list": PAGE + 3 + 2 + 2,
    # the risk (region joined), its measures; the read log's line
    "risk-detail": PAGE + 2 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (items counted)
    "programme-list": PAGE + 2,
    # the programme, its items; the read log's line
    "programme-detail": PAGE + 2 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (region joined); the filter's regions
    "control-list": PAGE + 3,
    # the control (region joined); the read log's line
    "control-detail": PAGE + 1 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page
    "practice-list": PAGE + 2,
    # the practice; the read log's line
    "practice-detail": PAGE + 1 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (region joined); the filter's regions
    "incident-list": PAGE + 3,
    # the incident (region joined), its measures (with who entered them), its hearings, its
    # officers; the officers offered to assign; the read log's line
    "incident-detail": PAGE + 5 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (region joined); the filter's regions
    "hearing-list": PAGE + 3,
    # the hearing (region joined), its bailiffs, the threat it follows; the read log's line
    "hearing-detail": PAGE + 3 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (region joined, hearings counted); the filter's regions
    "bailiff-list": PAGE + 3,
    # the count, the page (region joined, each building's passport and measures counted); the
    # filter's regions
    "building-list": PAGE + 3,
    # the building; its latest inspections, their measures, its passport in force, those replaced,
    # its equipment (contract and supplier joined), its rules of the regime, its bailiffs, its
    # passes in force counted; the inspections and the region's contracts the forms offer; the
    # read log's line
    "building-detail": PAGE + 11 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (region and supplier joined, open defects counted); the filter's
    # regions and suppliers
    "contract-list": PAGE + 4,
    # the contract; its latest checks, their defects, the equipment installed under it; the read
    # log's line
    "contract-detail": PAGE + 4 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (contracts within reach counted)
    "supplier-list": PAGE + 2,
    # the supplier; its latest contracts within reach, their defects' figures, the contracts and
    # the checks counted; the read log's line
    "supplier-detail": PAGE + 5 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (building and region joined); the filter's regions and buildings
    "pass-list": PAGE + 4,
    # the pass; the read log's line
    "pass-detail": PAGE + 1 + 1 + READ_LOG_QUERIES,  # + its history
    # the count, the page (building and region joined), the totals; the filter's regions
    "expense-list": PAGE + 4,
    # the proposal, its specifications; the read log's line
    "expense-detail": PAGE + 2 + 1 + READ_LOG_QUERIES,  # + its history
}


def page(client, url, data=None):
    """The page once, so that what a session does on its first request is not counted."""
    client.get(url, data)
    return url


def officers(count):
    """`count` accounts of ISD officers, to hold `count` grants on one record."""
    User = get_user_model()
    User.objects.bulk_create(User(username=f"officer-{n}") for n in range(count))
    return list(User.objects.filter(username__startswith="officer-"))


def grants(model, record, users, granted_by):
    permission = Permission.objects.get(
        content_type__app_label="internal_security", codename=f"view_{type(record)._meta.model_name}"
    )
    model.objects.bulk_create(
        model(user=user, permission=permission, content_object=record, granted_by=granted_by, reason="x")
        for user in users
    )


def documents(record, count, author):
    Document.objects.bulk_create(
        Document(
            department="ISD",
            kind="isd.memo_to_subdivision",
            subject=f"Хат {n}",
            addressee="А",
            author=author,
            record_type=ContentType.objects.get_for_model(record),
            record_id=str(record.pk),
        )
        for n in range(count)
    )


@pytest.mark.parametrize("rows", ROWS)
def test_home(people, client_for, django_assert_num_queries, rows):
    many_complaints(rows)
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:home"))
    with django_assert_num_queries(BUDGET["home"]):
        response = client.get(url)
    assert len(response.context["complaints"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_complaint_list(people, client_for, django_assert_num_queries, rows):
    many_complaints(rows)
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:complaint-list"))
    with django_assert_num_queries(BUDGET["complaint-list"]):
        response = client.get(url, {"region": people["isd_almaty"].position.unit.region_id, "text": ""})
    assert response.status_code == 200
    with django_assert_num_queries(BUDGET["complaint-list"]):
        response = client.get(url)
    assert len(response.context["complaints"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_complaint_detail(people, users, client_for, django_assert_num_queries, rows):
    """GIVEN a complaint with `rows` files, grants and documents WHEN the head opens it THEN
    the page costs the same."""
    complaint = register(people)
    head = users["isd_head"]
    ComplaintAttachment.objects.bulk_create(
        ComplaintAttachment(complaint=complaint, uploaded_by=head, file=f"f{n}", original_name=f"{n}.pdf", **PDF)
        for n in range(rows)
    )
    grants(ComplaintGrant, complaint, officers(rows), head)
    documents(complaint, rows, head)
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:complaint-detail", args=[complaint.pk]))
    with django_assert_num_queries(BUDGET["complaint-detail"]):
        response = client.get(url)
    context = response.context
    assert len(context["attachments"]) == len(context["grants"]) == len(context["answers"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_complaint_figures(people, client_for, django_assert_num_queries, rows):
    many_complaints(rows)
    many_complaints(rows, region_code="almaty")
    many_investigations(people, rows)
    many_cases(people, rows)
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:complaint-figures"))
    with django_assert_num_queries(BUDGET["complaint-figures"]):
        response = client.get(url)
    assert response.context["total"] == 2 * rows


@pytest.mark.parametrize("rows", ROWS)
def test_investigation_list(people, client_for, django_assert_num_queries, rows):
    many_investigations(people, rows)
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:investigation-list"))
    with django_assert_num_queries(BUDGET["investigation-list"]):
        response = client.get(url)
    assert len(response.context["investigations"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_investigation_detail(people, users, client_for, django_assert_num_queries, rows):
    """GIVEN an investigation with `rows` persons, explanations, interviews, personal-file
    requests (half permitted), complaints, documents and team members WHEN the head opens it
    THEN the page costs the same."""
    investigation = open_investigation(people)
    head, today = users["isd_head"], timezone.localdate()
    InvestigatedPerson.objects.bulk_create(
        InvestigatedPerson(investigation=investigation, name=f"Судья {n}", role="judge", position="Сот")
        for n in range(rows)
    )
    Explanation.objects.bulk_create(
        Explanation(
            investigation=investigation,
            person=f"Хатшы {n}",
            summoned_on=today,
            given_on=today,
            uploaded_by=head,
            file=f"e{n}",
            original_name=f"{n}.pdf",
            **PDF,
        )
        for n in range(rows)
    )
    JudgeInterview.objects.bulk_create(
        JudgeInterview(
            investigation=investigation,
            judge=f"Судья {n}",
            permission="1-р",
            consent_on=today,
            held_on=today,
            record="...",
            recorded_by=head,
        )
        for n in range(rows)
    )
    PersonalFileRequest.objects.bulk_create(
        PersonalFileRequest(
            investigation=investigation,
            person=f"Судья {n}",
            reason="Тексеру",
            requested_by=head,
            granted_by=people["chairman"] if n % 2 else None,
            valid_until=today + timedelta(days=5) if n % 2 else None,
        )
        for n in range(rows)
    )
    investigation.complaints.set(many_complaints(rows))
    InvestigationMaterial.objects.bulk_create(
        InvestigationMaterial(
            investigation=investigation,
            description=f"{n}",
            uploaded_by=head,
            file=f"m{n}",
            original_name="m.pdf",
            **PDF,
        )
        for n in range(rows)
    )
    investigation.signals.set(many_signals(people, rows))
    # The region's information naming its judges, offered to link: at most SIGNALS_OFFERED.
    many_signals(people, rows, region_code="karaganda")
    for case in many_cases(people, rows):
        case.investigations.add(investigation)
    documents(investigation, rows, head)
    grants(InvestigationGrant, investigation, officers(rows), head)
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:investigation-detail", args=[investigation.pk]))
    with django_assert_num_queries(BUDGET["investigation-detail"]):
        response = client.get(url)
    context = response.context
    assert len(context["link_form"].offered) == min(rows, SIGNALS_OFFERED)
    listed = (
        "persons",
        "explanations",
        "interviews",
        "file_requests",
        "complaints",
        "cases",
        "signals",
        "materials",
        "documents",
        "team",
    )
    expected = dict.fromkeys(listed, rows) | {"persons": rows + 1}  # and the one it was opened with
    assert {name: len(context[name]) for name in listed} == expected


@pytest.mark.parametrize("rows", ROWS)
def test_case_list(people, client_for, django_assert_num_queries, rows):
    many_cases(people, rows)
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:case-list"))
    with django_assert_num_queries(BUDGET["case-list"]):
        response = client.get(url)
    assert len(response.context["cases"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_case_detail(people, client_for, django_assert_num_queries, rows):
    (case,) = many_cases(people, 1)
    case.complaints.set(many_complaints(rows))
    case.investigations.set(many_investigations(people, rows))
    CaseStage.objects.bulk_create(
        CaseStage(
            case=case,
            stage="verdict",
            decided_on=case.opened_on,
            authority="Сот",
            decision=f"Үкім {n}",
            outcome="convicted",
            entered_by=people["isd_head"].user,
        )
        for n in range(rows)
    )
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:case-detail", args=[case.pk]))
    with django_assert_num_queries(BUDGET["case-detail"]):
        response = client.get(url)
    assert len(response.context["complaints"]) == len(response.context["investigations"]) == rows
    assert len(response.context["stages"]) == rows and response.context["moves"]


@pytest.mark.parametrize("rows", ROWS)
def test_signal_list_and_detail(people, client_for, django_assert_num_queries, rows):
    """Read by the head; one entry linked to `rows` complaints, investigations and cases."""
    signals = many_signals(people, rows)
    signals[0].complaints.add(*many_complaints(rows))
    signals[0].cases.add(*many_cases(people, rows))
    for investigation in many_investigations(people, rows):
        investigation.signals.add(signals[0])
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:signal-list"))
    with django_assert_num_queries(BUDGET["signal-list"]):
        response = client.get(url)
    assert len(response.context["signals"]) == rows
    url = page(client, signals[0].get_absolute_url())
    with django_assert_num_queries(BUDGET["signal-detail"]):
        response = client.get(url)
    assert len(response.context["complaints"]) == len(response.context["cases"]) == rows
    assert len(response.context["investigations"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_on_record(people, client_for, django_assert_num_queries, rows):
    """GIVEN `rows` complaints, investigations, criminal cases and signals naming a judge WHEN
    the head looks him up THEN the page costs the same."""
    many_complaints(rows)
    for investigation in many_investigations(people, rows):
        InvestigatedPerson.objects.create(investigation=investigation, name="Судья Ы.", role="judge", position="Сот")
    many_cases(people, rows)
    many_signals(people, rows)
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:on-record"), {"q": "Судья"})
    with django_assert_num_queries(BUDGET["on-record"]):
        response = client.get(url, {"q": "Судья"})
    context = response.context
    assert [len(context[kind]) for kind in ("complaints", "investigations", "cases", "signals")] == [rows] * 4


def many_notices(people, count):
    from internal_security.models import StaffNotice

    region = Region.objects.get(code="almaty")
    return StaffNotice.objects.bulk_create(
        StaffNotice(
            region=region,
            person=f"Қызметкер {n}",
            role="staff",
            measure="dismissal",
            grounds="...",
            deciding_body="...",
            filed_by=people["hr_keeper"].user,
        )
        for n in range(count)
    )


@pytest.mark.parametrize("rows", ROWS)
def test_notice_list(people, client_for, django_assert_num_queries, rows):
    many_notices(people, rows)
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:notice-list"))
    with django_assert_num_queries(BUDGET["notice-list"]):
        response = client.get(url)
    assert len(response.context["notices"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_notice_detail(people, client_for, django_assert_num_queries, rows):
    """Read by the personnel office, who may attach materials and move it."""
    from internal_security.models import StaffNoticeMaterial

    (notice,) = many_notices(people, 1)
    StaffNoticeMaterial.objects.bulk_create(
        StaffNoticeMaterial(
            notice=notice,
            uploaded_by=people["hr_keeper"].user,
            original_name=f"{n}.pdf",
            content_type="application/pdf",
            size=10,
            sha256="0" * 64,
            file=f"x/{n}.pdf",
        )
        for n in range(rows)
    )
    client = client_for("hr_keeper")
    url = page(client, notice.get_absolute_url())
    with django_assert_num_queries(BUDGET["notice-detail"]):
        response = client.get(url)
    assert len(response.context["materials"]) == rows and response.context["moves"]


def a_plan_with_items(people, count, status="approved"):
    from internal_security.models import PlanItem, WorkPlan

    plan = WorkPlan.objects.create(year=2026, basis="...", status=status, drawn_up_by=people["isd_officer"].user)
    PlanItem.objects.bulk_create(
        PlanItem(
            plan=plan, function="6.13", title=f"{n}", executor=people["isd_officer"], due_on=f"2026-{n % 12 + 1}-01"
        )
        for n in range(count)
    )
    return plan


@pytest.mark.parametrize("rows", ROWS)
def test_plan_list(people, client_for, django_assert_num_queries, rows):
    from internal_security.models import WorkPlan

    regions = list(Region.objects.all()[: rows - 1])
    a_plan_with_items(people, 3)
    WorkPlan.objects.bulk_create(
        WorkPlan(
            year=2000 + n // len(regions),
            region=regions[n % len(regions)],
            basis="...",
            drawn_up_by=people["isd_officer"].user,
        )
        for n in range(rows - 1)
    )
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:plan-list"))
    with django_assert_num_queries(BUDGET["plan-list"]):
        response = client.get(url)
    assert len(response.context["plans"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_plan_detail(people, client_for, django_assert_num_queries, rows):
    """Read by the ISD head, who may report each item of the approved plan."""
    plan = a_plan_with_items(people, rows)
    client = client_for("isd_head")
    url = page(client, plan.get_absolute_url())
    with django_assert_num_queries(BUDGET["plan-detail"]):
        response = client.get(url)
    assert len(response.context["rows"]) == rows and all(moves for _item, moves in response.context["rows"])


def an_inspection_with_recommendations(people, count, region=None):
    from internal_security.models import Inspection, Recommendation

    inspection = Inspection.objects.create(
        region=region or Region.objects.get(code="almaty"),
        subdivision="...",
        programme="...",
        starts_on="2026-11-02",
        ends_on="2026-11-06",
        led_by=people["isd_almaty"],
        status="held",
        registered_by=people["isd_almaty"].user,
    )
    Recommendation.objects.bulk_create(
        Recommendation(inspection=inspection, text=f"{n}", responsible="...", due_on="2026-12-20") for n in range(count)
    )
    return inspection


@pytest.mark.parametrize("rows", ROWS)
def test_inspection_list(people, client_for, django_assert_num_queries, rows):
    for _n in range(rows):
        an_inspection_with_recommendations(people, 2)
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:inspection-list"))
    with django_assert_num_queries(BUDGET["inspection-list"]):
        response = client.get(url)
    assert len(response.context["inspections"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_inspection_detail(people, client_for, django_assert_num_queries, rows):
    """Read by the Almaty unit, which controls each recommendation."""
    inspection = an_inspection_with_recommendations(people, rows)
    client = client_for("isd_almaty")
    url = page(client, inspection.get_absolute_url())
    with django_assert_num_queries(BUDGET["inspection-detail"]):
        response = client.get(url)
    assert len(response.context["rows"]) == rows and all(moves for _row, moves in response.context["rows"])


def many_reports(people, count):
    from internal_security.models import ReportingForm, UnitReport

    form = ReportingForm.objects.create(
        code="F-1", title="...", period="month", days_after=10, created_by=people["isd_head"].user
    )
    region = Region.objects.get(code="almaty")
    return UnitReport.objects.bulk_create(
        UnitReport(
            form=form,
            region=region,
            period_start=f"{2000 + n // 12}-{n % 12 + 1:02d}-01",
            period_end=f"{2000 + n // 12}-{n % 12 + 1:02d}-28",
            due_on="2026-12-10",
            called_by=people["isd_head"].user,
        )
        for n in range(count)
    )


@pytest.mark.parametrize("rows", ROWS)
def test_report_list(people, client_for, django_assert_num_queries, rows):
    many_reports(people, rows)
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:report-list"))
    with django_assert_num_queries(BUDGET["report-list"]):
        response = client.get(url)
    assert len(response.context["reports"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_report_detail(people, client_for, django_assert_num_queries, rows):
    """Read by the Almaty unit, which sends it with its files."""
    from internal_security.models import UnitReportFile

    (report,) = many_reports(people, 1)
    UnitReportFile.objects.bulk_create(
        UnitReportFile(report=report, uploaded_by=people["isd_almaty"].user, file=f"r{n}", original_name="r.pdf", **PDF)
        for n in range(rows)
    )
    client = client_for("isd_almaty")
    url = page(client, report.get_absolute_url())
    with django_assert_num_queries(BUDGET["report-detail"]):
        response = client.get(url)
    assert len(response.context["files"]) == rows and response.context["moves"]


@pytest.mark.parametrize("rows", ROWS)
def test_evaluation_list(people, client_for, django_assert_num_queries, rows):
    from internal_security.models import HeadEvaluation

    HeadEvaluation.objects.bulk_create(
        HeadEvaluation(
            region=Region.objects.get(code="almaty"),
            head=f"Басшы {n}",
            year=2025,
            heard_on="2026-01-20",
            report="...",
            assessment="meets",
            evaluated_by=people["isd_head"].user,
        )
        for n in range(rows)
    )
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:evaluation-list"))
    with django_assert_num_queries(BUDGET["evaluation-list"]):
        response = client.get(url)
    assert len(response.context["evaluations"]) == rows
    evaluation = response.context["evaluations"][0]
    url = page(client, evaluation.get_absolute_url())
    with django_assert_num_queries(BUDGET["evaluation-detail"]):
        client.get(url)


@pytest.mark.parametrize("rows", ROWS)
def test_meeting_list_and_detail(people, client_for, django_assert_num_queries, rows):
    """The Almaty unit's list (the meetings it takes part in), and one meeting with `rows`
    units and files."""
    from internal_security.models import UnitMeeting, UnitMeetingFile

    meetings = UnitMeeting.objects.bulk_create(
        UnitMeeting(kind="seminar", topic=f"{n}", held_on="2026-11-02", planned_by=people["isd_officer"].user)
        for n in range(rows)
    )
    almaty = Region.objects.get(code="almaty")
    for meeting in meetings:
        meeting.regions.add(almaty)
    meetings[0].regions.add(*Region.objects.exclude(pk=almaty.pk)[: rows - 1])
    UnitMeetingFile.objects.bulk_create(
        UnitMeetingFile(
            meeting=meetings[0], uploaded_by=people["isd_officer"].user, file=f"m{n}", original_name="m.pdf", **PDF
        )
        for n in range(rows)
    )
    client = client_for("isd_almaty")
    url = page(client, reverse("internal_security:meeting-list"))
    with django_assert_num_queries(BUDGET["meeting-list"]):
        response = client.get(url)
    assert len(response.context["meetings"]) == rows
    url = page(client, meetings[0].get_absolute_url())
    with django_assert_num_queries(BUDGET["meeting-detail"]):
        response = client.get(url)
    assert len(response.context["files"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_regulation_list_and_detail(people, client_for, django_assert_num_queries, rows):
    from internal_security.models import UnitRegulation

    regions = list(Region.objects.all())
    regulations = UnitRegulation.objects.bulk_create(
        UnitRegulation(
            region=regions[n % len(regions)], title="...", text="...", submitted_by=people["isd_officer"].user
        )
        for n in range(rows)
    )
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:regulation-list"))
    with django_assert_num_queries(BUDGET["regulation-list"]):
        response = client.get(url)
    assert len(response.context["regulations"]) == rows
    url = page(client, regulations[0].get_absolute_url())
    with django_assert_num_queries(BUDGET["regulation-detail"]):
        client.get(url)


def many_vettings(people, count):
    from internal_security.models import VettingGrant, VettingRequest

    region = Region.objects.get(code="almaty")
    vettings = VettingRequest.objects.bulk_create(
        VettingRequest(
            candidate=f"Үміткер {n}",
            candidate_iin="900101300126",
            post_kind="judge",
            post="...",
            region=region,
            requested_by="...",
            received_on="2026-11-20",
            due_on="2026-12-04",
            registered_by=people["isd_head"].user,
        )
        for n in range(count)
    )
    permission = Permission.objects.get(codename="view_vettingrequest")
    VettingGrant.objects.bulk_create(
        VettingGrant(user=people["isd_officer"].user, permission=permission, content_object=v, reason=".")
        for v in vettings
    )
    return vettings


@pytest.mark.parametrize("rows", ROWS)
def test_vetting_list_detail_and_search(
    people, client_for, django_assert_num_queries, django_assert_max_num_queries, rows
):
    """An officer's list of `rows` vettings assigned to him; one vetting with `rows` checks,
    read by the head; its search with `rows` records about the candidate in each registry."""
    from internal_security.models import Complaint, CorruptionSignal, CriminalCase, StaffNotice, VettingCheck

    vettings = many_vettings(people, rows)
    client = client_for("isd_officer")
    url = page(client, reverse("internal_security:vetting-list"))
    with django_assert_num_queries(BUDGET["vetting-list"]):
        response = client.get(url)
    assert len(response.context["vettings"]) == rows
    VettingCheck.objects.bulk_create(
        VettingCheck(
            vetting=vettings[0],
            resource="ard",
            checked_on="2026-11-21",
            result=".",
            entered_by=people["isd_officer"].user,
        )
        for _n in range(rows)
    )
    client = client_for("isd_head")
    url = page(client, vettings[0].get_absolute_url())
    with django_assert_num_queries(BUDGET["vetting-detail"]):
        response = client.get(url)
    assert len(response.context["checks"]) == rows and response.context["assign_form"] is not None
    name = vettings[0].candidate
    many_complaints(rows)
    Complaint.objects.update(person_concerned=name)
    for investigation in many_investigations(people, rows):
        InvestigatedPerson.objects.create(investigation=investigation, name=name, role="judge", position="Сот")
    many_cases(people, rows)
    CriminalCase.objects.update(person=name)
    many_signals(people, rows)
    CorruptionSignal.objects.update(person=name)
    StaffNotice.objects.bulk_create(
        StaffNotice(
            region=Region.objects.get(code="almaty"),
            person=name,
            role="staff",
            measure="dismissal",
            grounds=".",
            deciding_body=".",
            filed_by=people["hr_keeper"].user,
        )
        for _n in range(rows)
    )
    url = page(client, reverse("internal_security:vetting-search", args=[vettings[0].pk]))
    with django_assert_max_num_queries(BUDGET["vetting-search"]):
        response = client.get(url)
    found = response.context["found"]
    assert [len(group["hits"]) for group in found] == [min(rows, 20)] * 5


def many_risks(people, count, measures=0):
    from internal_security.models import CorruptionRisk, RiskMeasure

    risks = CorruptionRisk.objects.bulk_create(
        CorruptionRisk(
            process=CorruptionRisk.Process.values[n % 6],
            subdivision=f"{n}",
            region=Region.objects.order_by("pk")[n % 5],
            description=".",
            cause=".",
            likelihood=1 + n % 3,
            impact=1 + n % 2,
            identified_on="2026-11-02",
            registered_by=people["isd_officer"].user,
        )
        for n in range(count)
    )
    RiskMeasure.objects.bulk_create(
        RiskMeasure(risk=risks[0], text=f"{n}", owner=".", due_on="2026-12-20") for n in range(measures)
    )
    return risks


@pytest.mark.parametrize("rows", ROWS)
def test_risk_list_and_detail(people, client_for, django_assert_num_queries, rows):
    from internal_security.models import RiskAnalysis

    risks = many_risks(people, rows, measures=rows)
    RiskAnalysis.objects.create(year=2026, period="h2", prepared_by=people["isd_officer"].user)
    client = client_for("isd_head")
    url = page(client, reverse("internal_security:risk-list"))
    with django_assert_num_queries(BUDGET["risk-list"]):
        response = client.get(url)
    assert len(response.context["risks"]) == rows and "<svg" in response.context["heat_map"]
    url = page(client, risks[0].get_absolute_url())
    with django_assert_num_queries(BUDGET["risk-detail"]):
        response = client.get(url)
    assert len(response.context["rows"]) == rows and all(moves for _row, moves in response.context["rows"])


@pytest.mark.parametrize("rows", ROWS)
def test_programme_list_and_detail(people, client_for, django_assert_num_queries, rows):
    from internal_security.models import Programme, ProgrammeItem

    programmes = Programme.objects.bulk_create(
        Programme(
            title=f"{n}",
            level="state",
            approved_by=".",
            first_year=2022,
            last_year=2026,
            registered_by=people["isd_officer"].user,
        )
        for n in range(rows)
    )
    ProgrammeItem.objects.bulk_create(
        ProgrammeItem(programme=programmes[0], number=f"{n}", text=".", executor=".", due_on="2026-12-20")
        for n in range(rows)
    )
    client = client_for("isd_officer")
    url = page(client, reverse("internal_security:programme-list"))
    with django_assert_num_queries(BUDGET["programme-list"]):
        response = client.get(url)
    assert len(response.context["programmes"]) == rows
    url = page(client, programmes[0].get_absolute_url())
    with django_assert_num_queries(BUDGET["programme-detail"]):
        response = client.get(url)
    assert len(response.context["rows"]) == rows and all(moves for _item, moves in response.context["rows"])


@pytest.mark.parametrize("rows", ROWS)
def test_control_and_practice_lists_and_details(people, client_for, django_assert_num_queries, rows):
    from internal_security.models import ComplianceControl, Practice

    controls = ComplianceControl.objects.bulk_create(
        ComplianceControl(
            area="procurement",
            subject=f"{n}",
            reference=".",
            subdivision=".",
            region=Region.objects.get(code="almaty"),
            checks=["conflict"],
            started_on="2026-11-02",
            registered_by=people["isd_officer"].user,
        )
        for n in range(rows)
    )
    practices = Practice.objects.bulk_create(
        Practice(
            title=f"{n}",
            origin="foreign",
            source=".",
            summary=".",
            studied_on="2026-11-02",
            registered_by=people["isd_officer"].user,
        )
        for n in range(rows)
    )
    client = client_for("isd_head")
    for name, key, record in (("control", "controls", controls[0]), ("practice", "practices", practices[0])):
        url = page(client, reverse(f"internal_security:{name}-list"))
        with django_assert_num_queries(BUDGET[f"{name}-list"]):
            response = client.get(url)
        assert len(response.context[key]) == rows
        url = page(client, record.get_absolute_url())
        with django_assert_num_queries(BUDGET[f"{name}-detail"]):
            response = client.get(url)
        assert response.context["moves"]


@pytest.mark.parametrize("rows", ROWS)
def test_incident_hearing_and_bailiff_pages(people, client_for, django_assert_num_queries, rows):
    """`rows` threats, each with a hearing; the first with `rows` measures and `rows` bailiffs."""
    from datetime import datetime, time

    from courtadmin.deadlines.calendar import ALMATY
    from internal_security.models import Bailiff, HearingSecurity, IncidentMeasure, SecurityIncident

    almaty = Region.objects.get(code="almaty")
    head = people["isd_head"].user
    incidents = SecurityIncident.objects.bulk_create(
        SecurityIncident(
            kind="threat_judge",
            region=almaty,
            court=".",
            person=f"{n}",
            occurred_on="2026-11-20",
            description=".",
            reported_by=".",
            registered_by=head,
        )
        for n in range(rows)
    )
    IncidentMeasure.objects.bulk_create(
        IncidentMeasure(incident=incidents[0], taken_on="2026-11-21", text=f"{n}", entered_by=head) for n in range(rows)
    )
    bailiffs = Bailiff.objects.bulk_create(
        Bailiff(full_name=f"{n}", post=".", court=".", region=almaty, registered_by=head) for n in range(rows)
    )
    hearings = HearingSecurity.objects.bulk_create(
        HearingSecurity(
            region=almaty,
            court=".",
            case_number=f"{n}",
            starts_at=datetime.combine(date(2026, 11, 20), time(10), ALMATY),
            risk=".",
            measures=".",
            incident=incidents[n],
            registered_by=head,
        )
        for n in range(rows)
    )
    hearings[0].bailiffs.add(*bailiffs)
    for hearing in hearings[1:]:
        hearing.bailiffs.add(bailiffs[0])
    client = client_for("isd_head")
    for name, key, record, count in (
        ("incident", "incidents", incidents[0], "measures"),
        ("hearing", "hearings", hearings[0], "bailiffs"),
    ):
        url = page(client, reverse(f"internal_security:{name}-list"))
        with django_assert_num_queries(BUDGET[f"{name}-list"]):
            response = client.get(url)
        assert len(response.context[key]) == rows
        url = page(client, record.get_absolute_url())
        with django_assert_num_queries(BUDGET[f"{name}-detail"]):
            response = client.get(url)
        assert len(response.context[count]) == rows
    url = page(client, reverse("internal_security:bailiff-list"))
    with django_assert_num_queries(BUDGET["bailiff-list"]):
        response = client.get(url)
    assert len(response.context["bailiffs"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_building_contract_and_supplier_pages(people, client_for, django_assert_num_queries, rows):
    """`rows` buildings, each with a passport and a survey with a measure, and `rows` contracts
    of one supplier, each checked with a defect; the first building with `rows` inspections,
    measures, old passports and pieces of equipment, the first contract with `rows` checks."""
    from internal_security.models import (
        BuildingInspection,
        BuildingMeasure,
        ContractCheck,
        ContractDefect,
        CourtBuilding,
        SecurityContract,
        SecurityEquipment,
        Supplier,
        TerrorPassport,
    )

    almaty = Region.objects.get(code="almaty")
    head = people["isd_head"].user
    buildings = CourtBuilding.objects.bulk_create(
        CourtBuilding(
            court=f"{n}",
            region=almaty,
            address=".",
            floors=2,
            entrances=1,
            vulnerable=True,
            category="2",
            registered_by=head,
        )
        for n in range(rows)
    )
    passport = {
        "original_name": "p.pdf",
        "content_type": "application/pdf",
        "size": 1,
        "sha256": "0",
        "uploaded_by": head,
    }
    TerrorPassport.objects.bulk_create(
        [
            TerrorPassport(building=b, number="1", approved_on="2026-01-01", valid_until="2027-01-01", **passport)
            for b in buildings
        ]
        + [
            TerrorPassport(
                building=buildings[0],
                number=f"{n}",
                approved_on="2020-01-01",
                valid_until="2021-01-01",
                replaced_on="2021-01-01",
                **passport,
            )
            for n in range(rows)
        ]
    )
    inspections = BuildingInspection.objects.bulk_create(
        [
            BuildingInspection(
                building=b,
                kind="survey",
                held_on="2026-11-02",
                held_by=".",
                state="fair",
                findings=".",
                entered_by=head,
            )
            for b in buildings
        ]
        + [
            BuildingInspection(
                building=buildings[0],
                kind="terror",
                held_on="2026-11-03",
                held_by=".",
                state="good",
                findings=".",
                entered_by=head,
            )
            for _ in range(rows)
        ]
    )
    BuildingMeasure.objects.bulk_create(
        BuildingMeasure(inspection=inspection, text=".", owner=".", due_on="2026-11-20") for inspection in inspections
    )
    supplier = Supplier.objects.create(name=".", bin="090340001232", registered_by=head)
    contracts = SecurityContract.objects.bulk_create(
        SecurityContract(
            number=f"{n}",
            signed_on="2026-01-01",
            supplier=supplier,
            subject="video",
            region=almaty,
            courts=".",
            amount=1,
            obligations=".",
            ends_on="2027-01-01",
            registered_by=head,
        )
        for n in range(rows)
    )
    SecurityEquipment.objects.bulk_create(
        SecurityEquipment(
            building=buildings[0],
            kind="video",
            description=f"{n}",
            installed_on="2026-01-01",
            contract=contracts[n],
            entered_by=head,
        )
        for n in range(rows)
    )
    checks = ContractCheck.objects.bulk_create(
        [
            ContractCheck(contract=c, checked_on="2026-11-02", checked_by=".", findings=".", entered_by=head)
            for c in contracts
        ]
        + [
            ContractCheck(contract=contracts[0], checked_on="2026-11-03", checked_by=".", findings=".", entered_by=head)
            for _ in range(rows)
        ]
    )
    ContractDefect.objects.bulk_create(
        ContractDefect(found_in=check, description=".", remedy_by="2026-12-20") for check in checks
    )
    client = client_for("isd_head")
    for name, key, record, count in (
        ("building", "buildings", buildings[0], "equipment"),
        ("contract", "contracts", contracts[0], "rows"),
    ):
        url = page(client, reverse(f"internal_security:{name}-list"))
        with django_assert_num_queries(BUDGET[f"{name}-list"]):
            response = client.get(url)
        assert len(response.context[key]) == rows
        url = page(client, record.get_absolute_url())
        with django_assert_num_queries(BUDGET[f"{name}-detail"]):
            response = client.get(url)
        # a contract's defects are those of its latest checks shown (CHECKS_SHOWN: 30 of 51)
        assert len(response.context[count]) == (min(rows + 1, 30) if name == "contract" else rows)
    url = page(client, reverse("internal_security:supplier-list"))
    with django_assert_num_queries(BUDGET["supplier-list"]):
        response = client.get(url)
    assert [s.contract_count for s in response.context["suppliers"]] == [rows]
    url = page(client, supplier.get_absolute_url())
    with django_assert_num_queries(BUDGET["supplier-detail"]):
        response = client.get(url)
    assert response.context["figures"]["defects"] == 2 * rows


@pytest.mark.parametrize("rows", ROWS)
def test_pass_and_expense_pages(people, client_for, django_assert_num_queries, rows):
    """`rows` passes and `rows` spending proposals, the first with `rows` specifications."""
    from internal_security.models import AccessPass, CourtBuilding, SpecificationFile, SpendingProposal

    almaty = Region.objects.get(code="almaty")
    head = people["isd_head"].user
    building = CourtBuilding.objects.create(
        court=".", region=almaty, address=".", floors=2, entrances=1, registered_by=head
    )
    passes = AccessPass.objects.bulk_create(
        AccessPass(
            kind="permanent",
            number=f"{n}",
            holder=".",
            holder_post=".",
            building=building,
            region=almaty,
            issued_on="2026-01-01",
            valid_until="2027-01-01",
            registered_by=head,
        )
        for n in range(rows)
    )
    proposals = SpendingProposal.objects.bulk_create(
        SpendingProposal(
            year=2027, building=building, region=almaty, item="video", description=".", amount=1, registered_by=head
        )
        for _ in range(rows)
    )
    SpecificationFile.objects.bulk_create(
        SpecificationFile(
            proposal=proposals[0],
            original_name=f"{n}.pdf",
            content_type="application/pdf",
            size=1,
            sha256="0",
            uploaded_by=head,
        )
        for n in range(rows)
    )
    client = client_for("isd_head")
    for name, key, record in (("pass", "passes", passes[0]), ("expense", "proposals", proposals[0])):
        url = page(client, reverse(f"internal_security:{name}-list"))
        with django_assert_num_queries(BUDGET[f"{name}-list"]):
            response = client.get(url)
        assert len(response.context[key]) == rows
        url = page(client, record.get_absolute_url())
        with django_assert_num_queries(BUDGET[f"{name}-detail"]):
            response = client.get(url)
        assert response.context["moves"]
    assert len(response.context["files"]) == rows
