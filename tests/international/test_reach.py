"""Who reaches the IR's pages (IR 1-3, ISD 7): IR staff keep the registry, the Court
Administration's leadership reads it, everyone else (the ISD, a bare superuser) gets 404."""

import pytest
from django.urls import reverse

from international.models import LegalAssistanceRequest

from .factories import la_request

R = LegalAssistanceRequest


def request_urls(request) -> list[str]:
    return [
        reverse("international:request-list"),
        reverse("international:request-figures"),
        reverse("international:request-export"),
        reverse("international:request-figures-export"),
        reverse("international:request-detail", args=[request.pk]),
        reverse("international:request-check", args=[request.pk]),
        reverse("international:request-update", args=[request.pk]),
        reverse("international:request-create"),
    ]


@pytest.mark.parametrize("username", ["isd_officer", "isd_head", "sysadmin"])
def test_isd_staff_and_a_bare_superuser_get_404_everywhere_in_the_registry(people, client_for, username):
    request = la_request(people["ir_officer"].user)
    client = client_for(username)
    for url in request_urls(request):
        assert client.get(url).status_code == 404, url
    move_url = reverse("international:request-move", args=[request.pk, "check"])
    assert client.post(move_url).status_code == 404


def test_the_leadership_reads_the_registry_but_does_not_keep_it(people, client_for):
    request = la_request(people["ir_officer"].user)
    client = client_for("chairman")
    for url in request_urls(request)[:5]:
        assert client.get(url).status_code == 200, url
    for url in request_urls(request)[5:]:
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("international:request-move", args=[request.pk, "refuse"]), {"refuse-reason": "x"})
    assert response.status_code == 404
    assert R.objects.get().status == R.Status.REGISTERED


def test_isd_staff_cannot_download_a_request_file(people, client_for):
    request = la_request(people["ir_officer"].user)
    file = request.files.create(
        kind="request",
        language="ru",
        original_name="r.pdf",
        content_type="application/pdf",
        size=1,
        sha256="0" * 64,
        uploaded_by=people["ir_officer"].user,
    )
    url = reverse("international:request-file-download", args=[request.pk, file.pk])
    assert client_for("isd_officer").get(url).status_code == 404
