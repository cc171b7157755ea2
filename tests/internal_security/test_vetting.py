"""The vetting of candidates (ISD 5.4, 5.8): the officers the ISD head assigns search the
portal's own registries for the candidate, each finding within the searcher's reach (ISD 7),
record by hand what the judicial system's information resources showed, and the conclusion
is signed by the ISD head (ISD 15) within the request's term. Every search is in the read log."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courtadmin.audit.models import ReadEvent
from courtadmin.deadlines.models import Deadline
from courtadmin.documents import services as documents
from courtadmin.org.models import Region
from internal_security.models import InvestigatedPerson, StaffNotice, VettingCheck, VettingRequest
from internal_security.services import complaints as complaint_services
from internal_security.services import notices as notice_services
from internal_security.services import vetting as services
from internal_security.services.cases import criminal_case_save
from internal_security.services.signals import signal_save
from internal_security.workflow import vetting_move
from tests.conftest import DEMO_TEST_PASSWORD, TODAY, refusal_codes
from tests.core.test_my_work import panel
from tests.documents.conftest import second_factor_code

from .factories import a_case, iin, open_investigation, register, signal

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]

CANDIDATE = "Серікбаев Ерлан Маратұлы"


def a_vetting(people, username="isd_head", officers=("isd_officer",), **fields):
    today = timezone.localdate()
    defaults = {
        "candidate": CANDIDATE,
        "candidate_iin": iin(),
        "post_kind": VettingRequest.Post.JUDGE,
        "post": "Алматы қаласы Медеу аудандық сотының судьясы",
        "region": Region.objects.get(code="almaty"),
        "requested_by": "Жоғары Сот Кеңесі, 12.11.2026 № 01-15/300 хат",
        "received_on": today - timedelta(days=2),
        "due_on": today + timedelta(days=12),
    }
    return services.vetting_register(
        actor=people[username].user,
        vetting=VettingRequest(**{**defaults, **fields}),
        officers=[people[name].user for name in officers],
    )


def on_record_about_the_candidate(people):
    """A complaint about him assigned to isd_officer, another assigned to isd_officer2, a
    criminal case, an investigation whose team isd_officer is not on, information on
    corruption and an ISD 13 notice; and a complaint about his namesake."""
    head = people["isd_head"].user
    mine = register(people, "isd_head", person_concerned=f"судья {CANDIDATE}")
    theirs = register(people, "isd_head", person_concerned=CANDIDATE.upper())
    namesake = register(people, "isd_head", person_concerned="Серікбаев Нұрлан Маратұлы")
    complaint_services.complaint_assign(actor=head, complaint=mine, officers=[people["isd_officer"].user])
    complaint_services.complaint_assign(actor=head, complaint=theirs, officers=[people["isd_officer2"].user])
    complaint_services.complaint_assign(actor=head, complaint=namesake, officers=[people["isd_officer"].user])
    case = criminal_case_save(
        actor=head,
        case=a_case(person="Ерлан Маратұлы Серікбаев", region=Region.objects.get(code="almaty")),
        opening_decision="КҚБТ № 77",
    )
    investigation = open_investigation(people)
    InvestigatedPerson.objects.create(investigation=investigation, name=CANDIDATE, role="staff", position="Сот")
    information = signal_save(actor=head, signal=signal(person=CANDIDATE))
    notice = notice_services.notice_file(
        actor=people["hr_keeper"].user,
        notice=StaffNotice(
            region=Region.objects.get(code="almaty"),
            person=CANDIDATE,
            role=StaffNotice.Role.STAFF,
            measure=StaffNotice.Measure.DISCIPLINARY,
            grounds="Тексеру қорытындысы.",
            deciding_body="Сот әкімшілігінің басшысы",
        ),
    )
    return {
        "mine": mine,
        "theirs": theirs,
        "case": case,
        "investigation": investigation,
        "signal": information,
        "notice": notice,
    }


def found_by(client, vetting) -> dict:
    """The records the search lists, by registry, as the ids their links name."""
    found = client.get(reverse("internal_security:vetting-search", args=[vetting.pk])).context["found"]
    return {group["code"]: {int(hit.url.rstrip("/").rsplit("/", 1)[1]) for hit in group["hits"]} for group in found}


def test_the_search_finds_the_candidates_records_each_within_the_searchers_reach_isd_5_4(people, client_for):
    """GIVEN records about the candidate in every registry, some of them outside isd_officer's reach
    WHEN the ISD head and then the officer assigned search for him
    THEN the head finds every one (not the namesake's); the officer his own complaint, the
    case and the information, but not the complaint, investigation or notice he does not reach;
    each search is a line of the read log."""
    records = on_record_about_the_candidate(people)
    vetting = a_vetting(people)
    head_found = found_by(client_for("isd_head"), vetting)
    assert head_found == {
        "complaints": {records["mine"].pk, records["theirs"].pk},
        "investigations": {records["investigation"].pk},
        "cases": {records["case"].pk},
        "signals": {records["signal"].pk},
        "notices": {records["notice"].pk},
    }
    officer_found = found_by(client_for("isd_officer"), vetting)
    assert officer_found == {
        "complaints": {records["mine"].pk},
        "investigations": set(),
        "cases": {records["case"].pk},
        "signals": {records["signal"].pk},
        "notices": set(),
    }
    searches = ReadEvent.objects.filter(action=ReadEvent.Action.SEARCH, record_id=str(vetting.pk))
    assert sorted(searches.values_list("user__username", flat=True)) == ["isd_head", "isd_officer"]
    assert set(searches.values_list("record_label", flat=True)) == {CANDIDATE}


def test_a_vetting_is_404_to_an_officer_not_assigned_and_to_outsiders(people, client_for):
    vetting = a_vetting(people)
    for username in ("isd_officer2", "ir_head", "ca_deputy", "sysadmin", "hr_keeper", "legal_officer"):
        client = client_for(username)
        assert client.get(vetting.get_absolute_url()).status_code == 404, username
        assert client.get(reverse("internal_security:vetting-search", args=[vetting.pk])).status_code == 404
    assert not ReadEvent.objects.filter(action=ReadEvent.Action.SEARCH).exists()
    assert client_for("isd_almaty").get(vetting.get_absolute_url()).status_code == 200  # its region's (ISD 7)
    with pytest.raises(PermissionDenied):
        a_vetting(people, "isd_officer")  # the head or deputy registers and assigns


def test_its_conclusion_is_signed_by_the_head_and_only_then_it_concludes_isd_15(signing, client_for):
    """GIVEN a vetting whose officer recorded what the Сот кабинеті showed
    WHEN he concludes before the conclusion is signed, then drafts it and the ISD head signs it
    THEN the first is refused; after the signature it concludes, its term met."""
    people = signing
    head, officer = people["isd_head"].user, people["isd_officer"].user
    vetting = a_vetting(people)
    services.vetting_check_add(
        actor=officer,
        vetting=vetting,
        check=VettingCheck(resource="sot_kabineti", checked_on=TODAY.date(), result="Тәртіптік жазалар жоқ."),
    )
    assert refusal_codes(vetting_move, vetting=vetting, move="conclude", actor=officer, finding="clear") == {
        "conclusion_unsigned"
    }
    conclusion = services.vetting_conclusion_prepare(actor=officer, vetting=vetting)
    assert "Тәртіптік жазалар жоқ." in conclusion.versions.get(language="kk").text
    assert client_for("isd_officer").get(reverse("documents:document-detail", args=[conclusion.pk])).status_code == 200
    assert client_for("isd_officer2").get(reverse("documents:document-detail", args=[conclusion.pk])).status_code == 404
    documents.document_act(document=conclusion, move="submit", actor=officer)
    documents.document_act(document=conclusion, move="approve", actor=people["isd_deputy"].user)
    documents.document_sign(document=conclusion, actor=head, password=DEMO_TEST_PASSWORD, code=second_factor_code(head))
    vetting_move(vetting=vetting, move="conclude", actor=officer, finding="clear")
    vetting.refresh_from_db()
    assert (vetting.status, vetting.finding) == (VettingRequest.Status.CONCLUDED, VettingRequest.Finding.CLEAR)
    assert vetting.concluded_on == timezone.localdate(conclusion.signature.signed_at)
    assert Deadline.objects.get(record_id=str(vetting.pk), kind="isd.vetting").state == Deadline.State.MET
    with pytest.raises(ValidationError):  # nothing more is recorded on a concluded vetting
        services.vetting_check_add(
            actor=officer, vetting=vetting, check=VettingCheck(resource="ard", checked_on=TODAY.date(), result=".")
        )


def test_a_resource_consulted_in_the_future_or_a_bad_iin_is_refused_beside_its_field(people, client_for):
    vetting = a_vetting(people)
    client = client_for("isd_officer")
    tomorrow = (TODAY.date() + timedelta(days=1)).isoformat()
    page = client.post(
        reverse("internal_security:vetting-check-add", args=[vetting.pk]),
        {"resource": "e_kadrlar", "checked_on": tomorrow, "result": "Жоқ"},
    )
    assert page.status_code == 200 and page.context["check_form"].errors["checked_on"]
    assert page.context["check_form"]["result"].value() == "Жоқ" and not vetting.checks.exists()
    with pytest.raises(ValidationError) as refused:
        a_vetting(people, candidate_iin="123456789012")
    assert "candidate_iin" in refused.value.error_dict


def test_the_register_is_filtered_and_exported(people, client_for):
    a_vetting(people)
    a_vetting(people, candidate="Әлиева Сәуле", post_kind=VettingRequest.Post.STAFF, post="Бас маман")
    client = client_for("isd_head")
    rows = client.get(reverse("internal_security:vetting-list"), {"post_kind": "staff"}).context["vettings"]
    assert [row.candidate for row in rows] == ["Әлиева Сәуле"]
    response = client.get(reverse("internal_security:vetting-export"), {"text": "Серікбаев"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [CANDIDATE]
    officer_rows = client_for("isd_officer2").get(reverse("internal_security:vetting-list")).context["vettings"]
    assert list(officer_rows) == []  # assigned to neither


@pytest.mark.parametrize("name", ["vetting-list", "vetting-create", "vetting-export"])
def test_the_registers_pages_are_404_to_outsiders(name, people, client_for):
    for username in ("ir_head", "ca_deputy", "sysadmin", "legal_officer", "hr_keeper"):
        assert client_for(username).get(reverse(f"internal_security:{name}")).status_code == 404, username


def test_a_vetting_is_in_the_work_of_each_officer_assigned_until_it_concludes(people, client_for):
    vetting = a_vetting(people, officers=("isd_officer", "isd_officer2"))
    for username in ("isd_officer", "isd_officer2"):
        assert vetting.get_absolute_url() in panel(client_for(username).get(reverse("core:home")), "internal_security")
    assert vetting.get_absolute_url() not in client_for("isd_deputy").get(reverse("core:home")).content.decode()
