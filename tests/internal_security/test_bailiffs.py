"""Court bailiffs (ISD 6.11): recorded per court by the central ISD or the region's unit,
listed with the hearings with heightened risk each is assigned to."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
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


def test_a_bailiff_serves_a_building_of_his_region_and_the_building_counts_its_staff_isd_6_11(people, client_for):
    """GIVEN an Almaty building with five bailiffs on its staff and its posts
    THEN the bailiffs assigned to it are on its page and counted in the register (2 of 5); a
    bailiff of another region is refused beside the field."""
    from internal_security.models import Bailiff
    from internal_security.services import bailiffs as services

    from .test_buildings import a_building

    building = a_building(people, bailiff_headcount=5, bailiff_posts="Кіреберіс; 1-4 залдар; күзетпен ұстау бөлмесі")
    almaty = people["isd_almaty"].user
    for name in ("Сот приставы Г.", "Сот приставы Д."):
        services.bailiff_add(
            actor=almaty, bailiff=Bailiff(full_name=name, post="сот приставы", court=building.court, building=building)
        )
    page = client_for("isd_almaty").get(building.get_absolute_url())
    assert [b.full_name for b in page.context["bailiffs"]] == ["Сот приставы Г.", "Сот приставы Д."]
    assert "2" in page.content.decode().split('id="bailiff-staffing"')[1].split("</p>")[0]
    (row,) = client_for("isd_head").get(reverse("internal_security:building-list")).context["buildings"]
    assert (row.bailiff_headcount, row.bailiffs_assigned) == (5, 2)
    elsewhere = a_building(people, "isd_head", region="shymkent")
    with pytest.raises(ValidationError) as refused:
        services.bailiff_add(
            actor=almaty,
            bailiff=Bailiff(full_name="Сот приставы Е.", post=".", court=".", building=elsewhere),
        )
    assert refused.value.error_dict["building"][0].code == "outside_region"
