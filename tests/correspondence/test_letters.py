"""The incoming letter's life (issue 20, item 1) and each refusal next to its rule: the
resolution (IR 11, ISD 9), the report of the lead executor, the return and the taking off
control by the one who gave the resolution, and the numbering of each department's journal."""

from datetime import date, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from courtadmin.audit.models import AuditEvent
from courtadmin.correspondence.models import IncomingLetter
from courtadmin.correspondence.selectors import letters_visible_to
from courtadmin.correspondence.workflow import letter_move, moves_open_to
from courtadmin.deadlines.calendar import ALMATY, WorkingCalendar
from courtadmin.deadlines.models import Deadline
from courtadmin.deadlines.selectors import running_term
from courtadmin.org.models import ActingAppointment
from tests.conftest import TODAY, refusal_codes

from .conftest import register, resolve, signed_answer

S = IncomingLetter.Status


def test_the_whole_life_of_a_letter_from_a_foreign_court_ir_11(people, users, signing_keys):
    """GIVEN a letter in English from a foreign court through the diplomatic channel
    WHEN the IR head gives it to two IR officers with a lead (IR 11), the lead reports with a
    signed answer and the head takes it off control
    THEN every step is recorded, the term ran for the lead and is met."""
    officer, head, deputy = users["ir_officer"], users["ir_head"], users["ir_deputy_protocol"]
    letter = register(officer)
    assert (letter.status, letter.language, letter.registration_number) == (S.REGISTERED, "en", f"ВХ-1/{TODAY.year}")

    resolve(letter, head, [officer, deputy], lead=officer, working_days=5)
    assert letter.status == S.ON_EXECUTION
    term = running_term(letter, "ir.letter")
    assert term.responsible == officer
    assert term.due_on == WorkingCalendar().add_working_days(timezone.localdate(), 5) == letter.resolution.due_on
    assert "IR 11" in term.legal_basis
    assert {(e.user.username, e.is_lead) for e in letter.executors.all()} == {
        ("ir_officer", True),
        (deputy.username, False),
    }

    answer = signed_answer(officer, head)
    letter_move(letter=letter, move="report", actor=officer, report="Ответ подписан и отправлен", answer=answer)
    assert (letter.status, letter.answer, letter.reported_by) == (S.EXECUTED, answer, officer)

    letter_move(letter=letter, move="close", actor=head)
    assert letter.status == S.CLOSED and letter.term_kept is True and letter.closed_by == head
    term.refresh_from_db()
    assert term.state == Deadline.State.MET
    actions = list(
        AuditEvent.objects.filter(object_type="correspondence.incomingletter", object_id=str(letter.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "correspondence.letter.registered",
        "correspondence.letter.resolve",
        "correspondence.letter.report",
        "correspondence.letter.close",
    ]


def test_a_letter_reported_after_its_term_is_closed_as_late(people, users):
    officer, head = users["ir_officer"], users["ir_head"]
    letter = register(officer)
    resolve(letter, head, [officer], working_days=1)
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=ALMATY)):
        letter_move(letter=letter, move="report", actor=officer, report="Сделано")
        letter_move(letter=letter, move="close", actor=head)
    assert letter.term_kept is False
    assert running_term(letter) is None
    assert Deadline.objects.get(kind="ir.letter").state == Deadline.State.MISSED


def test_a_non_head_cannot_resolve_ir_11(people, users):
    """IR 11: the head (or whoever replaces him) or the leadership gives the resolution; not
    an officer, nor a deputy who does not replace him."""
    letter = register(users["ir_officer"])
    for username in ("ir_officer", "ir_deputy_protocol", "isd_head"):
        assert refusal_codes(resolve, letter=letter, giver=users[username], executors=[users["ir_officer"]]) == {
            "not_yours"
        }
    assert letter.status == S.REGISTERED


def test_the_leadership_and_the_acting_head_resolve(people, users):
    """The CA deputy resolves an IR letter; the deputy acting for the absent IR head too
    (IR 11: while the head is absent a deputy leads)."""
    officer = users["ir_officer"]
    first = register(officer)
    resolve(first, users["ca_deputy"], [officer])
    assert first.status == S.ON_EXECUTION
    ActingAppointment.objects.create(
        replaced=people["ir_head"],
        acting=people["ir_deputy_protocol"],
        start=date(2026, 11, 23),
        end=date(2026, 11, 30),
        order_number="5-к",
        order_date=date(2026, 11, 20),
    )
    second = register(officer)
    resolve(second, users["ir_deputy_protocol"], [officer])
    assert second.status == S.ON_EXECUTION


