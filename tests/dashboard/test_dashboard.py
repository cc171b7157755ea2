"""The dashboards (issue 8): every figure equals a direct count of the same records, the list
it links to shows exactly those records for each role, and the ISD part is not built at all
for anyone ISD 7 excludes."""

import statistics
from datetime import datetime, time, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from courtadmin.dashboard.panels import LEADERSHIP
from courtadmin.deadlines.calendar import ALMATY
from courtadmin.deadlines.models import Deadline
from courtadmin.org.models import Region
from internal_security.models import BuildingMeasure, Complaint, CriminalCase, Investigation, SecurityIncident
from internal_security.services.cases import criminal_case_save
from internal_security.services.complaints import complaint_assign
from internal_security.workflow import complaint_move
from international.models import Delegation, KazakhCourt, LegalAssistanceRequest, Trip
from international.services.events import event_move
from international.workflow import request_move
from tests.internal_security.factories import a_case, a_working_day, open_investigation, register
from tests.international.factories import delegation, event, la_request, put, trip

R = LegalAssistanceRequest
DAYS = 60


def board_url(board=LEADERSHIP, **query):
    today = timezone.localdate()
    params = {"period": "custom", "start": (today - timedelta(days=DAYS)).isoformat(), "end": today.isoformat()}
    return reverse("dashboard:board", args=[board]) + "?" + "&".join(f"{k}={v}" for k, v in {**params, **query}.items())


def in_period(field="received_on"):
    today = timezone.localdate()
    return {f"{field}__range": (today - timedelta(days=DAYS), today)}


def a_year_earlier(field="received_on"):
    today = timezone.localdate()
    return {f"{field}__range": (today - timedelta(days=DAYS + 365), today - timedelta(days=365))}


@pytest.fixture
def records(people):
    """Records of both departments in the last 60 days and a year earlier."""
    today = timezone.localdate()
    officer = people["ir_officer"].user
    for n, (days_ago, country) in enumerate([(5, "RU"), (12, "RU"), (40, "BY"), (370, "RU"), (90, "CN")]):
        la_request(officer, number=f"{n}/2026", received_on=today - timedelta(days=days_ago), country=country)
    for n, (received_ago, executed_ago) in enumerate([(80, 20), (50, 10), (400, 380)]):
        done = la_request(officer, number=f"E{n}/2026", received_on=today - timedelta(days=received_ago))
        put(done, executed_on=today - timedelta(days=executed_ago), status="executed")
    late = la_request(officer, number="L/2026", received_on=today - timedelta(days=70))
    request_move(request=late, move="check", actor=officer)
    put(late, court=KazakhCourt.objects.first(), status="sent_to_court")
    request_move(request=late, move="court_received", actor=officer, on=today - timedelta(days=65))
    trip(officer)  # back, report awaited
    trip(officer, departs_on=today + timedelta(days=3))
    trip(officer, departs_on=today - timedelta(days=365 + 10))
    delegation(officer, arrives_on=today - timedelta(days=3))
    delegation(officer, arrives_on=today - timedelta(days=365 + 20))
    for days in (-10, -400, 5):  # held in the period, held a year before, ahead
        held = event(officer, starts_on=today + timedelta(days=days), days=0)
        if days < 0:
            event_move(event=held, move="hold", actor=officer, outcomes="Өткізілді")

    head = people["isd_head"].user
    for days_back, region in ((3, "astana"), (15, "almaty")):
        at = datetime.combine(a_working_day(days_back), time(10, 0), tzinfo=ALMATY)
        recent = register(people, at=at, region=Region.objects.get(code=region))
    complaint_move(complaint=recent, move="forward", actor=head, forwarded_to="Бас прокуратура")  # on time
    old = register(people, at=datetime.combine(a_working_day(375), time(10, 0), tzinfo=ALMATY))
    forwarded = register(people, at=datetime.combine(a_working_day(30), time(10, 0), tzinfo=ALMATY))  # late
    complaint_move(complaint=forwarded, move="forward", actor=head, forwarded_to="Бас прокуратура")
    complaint_move(complaint=old, move="forward", actor=head, forwarded_to="Бас прокуратура")
    Complaint.objects.filter(pk=old.pk).update(closed_on=today - timedelta(days=365 + 2))  # forwarded a year ago
    Deadline.objects.filter(record_id=str(old.pk), kind="isd.appeal").update(closed_on=today - timedelta(days=367))
    assigned = register(people, at=datetime.combine(a_working_day(20), time(10, 0), tzinfo=ALMATY))
    complaint_assign(actor=head, complaint=assigned, officers=[people["isd_officer"].user])
    open_investigation(people)
    concluded = open_investigation(people, instruction_number="13-т")
    Investigation.objects.filter(pk=concluded.pk).update(
        status="concluded", outcome="disciplinary", concluded_on=today - timedelta(days=1)
    )
    criminal_case_save(actor=people["isd_almaty"].user, case=a_case(), opening_decision="СДТБ")
    a_case(
        region=Region.objects.get(code="shymkent"),
        stage="in_court",
        sent_to_court_on=today,
        entered_by=people["isd_almaty"].user,
    ).save()
    security_records(people)


