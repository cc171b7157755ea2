"""The instruction's life (issue 20, item 3) and each refusal next to its rule: given by the
leadership (IR 11, ISD 7) or a department's head (IR 11, ISD 9), split by an executor to those
below him, binding on territorial ISD units with their report (ISD 5.12), interim and final
reports, acceptance or return by the one who gave it, the department's register per year."""

from datetime import date, datetime

import time_machine
from django.utils import timezone

from courtadmin.audit.models import AuditEvent
from courtadmin.core.models import Job
from courtadmin.core.workflow import NEWS_JOB
from courtadmin.deadlines.calendar import ALMATY, WorkingCalendar
from courtadmin.deadlines.models import Deadline, Reminder
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import reminders_scan
from courtadmin.instructions.models import Instruction, InstructionFile
from courtadmin.instructions.workflow import instruction_move, moves_open_to
from courtadmin.org.models import ActingAppointment
from tests.conftest import TODAY, refusal_codes

from .conftest import accept, give, interim, pdf, report, split

S = Instruction.Status


def _news_to(instruction, move) -> set[int]:
    jobs = Job.objects.filter(kind=NEWS_JOB, payload__record_id=instruction.pk, payload__move=move)
    return {pk for job in jobs for pk in job.payload["recipients"]}


def test_the_ca_heads_instruction_split_by_the_isd_head_to_a_territorial_unit_reported_and_accepted_isd_5_12(
    people, users
):
    """GIVEN the Head of the Court Administration's instruction to the ISD (ISD 7), led by the
    ISD head with his deputy
    WHEN the ISD head splits it to the Almaty territorial ISD unit (ISD 5.12, ISD 9), the unit
    sends an interim report with a file and the final one, the ISD head accepts it, reports
    to the CA head in turn, and the CA head accepts
    THEN both terms are met, each move is audited and announced to those it concerns, and the
    register numbers both in the ISD's register of the year."""
    ca_head, isd_head, deputy, almaty = users["ca_head"], users["isd_head"], users["isd_deputy"], users["isd_almaty"]
    parent = give(ca_head, [isd_head, deputy], department="ISD", working_days=10, text="Проанализировать работу")
    assert (parent.status, parent.registration_number, parent.department) == (
        S.ON_EXECUTION,
        f"П-1/{TODAY.year}",
        "ISD",
    )
    assert parent.due_on == WorkingCalendar().add_working_days(timezone.localdate(), 10)
    term = running_term(parent, "isd.instruction")
    assert term.responsible == isd_head and term.due_on == parent.due_on and "ISD 5.12" in term.legal_basis
    assert _news_to(parent, "give") == {isd_head.pk, deputy.pk}

    child = split(isd_head, parent, [almaty], working_days=5)
    assert (child.parent, child.registration_number, child.department) == (parent, f"П-2/{TODAY.year}", "ISD")
    assert running_term(child, "isd.instruction").responsible == almaty
    assert _news_to(child, "give") == {almaty.pk}

    interim(child, almaty, text="Собраны сведения по 12 судам", files=[pdf("interim.pdf")])
    report(child, almaty, text="Отчёт о профилактике", files=[pdf("final.pdf")])
    assert child.status == S.REPORTED and child.reported_on == timezone.localdate()
    assert _news_to(child, "report") == {isd_head.pk}
    assert InstructionFile.objects.filter(report__instruction=child).count() == 2
    accept(child, isd_head)
    assert (child.status, child.term_kept, child.accepted_by) == (S.ACCEPTED, True, isd_head)

    report(parent, isd_head, text="Анализ проведён")
    accept(parent, ca_head)
    assert parent.status == S.ACCEPTED and parent.term_kept is True
    assert set(Deadline.objects.values_list("state", flat=True)) == {Deadline.State.MET}
    actions = list(
        AuditEvent.objects.filter(object_type="instructions.instruction", object_id=str(child.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "instructions.instruction.give",
        "instructions.instruction.report_added",
        "instructions.instruction.report",
        "instructions.instruction.accept",
    ]


def test_a_ca_deputy_cannot_give_an_instruction_to_the_isd_isd_7(people, users):
    """ISD 7: the ISD takes instructions from the Chairman and the Head alone; the CA deputy
    instructs the IR."""
    refused = refusal_codes(give, giver=users["ca_deputy"], executors=[users["isd_head"]], department="ISD")
    assert refused == {"not_reporting"}
    assert not Instruction.objects.exists()
    assert give(users["ca_deputy"], [users["ir_head"]]).status == S.ON_EXECUTION
    assert give(users["chairman"], [users["isd_head"]], department="ISD").status == S.ON_EXECUTION


def test_only_the_head_or_whoever_replaces_him_gives_to_staff_ir_11(people, users):
    """IR 11: an officer, a deputy who does not replace the head, another department's head
    give no instruction to the IR; the deputy acting for the absent head does."""
    officer = users["ir_officer"]
    for username in ("ir_officer", "ir_deputy_protocol", "isd_head", "legal_officer", "court_almaty", "sysadmin"):
        assert refusal_codes(give, giver=users[username], executors=[officer]) <= {"not_giver", "not_reporting"}, (
            username
        )
    ActingAppointment.objects.create(
        replaced=people["ir_head"],
        acting=people["ir_deputy_protocol"],
        start=date(2026, 11, 23),
        end=date(2026, 11, 30),
        order_number="5-к",
        order_date=date(2026, 11, 20),
    )
    assert give(users["ir_deputy_protocol"], [officer]).status == S.ON_EXECUTION


def test_the_isd_head_names_territorial_isd_staff_the_ir_head_only_his_own_isd_5_12(people, users):
    """ISD 5.12, ISD 9: the ISD head's instructions bind the territorial ISD units; nobody
    names someone outside his department's staff."""
    assert give(users["isd_head"], [users["isd_almaty"]], department="ISD").status == S.ON_EXECUTION
    assert refusal_codes(give, giver=users["ir_head"], executors=[users["isd_almaty"]]) == {"outside"}
    assert refusal_codes(give, giver=users["isd_head"], executors=[users["legal_officer"]], department="ISD") == {
        "outside"
    }
    assert refusal_codes(
        give, giver=users["ir_head"], executors=[users["ir_officer"]], lead=users["ir_deputy_legal"]
    ) == {"lead_not_executor"}


def test_a_childs_term_is_never_later_than_its_parents_isd_9(people, users):
    parent = give(users["ca_head"], [users["isd_head"]], department="ISD", working_days=5)
    later = refusal_codes(
        split, giver=users["isd_head"], parent=parent, executors=[users["isd_almaty"]], working_days=6
    )
    assert later == {"after_parent_term"}
    by_date = refusal_codes(
        split,
        giver=users["isd_head"],
        parent=parent,
        executors=[users["isd_almaty"]],
        working_days=None,
        due_on=date(2027, 1, 29),
    )
    assert by_date == {"after_parent_term"}
    assert (
        split(users["isd_head"], parent, [users["isd_almaty"]], working_days=None, due_on=parent.due_on).parent
        == parent
    )


def test_only_an_executor_who_stands_above_someone_splits_ir_11(people, users):
    """An instruction is split by its executor to those below him: not by someone else, not by
    an officer with nobody below him; an IR deputy splits to the IR's staff (IR 11)."""
    parent = give(users["chairman"], [users["ir_deputy_legal"], users["ir_officer"]])
    assert refusal_codes(split, giver=users["ir_head"], parent=parent, executors=[users["ir_officer"]]) == {
        "not_executor"
    }
    assert refusal_codes(split, giver=users["ir_officer"], parent=parent, executors=[users["ir_officer"]]) == {
        "nobody_below"
    }
    child = split(users["ir_deputy_legal"], parent, [users["ir_officer"]])
    assert child.parent == parent
    assert refusal_codes(
        split, giver=users["ir_deputy_legal"], parent=parent, executors=[users["ir_deputy_protocol"]]
    ) == {"outside"}


def test_an_officer_cannot_accept_his_own_report_isd_9(people, users):
    officer = users["isd_officer"]
    instruction = give(users["isd_head"], [officer, users["isd_officer2"]], department="ISD")
    assert refusal_codes(report, instruction=instruction, author=users["isd_officer2"]) == {"not_yours"}
    report(instruction, officer)
    assert [move.name for move in moves_open_to(instruction, officer)] == []
    assert refusal_codes(accept, instruction=instruction, giver=officer) == {"not_yours"}
    assert refusal_codes(accept, instruction=instruction, giver=users["isd_deputy"]) == {"not_yours"}
    assert {move.name for move in moves_open_to(instruction, users["isd_head"])} == {"accept", "return"}
    assert instruction.status == S.REPORTED


def test_returned_with_a_reason_reported_again_and_accepted_late_ir_11(people, users):
    """The one who gave it returns it with a reason; the term runs on; the final report after
    the due date closes it as late, by the day of that report."""
    head, officer = users["ir_head"], users["ir_officer"]
    instruction = give(head, [officer], working_days=1)
    report(instruction, officer)
    assert refusal_codes(instruction_move, instruction=instruction, move="return", actor=head, reason=" ") == {
        "required"
    }
    instruction_move(instruction=instruction, move="return", actor=head, reason="Приложите расчёты")
    assert (instruction.status, instruction.reported_on, instruction.return_reason) == (
        S.RETURNED,
        None,
        "Приложите расчёты",
    )
    assert running_term(instruction, "ir.instruction") is not None
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=ALMATY)):
        report(instruction, officer, text="С расчётами")
    with time_machine.travel(datetime(2026, 12, 3, 10, 0, tzinfo=ALMATY)):
        accept(instruction, head)
    assert instruction.term_kept is False and instruction.reported_on == date(2026, 12, 2)
    assert Deadline.objects.get(kind="ir.instruction").state == Deadline.State.MISSED