def test_the_ca_deputy_cannot_resolve_an_isd_letter_isd_7(people, users):
    letter = register(users["isd_officer"], department="ISD")
    assert refusal_codes(resolve, letter=letter, giver=users["ca_deputy"], executors=[users["isd_officer"]]) == {
        "not_yours"
    }
    resolve(letter, users["chairman"], [users["isd_officer"]])
    assert letter.status == S.ON_EXECUTION


def test_a_resolution_names_the_departments_own_staff_and_a_lead_among_them_isd_7(people, users):
    letter = register(users["isd_officer"], department="ISD")
    head = users["isd_head"]
    codes = refusal_codes(resolve, letter=letter, giver=head, executors=[users["ir_officer"]])
    assert codes == {"outside"}
    codes = refusal_codes(
        resolve, letter=letter, giver=head, executors=[users["isd_officer"]], lead=users["isd_officer2"]
    )
    assert codes == {"lead_not_executor"}
    codes = refusal_codes(
        resolve, letter=letter, giver=head, executors=[users["isd_officer"]], working_days=0, text=" "
    )
    assert codes == {"term", "required"}
    assert letter.status == S.REGISTERED and not Deadline.objects.exists()


def test_a_non_lead_cannot_report(people, users):
    officer, deputy, head = users["ir_officer"], users["ir_deputy_protocol"], users["ir_head"]
    letter = register(officer)
    resolve(letter, head, [officer, deputy], lead=officer)
    for username in ("ir_deputy_protocol", "ir_head"):
        assert refusal_codes(letter_move, letter=letter, move="report", actor=users[username], report="x") == {
            "not_yours"
        }
    assert refusal_codes(letter_move, letter=letter, move="report", actor=officer, report=" ") == {"required"}
    assert [move.name for move in moves_open_to(letter, officer)] == ["report"]
    assert moves_open_to(letter, deputy) == []


def test_an_answer_of_another_department_is_refused(people, users, signing_keys):
    officer, head = users["ir_officer"], users["ir_head"]
    letter = register(officer)
    resolve(letter, head, [officer])
    isd_answer = signed_answer(users["isd_officer"], users["isd_head"], kind="isd.memo_to_subdivision")
    codes = refusal_codes(letter_move, letter=letter, move="report", actor=officer, report="x", answer=isd_answer)
    assert codes == {"answer_unreadable"}


def test_only_the_giver_returns_or_closes(people, users):
    officer, head = users["ir_officer"], users["ir_head"]
    letter = register(officer)
    resolve(letter, users["ca_head"], [officer])
    letter_move(letter=letter, move="report", actor=officer, report="Сделано")
    for move in ("close", "return"):
        assert refusal_codes(letter_move, letter=letter, move=move, actor=head, reason="x") == {"not_yours"}
        assert refusal_codes(letter_move, letter=letter, move=move, actor=officer, reason="x") == {"not_yours"}
    assert refusal_codes(letter_move, letter=letter, move="return", actor=users["ca_head"], reason="") == {"required"}
    letter_move(letter=letter, move="return", actor=users["ca_head"], reason="Уточнить сроки")
    assert letter.status == S.ON_EXECUTION and letter.return_reason == "Уточнить сроки"
    assert running_term(letter, "ir.letter") is not None
    letter_move(letter=letter, move="report", actor=officer, report="Уточнено")
    letter_move(letter=letter, move="close", actor=users["ca_head"])
    assert letter.status == S.CLOSED


def test_the_giver_extends_the_term_on_a_reasoned_decision_ir_11(people, users):
    """The one who set the term extends it: the term and the resolution move to the new date,
    the extension is on the record, and the report by that date is on time. The lead
    executor and the head who gave nothing cannot; a decision and a later date are required."""
    officer, head = users["ir_officer"], users["ir_head"]
    letter = register(officer)
    resolve(letter, head, [officer], working_days=1)
    due = letter.resolution.due_on
    later = date(2026, 12, 15)
    for actor in (officer, users["ir_deputy_legal"]):
        assert refusal_codes(letter_move, letter=letter, move="extend", actor=actor, to=later, decision="x") == {
            "not_yours"
        }
    assert refusal_codes(letter_move, letter=letter, move="extend", actor=head, to=None, decision="x") == {"required"}
    assert refusal_codes(letter_move, letter=letter, move="extend", actor=head, to=later, decision=" ") == {"required"}
    assert refusal_codes(letter_move, letter=letter, move="extend", actor=head, to=due, decision="Ждём ответа МИД") == {
        "not_later"
    }
    letter_move(letter=letter, move="extend", actor=head, to=later, decision="Ждём ответа МИД")
    letter.refresh_from_db()
    term = running_term(letter, "ir.letter")
    assert letter.status == S.ON_EXECUTION and letter.resolution.due_on == later
    assert (term.due_on, term.state, term.extension_decision) == (later, Deadline.State.EXTENDED, "Ждём ответа МИД")
    event = AuditEvent.objects.filter(action="correspondence.letter.extend").get()
    assert event.after["due_on"] == "2026-12-15" and event.actor == head
    # Reported after the first date but by the new one: on time.
    with time_machine.travel(datetime(2026, 12, 10, 10, 0, tzinfo=ALMATY)):
        letter_move(letter=letter, move="report", actor=officer, report="Сделано")
        letter_move(letter=letter, move="close", actor=head)
    assert letter.term_kept is True
    # Once executed, the term is no longer extended.
    assert refusal_codes(
        letter_move, letter=letter, move="extend", actor=head, to=date(2026, 12, 30), decision="x"
    ) == {"forbidden_move"}


