"""Information on corruption (ISD 6.15) and all on record about a person or a court, found
only within the reader's reach (ISD 7)."""

from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from internal_security.models import CorruptionSignal, Investigation
from internal_security.services import complaints as complaint_services
from internal_security.services import signals as services
from internal_security.services.cases import criminal_case_save
from tests.conftest import TODAY

from .factories import a_case, many_signals, open_investigation, register, signal

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def test_isd_staff_record_a_signal_and_a_territorial_unit_only_in_its_region(people):
    assert services.signal_save(actor=people["isd_officer"].user, signal=signal()).region.code == "astana"
    assert services.signal_save(actor=people["isd_almaty"].user, signal=signal()).region.code == "almaty"
    with pytest.raises(PermissionDenied):
        services.signal_save(actor=people["ir_head"].user, signal=signal())


def test_a_signal_names_a_person_or_a_court(people):
    with pytest.raises(ValidationError) as refused:
        services.signal_save(actor=people["isd_officer"].user, signal=signal(person="", court=""))
    assert "person" in refused.value.error_dict and not CorruptionSignal.objects.exists()


def test_on_record_finds_only_what_the_reader_may_see_isd_6_15(people, client_for):
    head = people["isd_head"].user
    mine, theirs = register(people), register(people)  # both about "Судья А." in the Sarыarqa court
    complaint_services.complaint_assign(actor=head, complaint=mine, officers=[people["isd_officer"].user])
    complaint_services.complaint_assign(actor=head, complaint=theirs, officers=[people["isd_officer2"].user])
    services.signal_save(actor=head, signal=signal())
    url = reverse("internal_security:on-record")
    found = client_for("isd_officer").get(url, {"q": "Сарыарқа"}).context
    assert [c.pk for c in found["complaints"]] == [mine.pk] and len(found["signals"]) == 1
    found = client_for("isd_head").get(url, {"q": "Сарыарқа"}).context
    assert {c.pk for c in found["complaints"]} == {mine.pk, theirs.pk}
    for username in ("ir_head", "ca_deputy", "sysadmin"):
        assert client_for(username).get(url, {"q": "Сарыарқа"}).status_code == 404, username
        assert client_for(username).get(reverse("internal_security:signal-list")).status_code == 404, username


# --- The register in depth (ISD 6.15) -------------------------------------------------------


def test_an_entry_is_linked_to_an_investigation_a_complaint_and_a_case_and_shown_within_reach(people, client_for):
    """GIVEN a complaint assigned to isd_officer, an investigation and a criminal case about the judge
    WHEN the ISD head records the information naming the complaint and the investigation and
    links the case offered on the entry's page
    THEN the entry's page and the investigation's show each other; the officer sees the complaint
    he is assigned and the case, but not the investigation whose team he is not on."""
    head = people["isd_head"].user
    complaint = register(people, "isd_head")
    complaint_services.complaint_assign(actor=head, complaint=complaint, officers=[people["isd_officer"].user])
    investigation = open_investigation(people)
    case = criminal_case_save(
        actor=head, case=a_case(person="Судья А.", region=complaint.region), opening_decision="КҚБТ № 1"
    )
    entry = services.signal_save(
        actor=head,
        signal=signal(),
        complaint_numbers=[complaint.number],
        investigation_numbers=[investigation.number],
    )
    assert list(Investigation.objects.filter(signals=entry)) == [investigation]

    client = client_for("isd_head")
    page = client.get(entry.get_absolute_url())
    assert [c.pk for c in page.context["cases_offered"]] == [case.pk]  # it names "Судья А."
    client.post(reverse("internal_security:signal-link", args=[entry.pk]), {"case": case.pk})
    page = client.get(entry.get_absolute_url())
    assert [c.pk for c in page.context["cases"]] == [case.pk] and page.context["cases_offered"] == []
    assert [i.pk for i in page.context["investigations"]] == [investigation.pk]
    assert [s.pk for s in client.get(investigation.get_absolute_url()).context["signals"]] == [entry.pk]

    seen = client_for("isd_officer").get(entry.get_absolute_url()).context
    assert [c.pk for c in seen["complaints"]] == [complaint.pk] and [c.pk for c in seen["cases"]] == [case.pk]
    assert seen["investigations"] == []  # not on its team (ISD 7)


