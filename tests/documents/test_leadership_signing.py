"""The leadership's own correspondence (IR 7.20, issue 20 item 6): prepared by the IR,
signed by the Chairman (or the Head of the Court Administration) alone, or by the person
replacing him under an order that a second person confirmed."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from courtadmin.documents.models import Document, Signature
from courtadmin.documents.services import default_route
from courtadmin.org.authority import appointment_powers, signing_authority
from courtadmin.org.models import ActingAppointment, Confirmation
from courtadmin.org.services import acting_appointment_save, change_decide
from tests.documents.conftest import approved
from tests.documents.test_life import sign

TODAY = date(2026, 11, 24)


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY


def test_the_chairman_signs_his_protocol_letter_ir_7_20(today, signing):
    letter = approved(signing["ir_officer"].user, kind="ir.chairman_letter")
    sign(letter, "chairman", signing)
    assert letter.status == Document.Status.SIGNED
    assert letter.signature.capacity == "chairman"
    assert letter.signature.clause == "IR 7.20"
    assert letter.registration_number == f"IR-1/{today.year}"  # the IR's outgoing journal


@pytest.mark.parametrize("username", ["ir_head", "ir_deputy_legal", "ir_deputy_protocol", "ca_head", "isd_head"])
def test_nobody_else_signs_the_chairmans_letter_ir_7_20(today, signing, username):
    """Not even the IR head, who signs every other IR document (IR 13)."""
    letter = approved(signing["ir_officer"].user, kind="ir.chairman_letter")
    with translation.override("en"):
        decision = signing_authority(signing[username], "IR", letter.line_of_work)
    assert not decision and decision.clause == "IR 7.20"
    assert decision.reason.startswith("The Chairman's correspondence is signed by the Chairman")
    with pytest.raises(ValidationError):
        sign(letter, username, signing)
    letter.refresh_from_db()
    assert letter.status == Document.Status.APPROVED
    assert not Signature.objects.exists()


def test_the_chairman_signs_no_other_ir_document_ir_13(today, signing):
    for kind in ("ir.outgoing_letter", "ir.ca_head_letter", "ir.state_body_letter"):
        assert not signing_authority(
            signing["chairman"], "IR", approved(signing["ir_officer"].user, kind=kind).line_of_work
        )


def test_the_head_of_the_court_administration_signs_his_own_letter_ir_7_20(today, signing):
    letter = approved(signing["ir_officer"].user, kind="ir.ca_head_letter")
    sign(letter, "ca_head", signing)
    assert letter.signature.capacity == "ca_head"


def _replacing_the_chairman(people, start, end, *, proposer="hr_keeper"):
    appointment = ActingAppointment(
        replaced=people["chairman"],
        acting=people["ca_head"],
        start=start,
        end=end,
        order_number="15-ө",
        order_date=start,
    )
    return acting_appointment_save(actor=people[proposer].user, appointment=appointment)


def test_the_person_replacing_the_chairman_signs_once_the_order_is_confirmed_ir_7_20(today, signing):
    people = signing
    appointment = _replacing_the_chairman(people, today, today + timedelta(days=10))
    # The Head signs his own letters already; the Chairman's signature is a power he lacks:
    # it waits for a second person.
    assert appointment_powers(appointment) == {("sign", "IR")}
    assert appointment.state == Confirmation.AWAITING
    letter = approved(people["ir_officer"].user, kind="ir.chairman_letter")
    with pytest.raises(ValidationError):
        sign(letter, "ca_head", people)
    # The one it empowers does not confirm it; the IR's head does.
    with pytest.raises(ValidationError):
        change_decide(actor=people["ca_head"].user, change=appointment, confirm=True)
    change_decide(actor=people["ir_head"].user, change=appointment, confirm=True)

    sign(letter, "ca_head", people)
    assert letter.signature.capacity == "acting_chairman"
    assert "15-ө" in letter.signature.capacity_ru
    # The Chairman, replaced for all his powers, does not sign meanwhile.
    other = approved(people["ir_officer"].user, kind="ir.chairman_letter")
    with pytest.raises(ValidationError):
        sign(other, "chairman", people)


def test_the_replacement_signs_no_more_after_the_order_ends_ir_7_20(today, signing):
    people = signing
    appointment = _replacing_the_chairman(people, today - timedelta(days=10), today - timedelta(days=1))
    change_decide(actor=people["ir_head"].user, change=appointment, confirm=True)
    letter = approved(people["ir_officer"].user, kind="ir.chairman_letter")
    with pytest.raises(ValidationError):
        sign(letter, "ca_head", people)
    sign(letter, "chairman", people)
    assert letter.signature.capacity == "chairman"


def test_an_order_gives_a_signature_only_where_the_acting_persons_own_posts_do_not_sign_ir_13(today, signing):
    """The head signs every IR document (legal assistance too): acting for the legal
    assistance deputy gives him nothing. The deputies do not sign what the head signs: an
    order making either of them acting head gives a signature, and waits for a second person."""
    people = signing
    assert appointment_powers(ActingAppointment(replaced=people["ir_deputy_legal"], acting=people["ir_head"])) == set()
    for deputy in ("ir_deputy_legal", "ir_deputy_protocol"):
        order = ActingAppointment(replaced=people["ir_head"], acting=people[deputy])
        assert appointment_powers(order) == {("sign", "IR")}, deputy


def test_the_default_route_of_the_chairmans_letter_passes_the_protocol_deputy_then_the_head_ir_7_20(today, signing):
    letter = approved(signing["ir_officer"].user, kind="ir.state_body_letter")
    assert letter.status == Document.Status.APPROVED
    chairman_letter = Document(kind="ir.chairman_letter", department="IR", author=signing["ir_officer"].user)
    assert default_route(chairman_letter) == [[signing["ir_deputy_protocol"]], [signing["ir_head"]]]