def test_the_register_numbers_each_department_per_year(people, users):
    first = give(users["ir_head"], [users["ir_officer"]])
    isd = give(users["isd_head"], [users["isd_officer"]], department="ISD")
    second = give(users["ir_head"], [users["ir_officer"]])
    assert [first.number, isd.number, second.number] == [1, 1, 2]
    with time_machine.travel(datetime(2027, 1, 5, 10, 0, tzinfo=ALMATY)):
        next_year = give(users["ir_head"], [users["ir_officer"]])
    assert next_year.registration_number == "П-1/2027"


def test_a_term_is_a_due_date_or_working_days_not_both_nor_past(people, users):
    head, officer = users["ir_head"], users["ir_officer"]
    assert refusal_codes(give, giver=head, executors=[officer], working_days=None) == {"required"}
    assert refusal_codes(give, giver=head, executors=[officer], due_on=date(2026, 12, 1)) == {"term_twice"}
    assert refusal_codes(give, giver=head, executors=[officer], working_days=None, due_on=date(2026, 11, 23)) == {
        "past"
    }
    assert give(head, [officer], working_days=None, due_on=date(2026, 11, 24)).due_on == date(2026, 11, 24)


def test_an_interim_report_is_for_the_executors_and_its_files_are_checked(people, users):
    from django.core.exceptions import PermissionDenied
    from django.core.files.uploadedfile import SimpleUploadedFile

    instruction = give(users["ir_head"], [users["ir_officer"], users["ir_deputy_protocol"]])
    interim(instruction, users["ir_deputy_protocol"])
    try:
        interim(instruction, users["ir_head"])
    except PermissionDenied:
        pass
    else:
        raise AssertionError("the giver is not an executor")
    bomb = SimpleUploadedFile("x.pdf", b"MZ\x90")
    assert refusal_codes(interim, instruction=instruction, author=users["ir_officer"], files=[bomb])
    assert instruction.reports.count() == 1


