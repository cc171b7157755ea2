"""Writes of instructions (issue 20, item 3): giving one (of one's own, or split from one
received) in the department's register, and the interim reports of its executors. The moves
after the giving (final report, acceptance, return) are `workflow.instruction_move`. Every
write is keyword-only, in a transaction, validated and audited; reads are in selectors.py.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.registers import next_number
from courtadmin.deadlines.calendar import WorkingCalendar
from courtadmin.deadlines.services import deadline_open
from courtadmin.org import departments

from .models import Instruction, InstructionExecutor, InstructionReport
from .permissions import executor_candidates, may_give, may_split
from .selectors import term_kind
from .workflow import INSTRUCTION_WORKFLOW, MOVES, files_refused, report_files_save

# A term: at least today, at most about a working year ahead.
MAX_WORKING_DAYS = 250

# The register of instructions of each department (core.registers).
REGISTER = "instructions"


def _term_errors(*, due_on, working_days, parent, today: date, calendar: WorkingCalendar) -> tuple[dict, date | None]:
    """The due date from a date or working days from today, within bounds; a child's never
    after its parent's."""
    errors = {}
    if due_on is not None and working_days is not None:
        errors["due_on"] = ValidationError(
            _("Give either the due date or the working days, not both."), code="term_twice"
        )
        return errors, None
    if working_days is not None:
        if not 1 <= working_days <= MAX_WORKING_DAYS:
            errors["working_days"] = ValidationError(
                _("The term is from 1 to %(max)d working days.") % {"max": MAX_WORKING_DAYS}, code="term"
            )
            return errors, None
        due_on = calendar.add_working_days(today, working_days)
    elif due_on is None:
        errors["due_on"] = ValidationError(_("Give the due date or the working days."), code="required")
        return errors, None
    elif due_on < today:
        errors["due_on"] = ValidationError(_("The due date has passed."), code="past")
        return errors, None
    elif due_on > calendar.add_working_days(today, MAX_WORKING_DAYS):
        errors["due_on"] = ValidationError(_("The term is at most about a working year."), code="term")
        return errors, None
    if parent is not None and due_on > parent.due_on:
        field = "working_days" if working_days is not None else "due_on"
        errors[field] = ValidationError(
            _("The term cannot be later than that of the instruction it is split from (%(due)s).")
            % {"due": parent.due_on.strftime("%d.%m.%Y")},
            code="after_parent_term",
        )
    return errors, due_on


def _function_errors(functions: dict, function: str) -> dict:
    """ISD 14: a department whose regulation lists its functions is given an instruction only
    under one of them, named."""
    if not function:
        return {"function": ValidationError(_("Name the function of the department it serves."), code="required")}
    if function not in functions:
        return {
            "function": ValidationError(
                _("The department has no such function: it is given no other work (ISD 14)."),
                code="outside_functions",
            )
        }
    return {}


def instruction_give(
    *,
    actor,
    department: str = "",
    text: str,
    executors,
    lead,
    due_on: date | None = None,
    working_days: int | None = None,
    parent: Instruction | None = None,
    function: str = "",
) -> Instruction:
    """Give an instruction: of one's own to a department (the leadership, IR 11, ISD 7; its
    head or whoever replaces him, IR 11, ISD 9, ISD 5.12), or split from `parent` by one of its
    executors to those below him. Numbered "П-12/2026" in the department's register; the term
    runs for the lead executor and escalates to the department's head when overdue; the
    executors are told (the move "give")."""
    if parent is not None:
        department = parent.department
        giving = may_split(actor, parent)
        refused_field = "parent"
    else:
        giving = may_give(actor, department)
        refused_field = "department"
    if not giving:
        raise ValidationError({refused_field: ValidationError(giving.reason, code=giving.code)})
    errors = {}
    if not (text or "").strip():
        errors["text"] = ValidationError(_("Write the instruction."), code="required")
    rules = departments.department(department)
    functions = dict(rules.functions) if rules is not None else {}
    # A split instruction serves its parent's function unless it names its own; a department
    # that lists no functions has none named.
    function = (function or (parent.function if parent is not None else "")) if functions else ""
    if functions:
        errors.update(_function_errors(functions, function))
    executors = list(executors or ())
    if not executors:
        errors["executors"] = ValidationError(_("Name at least one executor."), code="required")
    else:
        allowed = set(
            executor_candidates(giving).filter(pk__in=[user.pk for user in executors]).values_list("pk", flat=True)
        )
        if any(user.pk not in allowed for user in executors):
            errors["executors"] = ValidationError(
                _("You may name only the people below you in this department."), code="outside"
            )
    if lead is None or lead.pk not in {user.pk for user in executors}:
        errors["lead"] = ValidationError(_("The lead executor is one of the executors."), code="lead_not_executor")
    today = timezone.localdate()
    term_errors, due = _term_errors(
        due_on=due_on, working_days=working_days, parent=parent, today=today, calendar=WorkingCalendar()
    )
    errors.update(term_errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if parent is not None:
            # The parent is read again under its lock: split only while it is on execution.
            parent = Instruction.objects.select_for_update().get(pk=parent.pk)
            if not parent.is_running:
                raise ValidationError(
                    {
                        "parent": ValidationError(
                            _("Only an instruction on execution is split."), code="parent_not_running"
                        )
                    }
                )
        number = next_number(REGISTER, department, today.year)
        instruction = Instruction(
            department=department,
            year=today.year,
            number=number,
            registration_number=f"П-{number}/{today.year}",
            parent=parent,
            given_by=actor,
            text=text,
            function=function,
            working_days=working_days,
            due_on=due,
        )
        instruction.full_clean()
        instruction.save()
        InstructionExecutor.objects.bulk_create(
            InstructionExecutor(instruction=instruction, user=user, is_lead=user.pk == lead.pk) for user in executors
        )
        deadline_open(
            record=instruction,
            kind=term_kind(department),
            received_at=timezone.now(),
            responsible=lead,
            actor=actor,
            due_on=due,
        )
        event = audit_record(
            actor=actor,
            action=f"{INSTRUCTION_WORKFLOW.action_prefix}give",
            obj=instruction,
            after={
                "status": instruction.status,
                "number": instruction.registration_number,
                "clause": giving.clause,
                "parent": parent.pk if parent else None,
                "due_on": due,
                "lead": lead.pk,
                "executors": sorted(user.pk for user in executors),
            },
        )
        INSTRUCTION_WORKFLOW.announce(instruction, MOVES["give"], actor=actor, event=event)
    return instruction


def instruction_report_add(*, actor, instruction: Instruction, text: str, files=()) -> InstructionReport:
    """An interim report of any executor while the instruction is on execution, with files
    checked before anything is written (core.uploads)."""
    if not instruction.executors.filter(user_id=actor.pk).exists():
        raise PermissionDenied
    files = list(files or ())
    errors = {}
    if not instruction.is_running:
        errors["text"] = ValidationError(
            _("Only an instruction on execution takes interim reports."), code="not_running"
        )
    elif not (text or "").strip():
        errors["text"] = ValidationError(_("Write the report."), code="required")
    refused = files_refused(files)
    if refused is not None:
        errors["files"] = refused
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report = InstructionReport.objects.create(instruction=instruction, author=actor, text=text)
        stored = report_files_save(report, files, actor)
        audit_record(
            actor=actor,
            action=f"{INSTRUCTION_WORKFLOW.action_prefix}report_added",
            obj=instruction,
            after={"report": report.pk, "files": [item.pk for item in stored]},
        )
    return report
