"""Information on corruption (ISD 6.15) and all on record about a person or a court, found
only within the reader's reach (ISD 7)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from internal_security.models import CorruptionSignal
from internal_security.services import complaints as complaint_services
from internal_security.services import signals as services

from .factories import register, signal


def test_isd_staff_record_a_signal_and_a_territorial_unit_only_in_its_region(people):
    assert services.corruption_signal_add(actor=people["isd_officer"].user, signal=signal()).region.code == "astana"
    assert services.corruption_signal_add(actor=people["isd_almaty"].user, signal=signal()).region.code == "almaty"
    with pytest.raises(PermissionDenied):
        services.corruption_signal_add(actor=people["ir_head"].user, signal=signal())


def test_a_signal_names_a_person_or_a_court(people):
    with pytest.raises(ValidationError) as refused:
        services.corruption_signal_add(actor=people["isd_officer"].user, signal=signal(person="", court=""))
    assert "person" in refused.value.error_dict and not CorruptionSignal.objects.exists()


def test_on_record_finds_only_what_the_reader_may_see_isd_6_15(people, client_for):
    head = people["isd_head"].user
    mine, theirs = register(people), register(people)  # both about "Судья А." in the Sarыarqa court
    complaint_services.complaint_assign(actor=head, complaint=mine, officers=[people["isd_officer"].user])
    complaint_services.complaint_assign(actor=head, complaint=theirs, officers=[people["isd_officer2"].user])
    services.corruption_signal_add(actor=head, signal=signal())
    url = reverse("internal_security:on-record")
    found = client_for("isd_officer").get(url, {"q": "Сарыарқа"}).context
    assert [c.pk for c in found["complaints"]] == [mine.pk] and len(found["signals"]) == 1
    found = client_for("isd_head").get(url, {"q": "Сарыарқа"}).context
    assert {c.pk for c in found["complaints"]} == {mine.pk, theirs.pk}
    for username in ("ir_head", "ca_deputy", "sysadmin"):
        assert client_for(username).get(url, {"q": "Сарыарқа"}).status_code == 404, username
        assert client_for(username).get(reverse("internal_security:signal-list")).status_code == 404, username
