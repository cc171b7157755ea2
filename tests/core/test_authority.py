"""The authority rules as a table: each row names the clause it tests (IR 13, ISD 15, ISD 7)."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from courtadmin.org.authority import Capacity, Reach, department_access, signers, signing_authority
from courtadmin.org.models import Absence, ActingAppointment, Department, LineOfWork
from internal_security.permissions import isd_reach
from tests.conftest import TODAY

# Its dates are set around the suite's today, which it states (time-machine).
pytestmark = pytest.mark.time_machine(TODAY)

DAY = date(2026, 11, 23)  # a Monday
LA = LineOfWork.LEGAL_ASSISTANCE


@dataclass(frozen=True)
class Absent:
    person: str


@dataclass(frozen=True)
class Acting:
    replaced: str
    acting: str
    scope: str = ActingAppointment.ALL_POWERS


def arrange(people, *facts):
    """Record each fact for the week around DAY (DAY-2 .. DAY+4)."""
    start, end = DAY - timedelta(days=2), DAY + timedelta(days=4)
    for fact in facts:
        if isinstance(fact, Absent):
            Absence.objects.create(person=people[fact.person], kind=Absence.Kind.LEAVE, start=start, end=end)
        else:
            ActingAppointment.objects.create(
                replaced=people[fact.replaced],
                acting=people[fact.acting],
                scope=fact.scope,
                start=start,
                end=end,
                order_number="7-ж",
                order_date=start,
            )


# (test id naming the clause, signer, department, line of work, facts, day, expected capacity or None)
SIGNING = [
    ("IR_13_head_signs", "ir_head", Department.IR, None, [], DAY, Capacity.HEAD),
    ("IR_13_head_signs_legal_assistance_too", "ir_head", Department.IR, LA, [], DAY, Capacity.HEAD),
    ("IR_13_absent_head_does_not_sign", "ir_head", Department.IR, None, [Absent("ir_head")], DAY, None),
    (
        "IR_13_deputy_refused_in_head_absence_without_appointment",
        "ir_deputy_protocol",
        Department.IR,
        None,
        [Absent("ir_head")],
        DAY,
        None,
    ),
    (
        "IR_13_deputy_signs_while_acting_appointment_names_him",
        "ir_deputy_protocol",
        Department.IR,
        None,
        [Absent("ir_head"), Acting("ir_head", "ir_deputy_protocol")],
        DAY,
        Capacity.ACTING_HEAD,
    ),
    (
        "IR_13_acting_appointment_lapses_after_its_end_date",
        "ir_deputy_protocol",
        Department.IR,
        None,
        [Acting("ir_head", "ir_deputy_protocol")],
        DAY + timedelta(days=5),
        None,
    ),
    (
        "IR_13_acting_appointment_not_yet_in_force",
        "ir_deputy_protocol",
        Department.IR,
        None,
        [Acting("ir_head", "ir_deputy_protocol")],
        DAY - timedelta(days=3),
        None,
    ),
    (
        "IR_13_head_replaced_for_all_powers_does_not_sign",
        "ir_head",
        Department.IR,
        None,
        [Acting("ir_head", "ir_deputy_protocol")],
        DAY,
        None,
    ),
    (
        "IR_13_legal_assistance_deputy_signs_legal_assistance_with_head_present",
        "ir_deputy_legal",
        Department.IR,
        LA,
        [],
        DAY,
        Capacity.LA_DEPUTY,
    ),
    ("IR_13_legal_assistance_deputy_refused_ordinary_memo", "ir_deputy_legal", Department.IR, None, [], DAY, None),
    ("IR_13_protocol_deputy_refused_legal_assistance", "ir_deputy_protocol", Department.IR, LA, [], DAY, None),
    (
        "IR_13_person_replacing_legal_assistance_deputy_signs_legal_assistance",
        "ir_deputy_protocol",
        Department.IR,
        LA,
        [Absent("ir_deputy_legal"), Acting("ir_deputy_legal", "ir_deputy_protocol", LA)],
        DAY,
        Capacity.ACTING_LA_DEPUTY,
    ),
    (
        "IR_13_person_replacing_legal_assistance_deputy_refused_ordinary_memo",
        "ir_deputy_protocol",
        Department.IR,
        None,
        [Acting("ir_deputy_legal", "ir_deputy_protocol", LA)],
        DAY,
        None,
    ),
    (
        "IR_13_appointment_for_one_line_does_not_give_all_powers",
        "ir_officer",
        Department.IR,
        None,
        [Acting("ir_head", "ir_officer", LA)],
        DAY,
        None,
    ),
    (
        "IR_13_appointment_for_one_line_gives_that_line",
        "ir_officer",
        Department.IR,
        LA,
        [Acting("ir_head", "ir_officer", LA)],
        DAY,
        Capacity.ACTING_HEAD,
    ),
    ("IR_13_officer_never_signs", "ir_officer", Department.IR, LA, [], DAY, None),
    ("IR_13_isd_head_does_not_sign_ir_documents", "isd_head", Department.IR, None, [], DAY, None),
    ("ISD_15_head_signs", "isd_head", Department.ISD, None, [], DAY, Capacity.HEAD),
    ("ISD_15_absent_head_does_not_sign", "isd_head", Department.ISD, None, [Absent("isd_head")], DAY, None),
    ("ISD_15_deputy_refused_while_not_acting", "isd_deputy", Department.ISD, None, [], DAY, None),
    (
        "ISD_15_deputy_refused_in_head_absence_without_appointment",
        "isd_deputy",
        Department.ISD,
        None,
        [Absent("isd_head")],
        DAY,
        None,
    ),
    (
        "ISD_15_deputy_signs_while_acting",
        "isd_deputy",
        Department.ISD,
        None,
        [Absent("isd_head"), Acting("isd_head", "isd_deputy")],
        DAY,
        Capacity.ACTING_HEAD,
    ),
    (
        "ISD_15_deputy_acting_lapses_after_end_date",
        "isd_deputy",
        Department.ISD,
        None,
        [Acting("isd_head", "isd_deputy")],
        DAY + timedelta(days=5),
        None,
    ),
    ("ISD_15_ir_head_does_not_sign_isd_documents", "ir_head", Department.ISD, None, [], DAY, None),
    ("ISD_15_chairman_does_not_sign_isd_documents", "chairman", Department.ISD, None, [], DAY, None),
]


@pytest.mark.parametrize(
    ("signer", "department", "line", "facts", "day", "capacity"),
    [pytest.param(*row[1:], id=row[0]) for row in SIGNING],
)
def test_signing_authority(people, signer, department, line, facts, day, capacity):
    arrange(people, *facts)
    decision = signing_authority(people[signer], department, line, day)
    assert bool(decision) is (capacity is not None), decision.reason
    assert decision.capacity == capacity
    assert decision.clause == {Department.IR: "IR 13", Department.ISD: "ISD 15"}[department]


def test_IR_13_acting_capacity_names_the_order(people):
    arrange(people, Absent("ir_head"), Acting("ir_head", "ir_deputy_protocol"))
    decision = signing_authority(people["ir_deputy_protocol"], Department.IR, None, DAY)
    assert decision.appointment.order_number == "7-ж"
    assert "7-ж" in decision.capacity_display
    assert "21.11.2026" in decision.capacity_display


def test_IR_13_who_may_sign_a_legal_assistance_document(people):
    arrange(people, Absent("ir_head"), Acting("ir_head", "ir_deputy_protocol"))
    answer = [(d.person.user.username, d.capacity) for d in signers(Department.IR, LA, DAY)]
    assert answer == [("ir_deputy_legal", Capacity.LA_DEPUTY), ("ir_deputy_protocol", Capacity.ACTING_HEAD)]


def test_ISD_15_nobody_signs_when_head_absent_and_no_appointment(people):
    arrange(people, Absent("isd_head"))
    assert signers(Department.ISD, None, DAY) == []


# (test id naming the clause, user, department, may see)
DEPARTMENT_ACCESS = [
    ("ISD_7_chairman_sees_isd", "chairman", Department.ISD, True),
    ("ISD_7_ca_head_sees_isd", "ca_head", Department.ISD, True),
    ("ISD_7_ca_deputy_does_not_see_isd", "ca_deputy", Department.ISD, False),
    ("ISD_7_ir_head_does_not_see_isd", "ir_head", Department.ISD, False),
    ("ISD_7_ir_officer_does_not_see_isd", "ir_officer", Department.ISD, False),
    ("ISD_7_superuser_without_position_does_not_see_isd", "sysadmin", Department.ISD, False),
    ("ISD_7_isd_head_sees_isd", "isd_head", Department.ISD, True),
    ("ISD_7_isd_officer_sees_isd", "isd_officer", Department.ISD, True),
    ("ISD_7_territorial_isd_unit_sees_isd", "isd_almaty", Department.ISD, True),
    ("IR_1_3_ir_officer_sees_ir", "ir_officer", Department.IR, True),
    ("IR_1_3_chairman_sees_ir", "chairman", Department.IR, True),
    ("IR_1_3_ca_head_sees_ir", "ca_head", Department.IR, True),
    ("IR_1_3_ca_deputy_sees_ir", "ca_deputy", Department.IR, True),
    ("IR_1_3_isd_officer_does_not_see_ir", "isd_officer", Department.IR, False),
    ("IR_1_3_superuser_without_position_does_not_see_ir", "sysadmin", Department.IR, False),
]


@pytest.mark.parametrize(
    ("username", "department", "allowed"), [pytest.param(*row[1:], id=row[0]) for row in DEPARTMENT_ACCESS]
)
def test_department_access(users, username, department, allowed):
    decision = department_access(users[username], department)
    assert bool(decision) is allowed
    assert decision.reason


# (test id, user, reach)
ISD_REACH = [
    ("ISD_7_chairman_reaches_all_isd_records", "chairman", Reach.ALL),
    ("ISD_7_ca_head_reaches_all_isd_records", "ca_head", Reach.ALL),
    ("ISD_7_isd_head_reaches_all_isd_records", "isd_head", Reach.ALL),
    ("ISD_11_isd_deputy_reaches_all_isd_records", "isd_deputy", Reach.ALL),
    ("ISD_7_isd_officer_reaches_only_granted_records", "isd_officer", Reach.GRANTED),
    ("ISD_7_territorial_unit_reaches_its_region_only", "isd_almaty", Reach.REGION),
    ("ISD_7_ca_deputy_reaches_nothing", "ca_deputy", Reach.NONE),
    ("ISD_7_sysadmin_reaches_nothing", "sysadmin", Reach.NONE),
]


@pytest.mark.parametrize(("username", "reach"), [pytest.param(*row[1:], id=row[0]) for row in ISD_REACH])
def test_isd_reach(users, username, reach):
    assert isd_reach(users[username]).kind is reach


def test_ISD_7_territorial_reach_is_its_own_region(users, people):
    assert isd_reach(users["isd_almaty"]).region_id == people["isd_almaty"].position.unit.region_id