def test_a_number_outside_the_writers_reach_is_refused_beside_its_field(people):
    complaint = register(people, "isd_head")  # not assigned to isd_officer2
    with pytest.raises(ValidationError) as refused:
        services.signal_save(actor=people["isd_officer2"].user, signal=signal(), complaint_numbers=[complaint.number])
    assert "complaint_numbers" in refused.value.error_dict and not CorruptionSignal.objects.exists()


def test_a_correction_says_why_keeps_the_links_the_writer_cannot_see_and_is_in_the_history(people, client_for):
    head = people["isd_head"].user
    complaint = register(people, "isd_head")  # the officer is not assigned to it
    entry = services.signal_save(actor=head, signal=signal(), complaint_numbers=[complaint.number])
    client = client_for("isd_officer")
    url = reverse("internal_security:signal-update", args=[entry.pk])
    form = client.get(url).context["form"]
    assert form.initial["complaint_numbers"] == ""  # he does not see the linked complaint
    data = {
        "source": "media",
        "source_detail": "",
        "received_on": entry.received_on.isoformat(),
        "person": "Судья А. А.",
        "court": entry.court,
        "region": entry.region_id,
        "substance": entry.substance,
        "complaint_numbers": "",
        "investigation_numbers": "",
        "reason": "",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200 and refused.context["form"].errors["reason"]
    assert refused.context["form"]["person"].value() == "Судья А. А."  # what was typed is kept
    client.post(url, {**data, "reason": "Аты-жөні нақтыланды"})
    entry.refresh_from_db()
    assert entry.person == "Судья А. А." and list(entry.complaints.all()) == [complaint]
    history = client_for("isd_head").get(entry.get_absolute_url()).context["history"]
    assert any("Аты-жөні нақтыланды" in str(event) for event in history)


def test_a_unit_records_and_corrects_its_regions_entries_alone(people, client_for):
    theirs = services.signal_save(actor=people["isd_head"].user, signal=signal())  # Astana's
    client = client_for("isd_almaty")
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert client.get(reverse("internal_security:signal-update", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("internal_security:signal-link", args=[theirs.pk]), {"case": "1"}).status_code == 404
    own = services.signal_save(actor=people["isd_almaty"].user, signal=signal())
    assert own.region.code == "almaty" and client.get(own.get_absolute_url()).status_code == 200
    with pytest.raises(PermissionDenied):
        services.signal_save(actor=people["isd_almaty"].user, signal=theirs, reason="...")


def test_the_register_is_filtered_paged_and_exported(people, client_for):
    many_signals(people, 60)
    services.signal_save(actor=people["isd_head"].user, signal=signal(source="hotline", person="Приставы Ж."))
    client = client_for("isd_officer")
    page = client.get(reverse("internal_security:signal-list"))
    assert len(page.context["signals"]) == 50 and page.context["page"].has_next()
    rows = client.get(reverse("internal_security:signal-list"), {"source": "hotline"}).context["signals"]
    assert [row.person for row in rows] == ["Приставы Ж."]
    rows = client.get(reverse("internal_security:signal-list"), {"text": "Судья 59"}).context["signals"]
    assert [row.person for row in rows] == ["Судья 59"]
    response = client.get(reverse("internal_security:signal-export"), {"source": "hotline"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Приставы Ж."]


@pytest.mark.parametrize("name", ["signal-list", "signal-create", "signal-export"])
def test_the_registers_pages_are_404_to_outsiders(name, people, client_for):
    for username in ("ir_head", "ca_deputy", "sysadmin", "legal_officer", "hr_keeper"):
        assert client_for(username).get(reverse(f"internal_security:{name}")).status_code == 404, username


def test_a_case_posted_out_of_shape_is_refused_with_a_message_and_an_unreachable_one_is_404(people, client_for):
    entry = services.signal_save(actor=people["isd_head"].user, signal=signal())
    url = reverse("internal_security:signal-link", args=[entry.pk])
    client = client_for("isd_head")
    page = client.post(url, {"case": "abc"}, follow=True)
    assert page.status_code == 200 and "error" in [m.level_tag for m in page.context["messages"]]
    assert client.post(url, {"case": "999999"}).status_code == 404 and not entry.cases.exists()
