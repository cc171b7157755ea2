"""International events (issue 21, item 1; IR 5.3, 7.6, 7.14, 7.15, 7.18, 7.23): the register,
its moves, materials with terms, follow-up instructions, the calendar and the iCalendar feed,
within reach."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from openpyxl import load_workbook

from courtadmin.audit.models import AuditEvent
from courtadmin.deadlines.models import Deadline
from international.models import Event
from international.selectors import events as selectors
from international.services import events as services
from tests.conftest import refusal_codes
from tests.international.factories import event


def _started(record: Event, days_ago: int = 1) -> Event:
    """The event as if it had begun `days_ago` days ago (its dates are not corrected once
    entered in the past through the form; the test moves them)."""
    length = record.ends_on - record.starts_on
    starts_on = timezone.localdate() - timedelta(days=days_ago)
    Event.objects.filter(pk=record.pk).update(starts_on=starts_on, ends_on=starts_on + length)
    record.refresh_from_db()
    return record


# --- The register and its moves --------------------------------------------------------------


def test_ir_staff_enter_an_event_with_participants_of_the_portal_ir_7_6(users):
    entered = event(users["ir_officer"], participants=[users["chairman"], users["legal_officer"]], plan_year=2026)
    assert entered.status == Event.Status.PLANNED
    assert set(entered.participants.all()) == {users["chairman"], users["legal_officer"]}
    created = AuditEvent.objects.get(action="ir.event.created", object_id=str(entered.pk))
    assert sorted(created.after["participants"]) == sorted([users["chairman"].pk, users["legal_officer"].pk])


@pytest.mark.parametrize("username", ["chairman", "ca_deputy", "isd_head", "legal_officer"])
def test_only_ir_staff_enter_events(users, username):
    with pytest.raises(PermissionDenied):
        event(users[username])


def test_an_event_is_confirmed_held_with_its_outcomes_and_then_no_longer_corrected_ir_7_14(users):
    officer = users["ir_officer"]
    planned = event(officer)
    services.event_move(event=planned, move="confirm", actor=officer)
    assert planned.status == Event.Status.CONFIRMED
    # Not held before it begins, nor without saying what it gave.
    assert refusal_codes(services.event_move, event=planned, move="hold", actor=officer, outcomes="Келісілді") == {
        "not_begun"
    }
    _started(planned)
    assert refusal_codes(services.event_move, event=planned, move="hold", actor=officer, outcomes=" ") == {"required"}
    services.event_move(event=planned, move="hold", actor=officer, outcomes="Меморандумға қол қойылды")
    assert (planned.status, planned.outcomes) == (Event.Status.HELD, "Меморандумға қол қойылды")
    planned.title = "Басқа атау"
    assert refusal_codes(services.event_save, actor=officer, event=planned, participants=[]) == {"closed"}
    assert refusal_codes(services.event_move, event=planned, move="cancel", actor=officer, reason="x") == {
        "forbidden_move"
    }


def test_an_event_is_cancelled_only_with_the_reason_and_only_by_ir_staff(users):
    officer = users["ir_officer"]
    planned = event(officer)
    assert refusal_codes(services.event_move, event=planned, move="cancel", actor=officer, reason="") == {"required"}
    assert refusal_codes(services.event_move, event=planned, move="cancel", actor=users["chairman"], reason="x") == {
        "not_yours"
    }
    services.event_move(event=planned, move="cancel", actor=officer, reason="Ұйымдастырушы кейінге қалдырды")
    assert planned.status == Event.Status.CANCELLED and planned.cancel_reason


def test_a_participant_and_the_officer_are_told_of_a_move(users):
    from courtadmin.core.models import Job

    planned = event(users["ir_officer"], officer=users["ir_head"], participants=[users["legal_officer"]])
    services.event_move(event=planned, move="confirm", actor=users["ir_officer"])
    job = Job.objects.get(kind="workflow.news")
    assert sorted(job.payload["recipients"]) == sorted([users["ir_head"].pk, users["legal_officer"].pk])


# --- Reach -------------------------------------------------------------------------------------


def test_a_participant_from_elsewhere_reads_his_event_and_nothing_else_of_the_ir(users, client_for):
    officer = users["ir_officer"]
    his = event(officer, participants=[users["legal_officer"]])
    other = event(officer, title="Басқа іс-шара")
    client = client_for("legal_officer")
    assert client.get(his.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    listed = client.get(reverse("international:event-list")).context["page"].object_list
    assert list(listed) == [his]
    assert client.get(reverse("international:event-update", args=[his.pk])).status_code == 404
    assert client.get(reverse("international:event-export")).status_code == 200
    assert client.get(reverse("international:trip-list")).status_code == 404


def test_someone_with_no_event_and_no_reach_gets_404_on_the_register(users, client_for):
    event(users["ir_officer"])
    client = client_for("isd_officer")
    for name in ("event-list", "event-calendar", "event-figures", "event-export"):
        assert client.get(reverse(f"international:{name}")).status_code == 404, name


def test_the_leadership_reads_every_event(users):
    entered = event(users["ir_officer"])
    assert list(selectors.events_visible_to(users["chairman"])) == [entered]
    assert not selectors.events_visible_to(users["isd_head"]).exists()


# --- Materials with terms (IR 7.15) ----------------------------------------------------------


def test_a_material_runs_its_term_and_is_prepared_with_a_document_ir_7_15(users):
    from tests.documents.conftest import draft

    officer = users["ir_officer"]
    ahead = event(officer)
    due = ahead.starts_on - timedelta(days=1)
    material = services.event_material_add(
        actor=officer, event=ahead, title="Аналитикалық анықтама", executor=officer, due_on=due
    )
    term = Deadline.objects.get(record_id=str(material.pk), kind="ir.event_material")
    assert (term.due_on, term.responsible, term.state) == (due, officer, Deadline.State.OPEN)
    document = draft(officer)
    services.event_material_prepared(actor=officer, material=material, document=document)
    term.refresh_from_db()
    assert (material.document, material.prepared_on) == (document, timezone.localdate())
    assert term.state == Deadline.State.MET
    assert refusal_codes(services.event_material_prepared, actor=officer, material=material, document=document) == {
        "done"
    }


def test_a_material_is_refused_outside_the_ir_in_the_past_or_after_the_event(users):
    from tests.documents.conftest import draft

    officer = users["ir_officer"]
    ahead = event(officer)
    yesterday = timezone.localdate() - timedelta(days=1)
    codes = refusal_codes(
        services.event_material_add,
        actor=officer,
        event=ahead,
        title="Анықтама",
        executor=users["legal_officer"],
        due_on=yesterday,
    )
    assert codes == {"outside", "past"}
    material = services.event_material_add(
        actor=officer, event=ahead, title="Анықтама", executor=officer, due_on=ahead.starts_on
    )
    isd_document = draft(users["isd_officer"], kind="isd.memo_to_subdivision")
    assert refusal_codes(services.event_material_prepared, actor=officer, material=material, document=isd_document) == {
        "outside"
    }
    services.event_move(event=ahead, move="cancel", actor=officer, reason="Кейінге қалдырылды")
    ahead.refresh_from_db()
    assert refusal_codes(
        services.event_material_add, actor=officer, event=ahead, title="x", executor=officer, due_on=ahead.starts_on
    ) == {"closed"}


# --- Follow-up instructions ------------------------------------------------------------------


def test_the_ir_head_gives_a_follow_up_instruction_on_a_held_event_ir_11(users, client_for):
    officer = users["ir_officer"]
    held = _started(event(officer))
    giving = {"department": "IR", "text": "Меморандум жобасын дайындау", "executors": [officer], "lead": officer}
    giving["due_on"] = timezone.localdate() + timedelta(days=10)
    assert refusal_codes(services.event_follow_up_give, actor=users["ir_head"], event=held, **giving) == {"not_held"}
    services.event_move(event=held, move="hold", actor=officer, outcomes="Келісілді")
    follow_up = services.event_follow_up_give(actor=users["ir_head"], event=held, **giving)
    assert follow_up.instruction.department == "IR" and follow_up.instruction.given_by == users["ir_head"]
    page = client_for("ir_head").get(held.get_absolute_url())
    assert follow_up.instruction.registration_number in page.content.decode()
    # The officer gives no instruction to the department: no page for him.
    assert client_for("ir_officer").get(reverse("international:event-follow-up", args=[held.pk])).status_code == 404


# --- Calendar and the iCalendar feed --------------------------------------------------------


@pytest.mark.time_machine(date(2026, 12, 6))
def test_the_month_shows_each_event_on_its_days_and_leaves_out_the_cancelled(users, client_for):
    officer = users["ir_officer"]
    seminar = event(officer, starts_on=date(2026, 12, 10), days=2, title="Семинар")
    cancelled = event(officer, starts_on=date(2026, 12, 14), days=0, title="Кездесу")
    services.event_move(event=cancelled, move="cancel", actor=officer, reason="Кейінге қалдырылды")
    weeks = client_for("ir_officer").get(reverse("international:event-calendar")).context["weeks"]
    days = {day.day: day.events for week in weeks for day in week}
    assert [day for day, shown in days.items() if seminar in shown] == [date(2026, 12, d) for d in (10, 11, 12)]
    assert not any(cancelled in shown for shown in days.values())
    assert min(days) == date(2026, 11, 30) and max(days) == date(2027, 1, 3)  # Monday to Sunday
    # An impossible month is this month, not an error.
    page = client_for("ir_officer").get(reverse("international:event-calendar"), {"year": "2026", "month": "13"})
    assert page.status_code == 200 and page.context["first"] == date(2026, 12, 1)


@pytest.mark.time_machine(date(2026, 12, 6))
def test_the_feed_parses_back_and_holds_only_the_persons_own_events(users, client_for):
    officer = users["ir_officer"]
    his = event(officer, starts_on=date(2026, 12, 10), days=2, participants=[users["legal_officer"]])
    meeting = event(
        officer,
        starts_on=date(2026, 12, 15),
        days=0,
        start_time=timezone.datetime(2026, 1, 1, 10, 30).time(),
        kind="meeting",
        title="Елшімен кездесу",
        participants=[users["legal_officer"]],
    )
    services.event_move(event=meeting, move="cancel", actor=officer, reason="Кейінге қалдырылды")
    event(officer, title="Оған қатысы жоқ")
    response = client_for("legal_officer").get(reverse("international:event-feed"))
    assert response["Content-Type"].startswith("text/calendar")
    feed = Calendar.from_ical(response.content)
    entries = {str(entry["uid"]): entry for entry in feed.walk("VEVENT")}
    assert set(entries) == {f"ir-event-{his.pk}@courtadmin", f"ir-event-{meeting.pk}@courtadmin"}
    whole_days = entries[f"ir-event-{his.pk}@courtadmin"]
    assert whole_days.decoded("dtstart") == date(2026, 12, 10)
    assert whole_days.decoded("dtend") == date(2026, 12, 13)  # the last day included
    timed = entries[f"ir-event-{meeting.pk}@courtadmin"]
    assert timed.decoded("dtstart").hour == 10 and str(timed["status"]) == "CANCELLED"
    # Someone who takes part in nothing gets an empty calendar, not the department's.
    empty = Calendar.from_ical(client_for("isd_officer").get(reverse("international:event-feed")).content)
    assert list(empty.walk("VEVENT")) == []


# --- Figures and the export ------------------------------------------------------------------


@pytest.mark.time_machine(date(2026, 12, 6))
def test_the_figures_count_the_years_events_by_kind_and_month_ir_7_6(users, client_for):
    officer = users["ir_officer"]
    event(officer, starts_on=date(2026, 12, 10), plan_year=2026)
    event(officer, starts_on=date(2026, 12, 20), kind="seminar")
    cancelled = event(officer, starts_on=date(2026, 12, 21), kind="seminar")
    services.event_move(event=cancelled, move="cancel", actor=officer, reason="Кейінге қалдырылды")
    event(officer, starts_on=date(2027, 1, 10))  # next year: not counted
    figures = client_for("ir_head").get(reverse("international:event-figures"), {"year": 2026}).context["figures"]
    rows = {row["kind"]: row for row in figures["kinds"]}
    conference, seminar = rows[Event.Kind.CONFERENCE.label], rows[Event.Kind.SEMINAR.label]
    assert (conference["total"], conference["planned"]) == (1, 1)
    assert (seminar["total"], seminar["cancelled"], seminar["held"]) == (2, 1, 0)
    assert [row["n"] for row in figures["months"]] == [0] * 11 + [3]
    # A year the register cannot hold is this year.
    assert client_for("ir_head").get(reverse("international:event-figures"), {"year": "99999"}).context["year"] == 2026


def test_the_export_holds_the_filtered_rows_and_the_figures(users, client_for):
    officer = users["ir_officer"]
    event(officer, title="Бірінші конференция")
    event(officer, title="Екінші семинар", kind="seminar")
    response = client_for("ir_officer").get(reverse("international:event-export"), {"kind": "seminar"})
    book = load_workbook(BytesIO(b"".join(response.streaming_content)))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert [row[3] for row in rows[1:]] == ["Екінші семинар"]
    assert len(book.worksheets) == 3


# --- Pages: bad input kept, query budgets ------------------------------------------------------


def test_bad_dates_are_refused_beside_the_field_and_what_was_typed_stays(users, client_for):
    data = {
        "kind": "conference",
        "title": "Халықаралық конференция",
        "starts_on": "2026-12-20",
        "ends_on": "2026-12-18",
        "place": "Астана",
        "organiser": "Жоғарғы Сот",
        "officer": users["ir_officer"].pk,
    }
    response = client_for("ir_officer").post(reverse("international:event-create"), data)
    assert response.status_code == 200 and not Event.objects.exists()
    form = response.context["form"]
    assert form.has_error("ends_on", "before_start") and form["title"].value() == "Халықаралық конференция"


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_list_costs_the_same_for_two_events_and_for_thirty(users, client_for):
    officer = users["ir_officer"]
    client = client_for("ir_officer")
    url = reverse("international:event-list")
    for _n in range(2):
        event(officer, participants=[users["legal_officer"]])
    few = _queries(client, url)
    for _n in range(28):
        event(officer, participants=[users["legal_officer"]])
    assert _queries(client, url) == few
    calendar_url = reverse("international:event-calendar")
    assert _queries(client, calendar_url) == _queries(client, calendar_url)


def test_the_event_page_costs_the_same_for_one_participant_and_for_ten(users, people, client_for):
    officer = users["ir_officer"]
    client = client_for("ir_officer")
    one = event(officer, participants=[users["legal_officer"]])
    services.event_material_add(actor=officer, event=one, title="Анықтама", executor=officer, due_on=one.starts_on)
    many = event(officer, participants=list(users.values())[:10])
    for n in range(5):
        services.event_material_add(
            actor=officer, event=many, title=f"Анықтама {n}", executor=officer, due_on=many.starts_on
        )
    assert _queries(client, one.get_absolute_url()) == _queries(client, many.get_absolute_url())


@pytest.mark.time_machine(date(2026, 12, 6))
def test_a_working_meeting_with_local_courts_is_held_and_counted_ir_5_3_ir_7_23(users, client_for):
    """IR 5.3, 7.23: a working meeting with local courts, a court's user among its participants,
    held with its outcomes; the court's user reads it and it counts under its kind."""
    officer = users["ir_officer"]
    meeting = event(
        officer,
        kind="local_courts",
        starts_on=date(2026, 12, 1),
        days=0,
        title="Облыстық соттармен жұмыс кеңесі",
        participants=[users["court_almaty"]],
    )
    services.event_move(event=meeting, move="hold", actor=officer, outcomes="Ұсынымдар жіберілді")
    page = client_for("court_almaty").get(meeting.get_absolute_url())
    assert page.status_code == 200 and "Ұсынымдар жіберілді" in page.content.decode()
    figures = selectors.event_figures(users["ir_head"], selectors.Period(date(2026, 1, 1), date(2026, 12, 31)))
    local = next(row for row in figures["kinds"] if row["kind"] == Event.Kind.LOCAL_COURTS.label)
    assert (local["total"], local["held"]) == (1, 1)


