"""Deadlines (issue 5.2): the АППК term of 15 working days, its extension within the
two-month cap with the 3-working-day notice, suspension, closing; history kept."""

from datetime import date
from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from courtadmin.deadlines import services
from courtadmin.deadlines.models import Deadline
from tests.deadlines.conftest import open_appeal


def test_fifteen_working_days_from_a_friday_evening_receipt(complaint, people):
    deadline = open_appeal(complaint, people)
    assert deadline.started_on == date(2026, 11, 23)  # Monday
    # The term counts from the day after (Civil Code art. 187): 24.11 is the first of 15.
    assert deadline.due_on == date(2026, 12, 14)
    assert deadline.legal_basis.startswith("ӘРПК 76-бабы")  # recorded in the state language
    assert list(deadline.events.values_list("action", flat=True)) == ["opened"]


def test_an_extension_within_the_cap_creates_the_notice_to_the_applicant(complaint, people):
    deadline = open_appeal(complaint, people)
    head = people["isd_head"].user
    services.deadline_extend(deadline=deadline, actor=head, to=date(2027, 1, 15), decision="Приказ № 3 о продлении")
    assert deadline.state == Deadline.State.EXTENDED
    assert deadline.due_on == date(2027, 1, 15)
    assert deadline.extended_by == head
    notice = Deadline.objects.get(kind="isd.appeal.extension_notice")
    assert notice.record == complaint
    assert list(deadline.events.values_list("action", flat=True)) == ["opened", "extended"]


@pytest.mark.parametrize(
    ("to", "decision", "code"),
    [
        (date(2027, 1, 24), "Приказ № 3", "beyond_cap"),  # two months from 23.11.2026 end on 23.01.2027
        (date(2026, 12, 10), "Приказ № 3", "not_later"),
        (date(2027, 1, 15), "  ", "required"),
    ],
)
def test_an_extension_refused(complaint, people, to, decision, code):
    deadline = open_appeal(complaint, people)
    with pytest.raises(ValidationError) as refused:
        services.deadline_extend(deadline=deadline, actor=people["isd_head"].user, to=to, decision=decision)
    assert [error.code for errors in refused.value.error_dict.values() for error in errors] == [code]
    deadline.refresh_from_db()
    assert deadline.due_on == date(2026, 12, 14) and deadline.state == Deadline.State.OPEN
    assert not Deadline.objects.filter(kind="isd.appeal.extension_notice").exists()


def test_a_suspension_adds_the_working_days_it_stood_still(complaint, people):
    deadline = open_appeal(complaint, people)
    actor = people["isd_head"].user
    with mock.patch("django.utils.timezone.localdate", return_value=date(2026, 11, 25)):
        services.deadline_suspend(deadline=deadline, actor=actor, reason="Запрос документов")
    assert deadline.state == Deadline.State.SUSPENDED
    with mock.patch("django.utils.timezone.localdate", return_value=date(2026, 11, 30)):
        services.deadline_resume(deadline=deadline, actor=actor)
    assert deadline.state == Deadline.State.OPEN
    assert deadline.due_on == date(2026, 12, 18)  # 14.12 + 3 working days (26, 27, 30 Nov); 16.12 is off
    assert list(deadline.events.values_list("action", flat=True)) == ["opened", "suspended", "resumed"]


def test_closing_on_time_is_met_and_late_is_missed(complaint, people):
    on_time = open_appeal(complaint, people)
    services.deadline_close(deadline=on_time, actor=None, on=date(2026, 12, 14))
    late = open_appeal(complaint, people)  # the next term of the kind, once the last is closed
    services.deadline_close(deadline=late, actor=None, on=date(2026, 12, 17))
    assert (on_time.state, late.state) == (Deadline.State.MET, Deadline.State.MISSED)
    with pytest.raises(ValidationError):
        services.deadline_close(deadline=on_time, actor=None)


def test_a_rogatory_is_executed_within_a_month(complaint, people):
    from datetime import datetime

    from courtadmin.deadlines.calendar import ALMATY

    deadline = services.deadline_open(
        record=complaint,
        kind="ir.rogatory_execution",
        received_at=datetime(2026, 11, 16, 10, 0, tzinfo=ALMATY),
        responsible=people["ir_officer"].user,
    )
    assert deadline.due_on == date(2026, 12, 17)  # 16.12 is Independence Day


def test_a_record_runs_one_term_of_a_kind_at_a_time(complaint, people):
    from datetime import datetime

    from django.db import IntegrityError, transaction

    from courtadmin.deadlines.calendar import ALMATY

    running = open_appeal(complaint, people)
    with pytest.raises(IntegrityError), transaction.atomic():
        open_appeal(complaint, people)
    services.deadline_open(  # another kind runs beside it
        record=complaint,
        kind="ir.rogatory_execution",
        received_at=datetime(2026, 11, 20, 10, 0, tzinfo=ALMATY),
        responsible=running.responsible,
    )
    services.deadline_close(deadline=running, actor=None, on=date(2026, 12, 14))
    assert open_appeal(complaint, people).state == Deadline.State.OPEN