def test_the_giver_suspends_the_term_and_resumes_it_with_the_days_it_stood_still_ir_11(people, users):
    """While an answer is awaited from elsewhere the term stands still: suspended by the one
    who set it, with a reason; resumed, the working days it stood still are added to it. The
    moves on the term are open only while it stands so."""
    officer, head = users["ir_officer"], users["ir_head"]
    letter = register(officer)
    resolve(letter, head, [officer], working_days=2)
    due = letter.resolution.due_on
    assert refusal_codes(letter_move, letter=letter, move="suspend", actor=officer, reason="x") == {"not_yours"}
    assert refusal_codes(letter_move, letter=letter, move="suspend", actor=head, reason=" ") == {"required"}
    assert refusal_codes(letter_move, letter=letter, move="resume", actor=head) == {"forbidden_move"}
    letter_move(letter=letter, move="suspend", actor=head, reason="Ждём ответа суда")
    assert running_term(letter, "ir.letter").state == Deadline.State.SUSPENDED
    assert {move.name for move in moves_open_to(letter, head)} == {"resume"}
    assert refusal_codes(
        letter_move, letter=letter, move="extend", actor=head, to=date(2026, 12, 30), decision="x"
    ) == {"forbidden_move"}
    # Tuesday 24.11 to Friday 27.11: three working days stood still.
    with time_machine.travel(datetime(2026, 11, 27, 10, 0, tzinfo=ALMATY)):
        letter_move(letter=letter, move="resume", actor=head)
    letter.refresh_from_db()
    term = running_term(letter, "ir.letter")
    expected = WorkingCalendar().add_working_days(due, 3)
    assert term.state == Deadline.State.OPEN and term.due_on == letter.resolution.due_on == expected
    assert {move.name for move in moves_open_to(letter, head)} == {"extend", "suspend"}
    actions = set(AuditEvent.objects.filter(object_id=str(letter.pk)).values_list("action", flat=True))
    assert {"correspondence.letter.suspend", "correspondence.letter.resume"} <= actions


def test_a_move_out_of_turn_is_refused(people, users):
    letter = register(users["ir_officer"])
    assert refusal_codes(letter_move, letter=letter, move="close", actor=users["ir_head"]) == {"forbidden_move"}


def test_registration_is_for_the_departments_own_staff(people, users):
    for username, department in (("ir_officer", "ISD"), ("isd_officer", "IR"), ("chairman", "IR"), ("sysadmin", "IR")):
        with pytest.raises(PermissionDenied):
            register(users[username], department=department)


def test_numbers_run_per_department_and_year_without_a_gap(people, users):
    """GIVEN letters of both departments registered across the new year
    THEN each department's journal counts from 1 each year, with no gap and no share."""
    ir, isd = users["ir_officer"], users["isd_officer"]
    with time_machine.travel(datetime(2026, 12, 31, 17, 0, tzinfo=ALMATY), tick=False):
        numbers = [register(ir).registration_number, register(isd, department="ISD").registration_number]
        numbers.append(register(ir).registration_number)
    with time_machine.travel(datetime(2027, 1, 5, 9, 0, tzinfo=ALMATY), tick=False):
        numbers += [
            register(isd, department="ISD").registration_number,
            register(ir).registration_number,
            register(ir, received_on=date(2026, 12, 31)).registration_number,
        ]
    assert numbers == ["ВХ-1/2026", "ВХ-1/2026", "ВХ-2/2026", "ВХ-1/2027", "ВХ-1/2027", "ВХ-2/2027"]
    by_department = {
        code: list(
            IncomingLetter.objects.filter(department=code).order_by("year", "number").values_list("year", "number")
        )
        for code in ("IR", "ISD")
    }
    assert by_department == {"IR": [(2026, 1), (2026, 2), (2027, 1), (2027, 2)], "ISD": [(2026, 1), (2027, 1)]}