def security_records(people):
    """ISD 6.1: two threats or incidents in the period (Almaty, Astana) and one a year earlier;
    an Almaty building with a measure overdue and its passport lapsing in 20 days; a contract
    with a defect open."""
    from tests.internal_security.test_buildings import a_building, a_measure, a_passport, an_inspection
    from tests.internal_security.test_contracts import a_check, a_contract
    from tests.internal_security.test_incidents import an_incident

    today = timezone.localdate()
    an_incident(people, occurred_on=today - timedelta(days=4))
    an_incident(people, kind="building", region="astana", person="", occurred_on=today - timedelta(days=30))
    an_incident(people, kind="hearing", person="", occurred_on=today - timedelta(days=370))
    building = a_building(people)
    a_passport(people, building, until=today + timedelta(days=20))
    late = a_measure(people, an_inspection(people, building), days=5)
    BuildingMeasure.objects.filter(pk=late.pk).update(due_on=today - timedelta(days=3))
    a_check(people, a_contract(people))


def panel(response, code):
    (entry,) = [entry for entry in response.context["built"] if entry.panel.code == code]
    return entry.data


def figures(data) -> dict:
    return {figure.key: figure for figure in data.figures}


def test_each_figure_of_the_leadership_board_equals_a_direct_count(records, client_for):
    response = client_for("chairman").get(board_url())
    assert response.status_code == 200
    today = timezone.localdate()

    ir = figures(panel(response, "ir.legal_assistance"))
    assert ir["received"].value == R.objects.filter(**in_period()).count() == 4
    assert ir["received"].previous == R.objects.filter(**a_year_earlier()).count() == 2
    assert ir["executed"].value == R.objects.filter(**in_period("executed_on")).count() == 2
    overdue_terms = Deadline.objects.filter(kind="ir.rogatory_execution", state__in=Deadline.ACTIVE, due_on__lt=today)
    assert ir["overdue"].value == overdue_terms.count() == 1
    days = [(r.executed_on - r.received_on).days for r in R.objects.filter(**in_period("executed_on"))]
    assert ir["median_days"].value == statistics.median(days) == 50

    trips = figures(panel(response, "ir.trips"))
    assert trips["trips_begun"].value == Trip.objects.filter(**in_period("departs_on")).count() == 1
    assert trips["trips_begun"].previous == Trip.objects.filter(**a_year_earlier("departs_on")).count() == 1
    awaited = Trip.objects.filter(report_received_on__isnull=True, returns_on__lt=today)
    assert trips["trips_without_report"].value == awaited.count() == 2
    start = today - timedelta(days=DAYS)
    visiting = Delegation.objects.filter(arrives_on__lte=today, leaves_on__gte=start)
    assert trips["delegations"].value == visiting.count() == 1

    isd = figures(panel(response, "isd.overview"))
    assert isd["complaints_received"].value == Complaint.objects.filter(**in_period()).count() == 4
    assert isd["complaints_received"].previous == Complaint.objects.filter(**a_year_earlier()).count() == 1
    assert isd["complaints_closed"].value == Complaint.objects.filter(**in_period("closed_on")).count() == 2
    for key, state in (("answered_on_time", "met"), ("answered_late", "missed")):
        terms = Deadline.objects.filter(kind="isd.appeal", state=state, **in_period("closed_on"))
        assert isd[key].value == terms.count() == 1, key
    assert isd["complaints_overdue"].value == 0
    assert isd["investigations_opened"].value == Investigation.objects.filter(**in_period("instruction_date")).count()
    assert isd["investigations_concluded"].value == 1
    assert isd["investigations_open"].value == Investigation.objects.filter(status="open").count() == 1
    cases = {row.label: row.values for row in panel(response, "isd.overview").tables[1].rows}
    stages = [stage for stage, _label in CriminalCase.Stage.choices]
    expected = {
        str(region): [CriminalCase.objects.filter(region=region, stage=stage).count() for stage in stages]
        for region in Region.objects.filter(criminalcase__isnull=False).distinct()
    }
    assert cases == expected

    security = panel(response, "isd.security")
    sec = figures(security)
    assert sec["incidents"].value == SecurityIncident.objects.filter(**in_period("occurred_on")).count() == 2
    assert sec["incidents"].previous == SecurityIncident.objects.filter(**a_year_earlier("occurred_on")).count() == 1
    assert sec["threats"].value == 1
    assert sec["incidents_open"].value == SecurityIncident.objects.filter(status="open").count() == 3
    overdue = BuildingMeasure.objects.filter(status="planned", due_on__lt=today)
    assert sec["buildings_overdue"].value == overdue.values("inspection__building").distinct().count() == 1
    assert sec["passports_lapsing"].value == 1
    assert sec["contracts_with_defects"].value == 1
    assert sec["incidents_forecast"].value == 0.5  # two in the twelve months shown: 2 x 3 / 12
    (by_region,) = security.maps
    assert len(by_region.counts) == Region.objects.count()
    assert {entry.region.code: entry.count for entry in by_region.counts if entry.count} == {"almaty": 1, "astana": 1}