def test_a_common_search_finds_the_same_events_in_the_registers_order(users, monkeypatch):
    """core.search.containing: a word matching more than COMMON events is looked for while
    the register is read in its order; the events found are the same."""
    from courtadmin.core import search

    officer = users["ir_officer"]
    found = [
        event(officer, title=f"Конференция {n}", starts_on=timezone.localdate() + timedelta(days=n)) for n in (3, 4)
    ]
    event(officer, title="Семинар", organiser="Конференция судей")
    event(officer, title="Кездесу")

    def listed(text):
        return [record.pk for record in selectors.event_register(officer, selectors.EventFilter(text=text))]

    rare = listed("конференц")
    monkeypatch.setattr(search, "COMMON", 1)
    assert listed("конференц") == rare and len(rare) == 3 and set(rare) >= {record.pk for record in found}


def test_an_event_the_leadership_attends_has_its_protocol_card_ir_7_30(users, client_for):
    from tests.documents.conftest import draft

    officer = users["ir_officer"]
    points = draft(officer, subject="Тезистер")
    visit = event(
        officer,
        kind="chairman_visit",
        participants=[users["chairman"], users["legal_officer"]],
        programme="10:00 Кездесу\n12:00 Меморандумға қол қою",
        talking_points=points,
    )
    services.event_material_add(actor=officer, event=visit, title="Анықтама", executor=officer, due_on=visit.starts_on)
    card = client_for("ir_officer").get(reverse("international:event-card", args=[visit.pk]))
    assert card.status_code == 200 and card.context["department_parts"]
    page = card.content.decode()
    assert "Меморандумға қол қою" in page and points.get_absolute_url() in page and "Анықтама" in page
    # The participant from another subdivision reads the card, not the department's records.
    outsider = client_for("legal_officer").get(reverse("international:event-card", args=[visit.pk]))
    assert outsider.status_code == 200 and not outsider.context["department_parts"]
    assert points.get_absolute_url() not in outsider.content.decode() and "Анықтама" not in outsider.content.decode()
    # No card for an event without the leadership.
    seminar = event(officer, participants=[users["ir_head"]])
    assert client_for("ir_officer").get(reverse("international:event-card", args=[seminar.pk])).status_code == 404


def test_a_move_made_on_the_page_keeps_what_was_typed_when_refused(users, client_for):
    planned = event(users["ir_officer"])
    url = reverse("international:event-move", args=[planned.pk, "cancel"])
    client = client_for("ir_officer")
    refused = client.post(url, {"reason": " "})
    assert refused.status_code == 200
    (form,) = [move_form for move, move_form in refused.context["moves"] if move.name == "cancel"]
    assert form.has_error("reason")
    assert 'id="move-cancel"' in refused.content.decode()
    assert client.post(url, {"reason": "Ұйымдастырушы кейінге қалдырды"}).status_code == 302
    planned.refresh_from_db()
    assert planned.status == Event.Status.CANCELLED
