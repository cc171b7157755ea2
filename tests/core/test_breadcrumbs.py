"""Breadcrumbs (the working-day issue): every page below my work says where it lies (my work,
its section of the navigation, its register, its record), as links; the section is one the
reader's navigation offers, so a trail never names what he may not open."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.documents.conftest import draft
from tests.internal_security.factories import register
from tests.international.factories import la_request

pytestmark = pytest.mark.django_db

TRAIL = re.compile(r'<ol class="breadcrumb small">(.*?)</ol>', re.S)
LINK = re.compile(r'<a href="([^"]+)">\s*([^<]*?)\s*</a>')


def trail(client, url: str) -> list[tuple[str, str]]:
    """The (address, label) steps of the page's breadcrumbs; [] when it shows none."""
    response = client.get(url)
    assert response.status_code in (200, 404)
    found = TRAIL.search(response.content.decode())
    return LINK.findall(found.group(1)) if found else []


@pytest.fixture(autouse=True)
def english(django_user_model, users):
    """Everyone reads in English here, so that the labels compare with the English text."""
    django_user_model.objects.update(language="en")
    with translation.override("en"):
        yield


def test_a_record_page_lies_under_its_register_and_its_department(client_for, people):
    request = la_request(people["ir_officer"].user)
    client = client_for("ir_officer")
    assert trail(client, request.get_absolute_url()) == [
        (reverse("core:home"), "My work"),
        (reverse("international:home"), "International Relations"),
        (reverse("international:request-list"), "Legal assistance requests"),
    ]
    # Its edit form lies under the record itself.
    assert trail(client, reverse("international:request-update", args=[request.pk]))[-1] == (
        request.get_absolute_url(),
        request.registration_number,
    )


def test_the_departments_are_shaped_alike(client_for, people):
    complaint = register(people)
    assert trail(client_for("isd_head"), complaint.get_absolute_url()) == [
        (reverse("core:home"), "My work"),
        (reverse("internal_security:home"), "Internal Security"),
        (reverse("internal_security:complaint-list"), "Complaints"),
    ]


def test_a_document_page_lies_under_documents_and_its_signing_under_the_document(client_for, people):
    document = draft(people["ir_officer"].user, subject="Хат")
    client = client_for("ir_officer")
    documents = (reverse("documents:document-list"), "Documents")
    assert trail(client, document.get_absolute_url()) == [(reverse("core:home"), "My work"), documents]
    assert trail(client, reverse("documents:document-route", args=[document.pk]))[1:] == [
        documents,
        (document.get_absolute_url(), str(document)),
    ]


def test_my_work_has_none_and_a_section_page_only_my_work(client_for):
    client = client_for("ir_officer")
    assert trail(client, reverse("core:home")) == []
    assert trail(client, reverse("international:home")) == [(reverse("core:home"), "My work")]


def test_a_trail_never_names_a_section_the_reader_has_not(client_for):
    """An IR officer at an ISD address gets 404, and its trail no ISD step."""
    url = reverse("internal_security:complaint-list")
    assert trail(client_for("ir_officer"), url) == [(reverse("core:home"), "My work")]
    assert trail(client_for("isd_head"), url) == [
        (reverse("core:home"), "My work"),
        (reverse("internal_security:home"), "Internal Security"),
    ]


def test_the_signed_out_see_no_trail(client):
    assert trail(client, reverse("accounts:login")) == []
