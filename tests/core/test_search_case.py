"""Search ignores case in Kazakh and Russian on both databases (the working-day issue, item 9):
"On record" found "Ахметов" but not "ахметов" on SQLite."""

import pytest
from django.urls import reverse

from courtadmin.core.sqlite import like
from internal_security.models import Complaint
from tests.internal_security.factories import register

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", ["ахметов", "АХМЕТОВ", "Ахметов", "ахМЕТ", "ӘЛІ", "әлі"])
def test_a_search_in_any_case_finds_the_name(people, typed):
    complaint = register(people, person_concerned="Ахметов Әлі Серікұлы")
    found = Complaint.objects.filter(person_concerned__icontains=typed)
    assert list(found) == [complaint]


def test_a_name_that_is_not_there_is_not_found(people):
    register(people, person_concerned="Ахметов Әлі")
    assert not Complaint.objects.filter(person_concerned__icontains="Ахметова").exists()


def test_on_record_finds_a_person_typed_in_small_letters(client_for, people):
    complaint = register(people, person_concerned="Ахметов Бауыржан")
    page = client_for("isd_head").get(reverse("internal_security:on-record"), {"q": "ахметов"})
    assert complaint.number in page.content.decode()


def test_like_keeps_its_wildcards_and_escape():
    assert like("a%b_c", "A-long-B!C") and not like("a%b_c", "A-long-B!!C")
    assert like("100\\%", "100%", "\\") and not like("100\\%", "1000", "\\")
    assert like("%қазақ%", "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ") and like("%ҚАЗАҚ%", "қазақстан")
    assert not like("%қазақ%", "казак")  # қ is not к
