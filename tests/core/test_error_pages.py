"""Error pages of the portal's own (the working-day issue): 400, 403, 404 and 500 in the
reader's language, never Django's bare English "Server Error (500)"."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

pytestmark = pytest.mark.django_db

WORDS = {
    "404": {"kk": "табылмады", "ru": "не найдена", "en": "Not found"},
    "500": {"kk": "қате", "ru": "Что-то пошло не так", "en": "Something went wrong"},
}


def in_language(client, language: str):
    client.post(reverse("core:set-language"), {"language": language, "next": "/"})
    return client


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_a_page_that_is_not_there_answers_in_the_readers_language(client_for, language):
    page = in_language(client_for("ir_officer"), language).get("/no/such/page/")
    assert page.status_code == 404
    html = page.content.decode()
    assert f'lang="{language}"' in html and WORDS["404"][language].lower() in html.lower()


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_a_fault_of_the_portal_answers_its_own_page_in_the_readers_language(client_for, settings, language):
    settings.ROOT_URLCONF = "tests.core.failing_urls"
    client = in_language(client_for("ir_officer"), language)
    client.raise_request_exception = False
    page = client.get("/fails/")
    assert page.status_code == 500
    html = page.content.decode()
    assert f'lang="{language}"' in html and WORDS["500"][language].lower() in html.lower()
    assert "Server Error (500)" not in html


def test_an_action_not_open_to_the_reader_answers_403_with_a_way_back(client_for, rf, users):
    from django.views.defaults import permission_denied

    request = rf.get("/")
    request.user = users["ir_officer"]
    page = permission_denied(request, PermissionDenied())
    assert page.status_code == 403
    assert reverse("core:home") in page.content.decode()


def test_a_request_for_a_host_the_portal_does_not_serve_answers_its_400_page(client):
    page = client.get("/accounts/login/", HTTP_HOST="evil.example")
    assert page.status_code == 400
    assert reverse("core:home") in page.content.decode()