def test_the_region_map_names_every_region_and_its_count_and_links_to_its_list(records, client_for):
    client = client_for("isd_head")
    response = client.get(board_url("ISD"))
    page = response.content.decode()
    assert 'class="tile-map"' in page and "Алматы қаласы: 1" in page  # the map's description in words
    (by_region,) = panel(response, "isd.security").maps
    for entry in by_region.counts:
        assert listed(client, entry.url) == entry.count, entry.region.code


def test_the_trend_counts_each_month_and_the_same_month_a_year_earlier(records, client_for):
    data = panel(client_for("ca_head").get(board_url()), "ir.legal_assistance")
    (trend,) = data.trends
    for month, value, previous in trend.rows:
        next_month = (month + timedelta(days=32)).replace(day=1)
        assert value == R.objects.filter(received_on__gte=month, received_on__lt=next_month).count()
        earlier = month.replace(year=month.year - 1)
        assert (
            previous
            == R.objects.filter(
                received_on__gte=earlier, received_on__lt=next_month.replace(year=next_month.year - 1)
            ).count()
        )
    assert sum(trend.values) + sum(trend.previous) == R.objects.count()


def by_month(trend) -> dict:
    return dict(zip(trend.months, trend.values, strict=True))


def test_finished_months_are_counted_once_and_say_when_this_month_is_live(records, people, client_for, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "trends"}}
    settings.DASHBOARD_TREND_CACHE_SECONDS = 3600
    client = client_for("ca_head")
    first = panel(client.get(board_url()), "ir.trips").trends[0]
    assert first.counted_at is not None
    today = timezone.localdate()
    back_dated = (today.replace(day=1) - timedelta(days=40)).replace(day=15)  # a finished month
    officer = people["ir_officer"].user
    trip(officer, departs_on=today, days=0)
    trip(officer, departs_on=back_dated)

    response = client.get(board_url())
    again = panel(response, "ir.trips").trends[0]
    values, before = by_month(again), by_month(first)
    assert values[today.replace(day=1)] == before[today.replace(day=1)] + 1  # this month: live
    assert values[back_dated.replace(day=1)] == before[back_dated.replace(day=1)]  # finished: as counted
    assert again.counted_at == first.counted_at
    aged = [trend for entry in response.context["built"] for trend in entry.data.trends if trend.counted_at]
    assert len(aged) >= 2  # trips, events, ...
    assert response.content.decode().count('class="small text-body-secondary trend-freshness"') == len(aged)

    cache.clear()  # what the hour's end does
    fresh = panel(client.get(board_url()), "ir.trips").trends[0]
    assert by_month(fresh)[back_dated.replace(day=1)] == before[back_dated.replace(day=1)] + 1
    assert fresh.counted_at > first.counted_at


