"""The territorial ISD units' regulations, agreed by the ISD head (ISD 9): sent by the unit (or
the central ISD for it), agreed, or returned with the reason and sent again reworked; a unit
sees its own alone."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from courtadmin.org.models import Region
from internal_security.models import UnitRegulation
from internal_security.services.regulations import regulation_submit
from internal_security.workflow import regulation_move
from tests.conftest import TODAY, refusal_codes

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def sent(people, username="isd_almaty", region="almaty"):
    return regulation_submit(
        actor=people[username].user,
        regulation=UnitRegulation(region=Region.objects.get(code=region), title="Бөлімше туралы ереже", text="1. ..."),
    )


def test_a_units_regulations_are_returned_reworked_and_agreed_by_the_isd_head_isd_9(people):
    regulation = sent(people)
    head, almaty = people["isd_head"].user, people["isd_almaty"].user
    assert refusal_codes(regulation_move, regulation=regulation, move="agree", actor=people["isd_deputy"].user) == {
        "not_yours"
    }
    assert refusal_codes(regulation_move, regulation=regulation, move="return", actor=head, reason="") == {"required"}
    regulation_move(regulation=regulation, move="return", actor=head, reason="6-тармақты толықтырыңыз")
    assert refusal_codes(regulation_move, regulation=regulation, move="agree", actor=head) == {"forbidden_move"}
    regulation_move(regulation=regulation, move="resubmit", actor=almaty, text="1. ... 6. Ішкі қауіпсіздік.")
    regulation_move(regulation=regulation, move="agree", actor=head)
    regulation.refresh_from_db()
    assert (regulation.status, regulation.text) == (UnitRegulation.Status.AGREED, "1. ... 6. Ішкі қауіпсіздік.")
    assert regulation.agreed_on is not None


def test_a_unit_sends_its_own_regions_regulations_and_nobody_outside_the_isd_sends(people):
    assert sent(people, region="shymkent").region.code == "almaty"  # its own, whatever was posted
    assert sent(people, "isd_officer", region="shymkent").region.code == "shymkent"
    with pytest.raises(PermissionDenied):
        sent(people, "ir_head")


def test_the_almaty_unit_sees_its_own_regulations_and_404_for_another_regions(people, client_for):
    own, other = sent(people), sent(people, "isd_officer", region="shymkent")
    client = client_for("isd_almaty")
    assert [row.pk for row in client.get(reverse("internal_security:regulation-list")).context["regulations"]] == [
        own.pk
    ]
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client_for("ir_head").get(reverse("internal_security:regulation-list")).status_code == 404


def test_the_return_form_keeps_what_was_typed(people, client_for):
    regulation = sent(people)
    page = client_for("isd_head").post(
        reverse("internal_security:regulation-move", args=[regulation.pk, "return"]), {"reason": ""}
    )
    assert page.status_code == 200
    form = next(form for move, form in page.context["moves"] if move.name == "return")
    assert "reason" in form.errors
    assert UnitRegulation.objects.get(pk=regulation.pk).status == UnitRegulation.Status.SUBMITTED
