"""Court bailiffs (ISD 6.11): recorded per court by the central ISD or the region's unit,
listed with the hearings with heightened risk each is assigned to."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.conftest import TODAY

from .test_hearings import a_bailiff

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def test_a_unit_records_its_regions_bailiffs_and_sees_them_alone_isd_6_11(people, client_for):
    ours = a_bailiff(people, "Сот приставы А.", region="shymkent", username="isd_almaty")
    assert ours.region.code == "almaty"
    theirs = a_bailiff(people, "Сот приставы Б.", region="shymkent")
    rows = client_for("isd_almaty").get(reverse("internal_security:bailiff-list")).context["bailiffs"]
    assert [row.pk for row in rows] == [ours.pk]
    rows = client_for("isd_head").get(reverse("internal_security:bailiff-list"), {"text": "Б."}).context["bailiffs"]
    assert [row.pk for row in rows] == [theirs.pk]
    with pytest.raises(PermissionDenied):
        a_bailiff(people, username="ir_head")


def test_the_form_keeps_what_was_typed(people, client_for):
    page = client_for("isd_officer").post(
        reverse("internal_security:bailiff-create"), {"full_name": "Сот приставы В.", "post": "", "court": "Сот"}
    )
    assert page.status_code == 200 and page.context["form"].errors["post"]
    assert page.context["form"]["full_name"].value() == "Сот приставы В."
