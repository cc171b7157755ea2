"""Deadline kinds. Each department registers its own in AppConfig.ready()."""

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class DeadlineKind:
    code: str  # "isd.appeal"
    department: str
    label: str | Promise
    legal_basis: str | Promise  # "АППК art. 76: 15 working days"
    working_days: int | None = None  # the term in working days ...
    months: int | None = None  # ... or in calendar months
    remind_before: tuple[int, ...] = (3, 1)  # working days before the due date
    remind_on_the_day: bool = True
    remind_while_overdue: bool = True  # every working day
    escalate_when_overdue: bool = True  # to the department's head (its signer), never outside it
    # ... or to the deputy supervising this line of work (IR 13), the head when there is none.
    escalation_line: str | None = None
    extension_cap_months: int | None = None  # counted from the start
    extension_notice_working_days: int | None = None  # a notice to the applicant within N days
    # The record's field that keeps its running term's due date (empty once the term stops
    # running): its list's "overdue only" then reads an index of the record's own table.
    kept_on: str | None = None


KINDS: dict[str, DeadlineKind] = {}


def register_deadline_kind(kind: DeadlineKind) -> None:
    KINDS[kind.code] = kind


def get_deadline_kind(code: str) -> DeadlineKind:
    return KINDS[code]