def test_the_requests_trend_is_read_from_the_kept_counts_exact_at_once_without_an_age(
    records, people, client_for, settings
):
    """Issue 27: the legal-assistance trend reads the counts each request's save keeps, so a
    request back-dated into a finished month is in it at once, cache or no cache."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "trends"}}
    settings.DASHBOARD_TREND_CACHE_SECONDS = 3600
    client = client_for("ca_head")
    first = panel(client.get(board_url()), "ir.legal_assistance").trends[0]
    back_dated = (timezone.localdate().replace(day=1) - timedelta(days=40)).replace(day=15)
    la_request(people["ir_officer"].user, number="OLD/2026", received_on=back_dated)

    again = panel(client.get(board_url()), "ir.legal_assistance").trends[0]
    assert by_month(again)[back_dated.replace(day=1)] == by_month(first)[back_dated.replace(day=1)] + 1
    assert first.counted_at is None and again.counted_at is None


def test_without_the_cache_every_month_is_counted_live_and_no_age_is_shown(records, people, client_for):
    client = client_for("ca_head")
    response = client.get(board_url())
    assert panel(response, "ir.legal_assistance").trends[0].counted_at is None
    assert "trend-freshness" not in response.content.decode()


def listed(client, url) -> int:
    context = client.get(url).context
    return len(context["awaiting_signature"]) if "awaiting_signature" in context else context["page"].paginator.count


@pytest.mark.parametrize(
    ("username", "board"),
    [
        ("chairman", LEADERSHIP),
        ("ca_head", LEADERSHIP),
        ("ca_deputy", LEADERSHIP),
        ("ir_head", "IR"),
        ("ir_deputy_legal", "IR"),
        ("isd_head", "ISD"),
        ("isd_deputy", "ISD"),
    ],
)
def test_every_figure_and_row_links_to_the_list_of_what_it_counts(records, client_for, username, board):
    client = client_for(username)
    response = client.get(board_url(board))
    assert response.status_code == 200
    checked = 0
    for entry in response.context["built"]:
        for figure in entry.data.figures:
            if figure.url and figure.key != "median_days":
                assert listed(client, figure.url) == figure.value, (entry.panel.code, figure.key)
                checked += 1
        for table in entry.data.tables:
            for row in table.rows:
                for cell in row.cells:
                    if cell.url:
                        assert listed(client, cell.url) == cell.value, (entry.panel.code, table.key, row.label)
                        checked += 1
    assert checked >= 5


@pytest.mark.parametrize("username", ["ca_deputy", "ir_head", "ir_officer", "sysadmin"])
def test_the_isd_part_is_absent_for_those_isd_7_excludes(records, client_for, username):
    client = client_for(username)
    response = client.get(board_url())
    if response.status_code == 404:  # no leadership board for him at all
        assert username != "ca_deputy"
        return
    codes = {entry.panel.code for entry in response.context["built"]}
    assert codes == {"ir.legal_assistance", "ir.trips", "ir.events"}
    page = response.content.decode()
    assert "/isd/" not in page and 'id="panel-isdoverview"' not in page and 'id="panel-isdsecurity"' not in page
    assert client.get(board_url("ISD")).status_code == 404
    workbook = client.get(reverse("dashboard:board-xlsx", args=[LEADERSHIP]))
    from io import BytesIO

    from openpyxl import load_workbook

    assert len(load_workbook(BytesIO(workbook.getvalue())).sheetnames) == 3


@pytest.mark.parametrize(
    ("username", "boards"),
    [
        ("chairman", [LEADERSHIP]),
        ("ca_deputy", [LEADERSHIP]),
        ("ir_head", ["IR"]),
        ("isd_head", ["ISD"]),
        ("isd_officer", []),
        ("ir_officer", []),
        ("isd_almaty", []),
        ("sysadmin", []),
    ],
)
def test_who_opens_which_board(people, client_for, username, boards):
    client = client_for(username)
    for board in (LEADERSHIP, "IR", "ISD"):
        assert client.get(board_url(board)).status_code == (200 if board in boards else 404), board
    assert client.get(reverse("dashboard:home")).status_code == (302 if boards else 404)


def test_a_deputy_sees_his_line_of_work(people, client_for):
    legal = client_for("ir_deputy_legal").get(board_url("IR"))
    assert [entry.panel.code for entry in legal.context["built"]] == ["ir.legal_assistance"]
    protocol = client_for("ir_deputy_protocol").get(board_url("IR"))
    assert [entry.panel.code for entry in protocol.context["built"]] == ["ir.trips", "ir.events"]
    head = client_for("ir_head").get(board_url("IR"))
    assert [entry.panel.code for entry in head.context["built"]] == ["ir.legal_assistance", "ir.trips", "ir.events"]


def test_the_department_board_shows_the_workload_per_officer(records, people, client_for):
    data = panel(client_for("isd_head").get(board_url("ISD")), "isd.overview")
    (workload,) = [table for table in data.tables if table.key == "workload"]
    officer = people["isd_officer"]
    assert [(row.label, row.values) for row in workload.rows] == [(officer.full_name, [1])]


@pytest.mark.parametrize(
    ("query", "kind"),
    [({"period": "month"}, "month"), ({"period": "quarter"}, "quarter"), ({"period": "year"}, "year")],
)
def test_the_period_picker(people, client_for, query, kind):
    url = reverse("dashboard:board", args=[LEADERSHIP])
    period = client_for("chairman").get(url, query).context["period"]
    today = timezone.localdate()
    assert period.kind == kind and period.start <= today <= period.end


def test_a_period_that_cannot_be_read_falls_back_to_this_month_and_says_why(people, client_for):
    today = timezone.localdate()
    url = reverse("dashboard:board", args=[LEADERSHIP])
    response = client_for("chairman").get(
        url, {"period": "custom", "start": today.isoformat(), "end": (today - timedelta(days=1)).isoformat()}
    )
    assert response.context["period"].kind == "month"
    assert [message.level_tag for message in response.context["messages"]] == ["warning"]


def more_records(people, count: int) -> None:
    """`count` more records of each kind, across countries, regions and officers."""
    today = timezone.localdate()
    officer = people["ir_officer"].user
    for n in range(count):
        country = ("RU", "CN", "TR", "DE", "BY")[n % 5]
        la_request(officer, number=f"M{n}/2026", received_on=today - timedelta(days=n % 50), country=country)
        trip(officer, departs_on=today - timedelta(days=n % 40 + 5))
        delegation(officer, arrives_on=today - timedelta(days=n % 30))
        register(people, region=Region.objects.get(code=("astana", "almaty", "karaganda")[n % 3]))


# The events panel (issue 21): held in the period and a year before, ahead, the period's trips
# with and without their report, the trend, by kind, visits by country and their countries,
# the budget's items (10). The ISD's work plans of the year (1; their items by quarter one more,
# once a plan exists: none here). The security of courts (issue 25, 11): threats and incidents
# by kind in the period and a year earlier, being dealt with, by region and the regions, the
# trend, the buildings with measures overdue (counted and listed), the passports lapsing, the
# contracts with defects open (counted and listed).
@pytest.mark.parametrize(("username", "board", "queries"), [("chairman", LEADERSHIP, 60), ("isd_head", "ISD", 43)])
def test_a_board_costs_the_same_queries_with_more_records(
    records, people, client_for, django_assert_num_queries, username, board, queries
):
    client = client_for(username)
    client.get(board_url(board))  # sessions and caches warmed
    with django_assert_num_queries(queries):
        client.get(board_url(board))
    more_records(people, 12)
    with django_assert_num_queries(queries):
        client.get(board_url(board))
