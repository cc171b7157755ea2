"""Bad input on the IR's pages: the reason beside its field, what was typed kept, nothing
written (IR 7.22)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from international.models import Country, ForeignAuthority, LegalAssistanceRequest, TreatyBasis

from .factories import la_request, post_registration

R = LegalAssistanceRequest


def codes(form, field) -> set[str]:
    return {error.code for error in form.errors.as_data()[field]}


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"foreign_authority": ""}, "foreign_authority", "no_requester"),
        ({"received_on": (timezone.localdate() + timedelta(days=1)).isoformat()}, "received_on", "future"),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_keeps_what_was_typed(officer_client, overrides, field, code):
    response = post_registration(officer_client, **overrides)
    assert response.status_code == 200
    form = response.context["form"]
    assert codes(form, field) == {code}
    assert 'value="2-77/2026"' in response.content.decode()
    assert not R.objects.exists()


def test_a_duplicate_registration_number_is_refused_with_the_date_of_the_first(officer_client):
    la_request(officer_client.officer, number="15/2026")
    response = post_registration(officer_client)
    assert codes(response.context["form"], "registration_number") == {"duplicate"}
    assert R.objects.count() == 1


def test_a_treaty_not_binding_the_two_states_is_registered_only_once_confirmed(officer_client):
    chisinau = TreatyBasis.objects.get(code="chisinau-2002")  # Russia did not ratify it
    response = post_registration(officer_client, treaty=chisinau.pk)
    assert codes(response.context["form"], "treaty") == {"treaty_mismatch"}
    assert 'name="confirm_treaty"' in response.content.decode() and not R.objects.exists()
    response = post_registration(officer_client, treaty=chisinau.pk, confirm_treaty="on")
    assert response.status_code == 302
    assert R.objects.get().treaty_mismatch_confirmed


def test_a_foreign_authority_of_another_state_is_refused(officer_client):
    other = ForeignAuthority.objects.create(
        name="Court", name_kk="Court", name_ru="Court", country=Country.objects.get(code="KG")
    )
    response = post_registration(officer_client, foreign_authority=other.pk)
    assert codes(response.context["form"], "foreign_authority") == {"other_state"}


def test_a_file_of_a_forbidden_type_is_refused_beside_the_field(people, officer_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    request = la_request(officer_client.officer)
    url = reverse("international:request-file-add", args=[request.pk])
    upload = SimpleUploadedFile("macro.exe", b"MZ\x90\x00binary", content_type="application/octet-stream")
    response = officer_client.post(url, {"file": upload, "kind": "request", "language": "ru"})
    assert response.status_code == 200 and response.context["file_form"].errors["file"]
    assert not request.files.exists()
