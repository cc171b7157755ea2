"""Demo instructions: a lived-in register of both departments, brought to each state through
the real giving and moves; idempotent by department and text.

- The Head of the Court Administration instructs the ISD; the ISD head splits it to the
  Almaty territorial ISD unit (ISD 5.12), which reports in the interim and finally; each
  giver accepts.
- The Chairman instructs the IR (IR 11): on execution with the IR head.
- The IR head instructs an IR officer: overdue (its dates set back, as if given weeks ago).
- The ISD head instructs an ISD officer, who reports; the head returns it with a reason.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from courtadmin.deadlines.calendar import WorkingCalendar
from courtadmin.deadlines.models import Deadline

from .models import Instruction
from .services import instruction_give, instruction_report_add
from .workflow import instruction_move

CA_TO_ISD = (
    "Проанализировать работу территориальных подразделений внутренней безопасности по профилактике "
    "коррупции в судах за 9 месяцев и представить предложения."
)
ISD_TO_ALMATY = "Представить отчёт о профилактике коррупции в судах города Алматы за 9 месяцев (п. 5.12 Положения)."
CHAIRMAN_TO_IR = "Подготовить предложения о сотрудничестве с Верховным Судом Республики Корея на 2027 год."
IR_OVERDUE = "Подготовить справку о ходе исполнения рекомендаций ЕКЭП (CEPEJ)."
ISD_RETURNED = "Проверить соблюдение пропускного режима в здании Верховного Суда и доложить."


def _set_back(instruction: Instruction, working_days: int) -> None:
    """Demo only: date an instruction as if given weeks ago, its due date `working_days`
    working days before today (its term and the instruction alike; no status is touched)."""
    calendar = WorkingCalendar()
    today = timezone.localdate()
    due, counted = today, 0
    while counted < working_days:
        due -= timedelta(days=1)
        counted += calendar.is_working_day(due)
    given_at = timezone.now() - timedelta(days=28)
    Instruction.objects.filter(pk=instruction.pk).update(given_at=given_at, due_on=due)
    Deadline.objects.filter(
        record_type=ContentType.objects.get_for_model(Instruction), record_id=str(instruction.pk)
    ).update(started_on=timezone.localdate(given_at), due_on=due, original_due_on=due)


def load_demo_instructions(people) -> str:
    users = {username: person.user for username, person in people.items()}
    if Instruction.objects.filter(text=CA_TO_ISD).exists():
        return "Instructions: already in the demo."
    head_isd, almaty = users["isd_head"], users["isd_almaty"]
    # The CA head to the ISD, split by the ISD head to the Almaty unit, reported and accepted.
    parent = instruction_give(
        actor=users["ca_head"],
        department="ISD",
        text=CA_TO_ISD,
        executors=[head_isd, users["isd_deputy"]],
        lead=head_isd,
        working_days=20,
        function="6.18",  # ISD 14: the coordination of the territorial units on anti-corruption
    )
    child = instruction_give(
        actor=head_isd, parent=parent, text=ISD_TO_ALMATY, executors=[almaty], lead=almaty, working_days=10
    )
    instruction_report_add(actor=almaty, instruction=child, text="Промежуточно: собраны сведения по 12 судам.")
    instruction_move(instruction=child, move="report", actor=almaty, text="Отчёт представлен: нарушений не выявлено.")
    instruction_move(instruction=child, move="accept", actor=head_isd)
    instruction_move(instruction=parent, move="report", actor=head_isd, text="Анализ проведён, предложения направлены.")
    instruction_move(instruction=parent, move="accept", actor=users["ca_head"])
    # The Chairman to the IR, on execution.
    instruction_give(
        actor=users["chairman"],
        department="IR",
        text=CHAIRMAN_TO_IR,
        executors=[users["ir_head"], users["ir_deputy_protocol"]],
        lead=users["ir_head"],
        working_days=15,
    )
    # The IR head to an IR officer, overdue.
    overdue = instruction_give(
        actor=users["ir_head"],
        department="IR",
        text=IR_OVERDUE,
        executors=[users["ir_officer"]],
        lead=users["ir_officer"],
        working_days=5,
    )
    _set_back(overdue, 3)
    # The ISD head to an ISD officer: reported, returned with a reason.
    returned = instruction_give(
        actor=head_isd,
        department="ISD",
        text=ISD_RETURNED,
        executors=[users["isd_officer"]],
        lead=users["isd_officer"],
        working_days=7,
        function="6.6",  # ISD 14: the pass regime
    )
    instruction_move(instruction=returned, move="report", actor=users["isd_officer"], text="Проверено, замечаний нет.")
    instruction_move(
        instruction=returned,
        move="return",
        actor=head_isd,
        reason="Приложите журнал учёта посетителей за месяц.",
    )
    return (
        "Instructions: the CA head's to the ISD split to the Almaty ISD unit and accepted (ISD 5.12), the Chairman's "
        "to the IR, the IR head's overdue with an officer, the ISD head's returned."
    )