def test_a_refused_registration_takes_no_number(people, users):
    officer = users["ir_officer"]
    assert refusal_codes(register, registrar=officer, received_on=date(2026, 12, 25)) == {"future"}
    assert refusal_codes(register, registrar=officer, subject="") == {"blank"}
    assert register(officer).number == 1


# --- Reach (ISD 7: need-to-know) ----------------------------------------------------------------


def _visible(user) -> set[int]:
    return set(letters_visible_to(user).values_list("pk", flat=True))


def test_an_isd_officer_sees_only_the_letters_given_to_him_isd_7(people, users):
    registered_by_2 = register(users["isd_officer2"], department="ISD")
    given = register(users["isd_officer2"], department="ISD")
    resolve(given, users["isd_head"], [users["isd_officer"]])
    assert _visible(users["isd_officer"]) == {given.pk}
    assert _visible(users["isd_officer2"]) == {given.pk, registered_by_2.pk}
    assert _visible(users["isd_almaty"]) == set()
    for username in ("isd_head", "isd_deputy", "chairman", "ca_head"):
        assert _visible(users[username]) == {given.pk, registered_by_2.pk}, username


def test_the_departments_do_not_see_each_others_letters(people, users):
    ir_letter = register(users["ir_officer"])
    isd_letter = register(users["isd_officer"], department="ISD")
    for username in ("ir_officer", "ir_head", "ir_deputy_legal", "ca_deputy"):
        assert _visible(users[username]) == {ir_letter.pk}, username
    for username in ("isd_officer", "isd_head"):
        assert _visible(users[username]) == {isd_letter.pk}, username
    for username in ("hr_keeper", "sysadmin"):
        assert _visible(users[username]) == set()


def test_an_official_use_letter_is_hidden_from_ordinary_staff(people, users):
    """A letter marked for official use: the head and deputies, the leadership, the
    registrar, the giver and the executors; not the department's other staff."""
    from django.contrib.auth import get_user_model

    from courtadmin.org.models import Person, Position

    registrar = users["ir_officer"]
    unit = people["ir_officer"].position.unit
    colleague = Person.objects.create(
        full_name="Ирина Колледжева",
        position=Position.objects.create(code="ir-officer-9", title="Маман", unit=unit, kind=Position.Kind.STAFF),
        user=get_user_model().objects.create_user(username="ir_colleague", password="a-long-enough-password"),
    )
    letter = register(registrar, marking=IncomingLetter.Marking.OFFICIAL_USE)
    assert letter.pk not in _visible(colleague.user)
    for username in ("ir_officer", "ir_head", "ir_deputy_legal", "ir_deputy_protocol", "chairman", "ca_deputy"):
        assert letter.pk in _visible(users[username]), username
    resolve(letter, users["ir_head"], [colleague.user])
    assert letter.pk in _visible(colleague.user)


def test_each_move_is_news_to_those_it_concerns(people, users):
    """The executors hear of the resolution, return and taking off control; the giver of the
    report; never the actor of his own move, and only those who may open the letter."""
    from tests.documents.test_move_news import deliver_news, news_of

    officer, deputy, head = users["ir_officer"], users["ir_deputy_protocol"], users["ir_head"]
    letter = register(officer)
    resolve(letter, head, [officer, deputy], lead=officer)
    assert deliver_news() == 1
    assert len(news_of(officer)) == 1 and len(news_of(deputy)) == 1 and news_of(head) == []
    letter_move(letter=letter, move="report", actor=officer, report="Готово")
    deliver_news()
    assert len(news_of(head)) == 1 and len(news_of(officer)) == 1
    assert letter.registration_number in news_of(head)[0]


def test_the_demo_holds_letters_of_both_departments_in_each_state_once(db, settings):
    import io

    from django.core.management import call_command

    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())
    first = sorted(IncomingLetter.objects.values_list("department", "registration_number", "status"))
    call_command("load_demo", stdout=io.StringIO())
    assert sorted(IncomingLetter.objects.values_list("department", "registration_number", "status")) == first
    assert {(department, status) for department, _number, status in first} >= {
        ("IR", S.REGISTERED),
        ("IR", S.ON_EXECUTION),
        ("IR", S.CLOSED),
        ("ISD", S.REGISTERED),
        ("ISD", S.ON_EXECUTION),
    }