def test_a_units_instruction_reported_late_is_escalated_to_the_isd_head_and_closed_late_isd_5_12(people, users):
    """GIVEN the ISD head's binding instruction to the Almaty territorial ISD unit (ISD 5.12,
    ISD 9), due in two working days
    WHEN its term passes without the unit's report
    THEN the next working day's scan reminds the unit and escalates to the ISD head, and to
    nobody outside the ISD (ISD 7); the unit's report that follows is accepted as late, its
    term missed; the day before, nothing was escalated."""
    isd_head, almaty = users["isd_head"], users["isd_almaty"]
    instruction = give(isd_head, [almaty], department="ISD", working_days=2)
    calendar = WorkingCalendar()
    overdue_day = calendar.add_working_days(instruction.due_on, 1)

    reminders_scan(instruction.due_on)
    assert not Reminder.objects.filter(key__startswith="escalation:").exists()
    reminders_scan(overdue_day)
    escalated = Reminder.objects.filter(key__startswith="escalation:")
    assert set(escalated.values_list("recipient", flat=True)) == {isd_head.pk}
    assert Reminder.objects.filter(recipient=almaty, key__startswith="overdue:").exists()

    with time_machine.travel(datetime.combine(overdue_day, datetime.min.time(), ALMATY).replace(hour=10)):
        report(instruction, almaty, text="Есеп кешіктіріліп жіберілді")
        accept(instruction, isd_head)
    assert (instruction.status, instruction.term_kept, instruction.reported_on) == (S.ACCEPTED, False, overdue_day)
    assert Deadline.objects.get(kind="isd.instruction").state == Deadline.State.MISSED


def test_an_isd_instruction_names_a_function_of_isd_6_and_no_other_isd_14(people, users):
    """ISD 14: ISD staff are given no function the regulation does not provide: an instruction
    to the ISD names the function of ISD 6 it serves; the IR's name none."""
    head, officer = users["isd_head"], users["isd_officer"]
    assert refusal_codes(give, giver=head, executors=[officer], department="ISD", function="") == {"required"}
    assert refusal_codes(give, giver=head, executors=[officer], department="ISD", function="7.1") == {
        "outside_functions"
    }
    assert not Instruction.objects.exists()
    assert give(head, [officer], department="ISD", function="6.13").function == "6.13"
    assert give(users["ir_head"], [users["ir_officer"]], function="6.13").function == ""
