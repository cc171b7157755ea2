"""`manage.py generate_load` (issue 9), at a small size: CI keeps it working. PostgreSQL."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F, Q
from django.utils import timezone

from courtadmin.audit.models import AuditEvent
from courtadmin.audit.services import audit_verify
from courtadmin.deadlines.models import Deadline
from internal_security.models import Complaint, ComplaintGrant, CriminalCase, Investigation, RegistrationCounter
from international.models import Delegation, LegalAssistanceRequest, Trip

SIZES = {
    "requests": 400,
    "trips": 60,
    "delegations": 60,
    "complaints": 400,
    "investigations": 50,
    "cases": 50,
    "grants": 120,
    "deadlines": 200,
}

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="generate_load needs PostgreSQL (set DATABASE_URL)"
)


def generate(**sizes) -> str:
    output = StringIO()
    call_command("generate_load", stdout=output, **sizes)
    return output.getvalue()


@needs_postgres
def test_it_writes_each_kind_over_ten_years_with_the_audit_chain_intact(people):
    generate(**SIZES)
    requests, complaints = LegalAssistanceRequest.objects.all(), Complaint.objects.all()
    counted = {
        "requests": requests.count(),
        "trips": Trip.objects.count(),
        "delegations": Delegation.objects.count(),
        "complaints": complaints.count(),
        "investigations": Investigation.objects.count(),
        "cases": CriminalCase.objects.count(),
    }
    assert counted == {kind: SIZES[kind] for kind in counted}
    assert 100 <= ComplaintGrant.objects.count() <= SIZES["grants"]
    assert Deadline.objects.filter(kind="isd.appeal", state="open", legal_basis="АППК art. 76").count() >= 200

    # Realistic spreads: many states, countries, regions; ten years of dates.
    assert requests.values("status").distinct().count() >= 10
    assert requests.values("country").distinct().count() >= 20
    assert complaints.values("region").distinct().count() == 20
    assert complaints.values("status").distinct().count() >= 4
    today = timezone.localdate()
    oldest = requests.order_by("received_on").first().received_on
    assert today - timedelta(days=3653) <= oldest < today - timedelta(days=3600)
    assert Deadline.objects.filter(kind="ir.rogatory_execution", state__in=Deadline.ACTIVE).exists()
    assert complaints.filter(term_kept=True).exists() and complaints.filter(term_kept=False).exists()

    # The audit log as the services fill it: one registration per record, the chain intact.
    assert AuditEvent.objects.filter(action="ir.request.registered").count() == SIZES["requests"]
    assert AuditEvent.objects.filter(action="isd.complaint.registered", department="ISD").count() == 400
    checked, broken, _why = audit_verify()
    assert broken is None and checked == AuditEvent.objects.count()


@needs_postgres
def test_a_second_run_adds_to_what_is_there_and_numbers_stay_unique(people):
    generate(requests=50, complaints=50)
    generate(requests=50, complaints=50)
    requests = LegalAssistanceRequest.objects.all()
    assert requests.count() == 100
    assert requests.values("registration_number").distinct().count() == 100
    assert Complaint.objects.values("number").distinct().count() == 100
    year = timezone.localdate().year
    counter = RegistrationCounter.objects.get(series="ІҚБ", year=year)
    numbers = Complaint.objects.filter(number__startswith=f"ІҚБ-{year}-").values_list("number", flat=True)
    assert counter.last_number == max(int(number.rsplit("-", 1)[1]) for number in numbers)
    assert audit_verify()[1] is None


def test_it_says_what_it_needs():
    if connection.vendor == "postgresql":
        with pytest.raises(CommandError, match="how many"):
            generate()
    else:
        with pytest.raises(CommandError, match="PostgreSQL"):
            generate(requests=10)


@needs_postgres
def test_running_terms_go_to_complaints_that_run_none_and_never_two_on_one(people):
    generate(complaints=50)
    output = generate(deadlines=100)
    running = Deadline.objects.filter(kind="isd.appeal", state__in=Deadline.ACTIVE)
    assert running.count() == 50  # one a complaint, and no more complaints to give one to
    assert running.values("record_id").distinct().count() == 50
    assert "every complaint runs one now" in output


@needs_postgres
def test_letters_and_instructions_follow_each_departments_register_without_a_gap(people):
    """Issue 20's loads (`--letters`, `--instructions`): numbered per department and year after
    what the registers hold, their counters at the last number, the running terms on their lead
    executors, one audit event each, the chain intact."""
    from courtadmin.core.models import RegisterCounter
    from courtadmin.correspondence.models import IncomingLetter
    from courtadmin.instructions.models import Instruction

    generate(letters=300, instructions=200)
    generate(letters=100, instructions=50)
    for model, register, count in (
        (IncomingLetter, "correspondence.incoming", 400),
        (Instruction, "instructions", 250),
    ):
        records = model.objects.all()
        assert records.count() == count
        assert records.values("department").distinct().count() == 2
        for department, year in records.values_list("department", "year").distinct():
            numbers = sorted(records.filter(department=department, year=year).values_list("number", flat=True))
            assert numbers == list(range(1, len(numbers) + 1)), (model, department, year)
            counter = RegisterCounter.objects.get(register=register, department=department, year=year)
            assert counter.last_number == numbers[-1]
    # Every letter and instruction still running has its term, and only those.
    for model, kinds, running in (
        (IncomingLetter, ["ir.letter", "isd.letter"], ["on_execution"]),
        (Instruction, ["ir.instruction", "isd.instruction"], ["on_execution", "returned"]),
    ):
        terms = Deadline.objects.filter(kind__in=kinds, state__in=Deadline.ACTIVE)
        assert terms.count() == model.objects.filter(status__in=running).count() > 0, model
    assert AuditEvent.objects.filter(action="correspondence.letter.registered").count() == 400
    assert AuditEvent.objects.filter(action="instructions.instruction.give").count() == 250
    assert audit_verify()[1] is None


@needs_postgres
def test_documents_and_requests_follow_each_departments_register_without_a_gap(people, client):
    """Issue 20's outgoing journal and requests (`--documents`, `--datarequests`): numbered per
    department and year after what the registers hold, their counters at the last number; each
    document signed, dispatched or waiting as its fields say, in the IR officer's journal and
    never in an ISD officer's; each request's fields as its status says, one open term on
    each still running; one audit event each, the chain intact."""
    from courtadmin.core.models import RegisterCounter
    from courtadmin.correspondence.selectors import outgoing_register
    from courtadmin.datarequests.models import DataRequest
    from courtadmin.documents.models import Document, DocumentVersion, Signature

    generate(documents=300, datarequests=3000)
    generate(documents=100, datarequests=200)
    for model, register, count in ((Document, "documents.outgoing", 400), (DataRequest, "datarequests", 3200)):
        records = model.objects.all()
        assert records.count() == count
        assert records.values("department").distinct().count() == 2
        numbered = records.filter(number__isnull=False)
        for department, year in numbered.values_list("department", "year").distinct():
            numbers = sorted(numbered.filter(department=department, year=year).values_list("number", flat=True))
            assert numbers == list(range(1, len(numbers) + 1)), (model, department, year)
            counter = RegisterCounter.objects.get(register=register, department=department, year=year)
            assert counter.last_number == numbers[-1]

    # Documents: each signed and registered, its signature by the post that signs it, its versions.
    documents = Document.objects.all()
    assert documents.filter(status__in=["signed", "sent"], number__isnull=False).count() == 400
    assert not documents.filter(status="sent", sent_on__isnull=True).exists()
    assert not documents.filter(status="sent", channel="").exists()
    assert not documents.filter(status="signed", sent_on__isnull=False).exists()
    assert documents.filter(department="IR", registration_number__regex=r"^IR-\d+/\d{4}$").count() == (
        documents.filter(department="IR").count()
    )
    assert Signature.objects.filter(document__in=documents).count() == 400
    assert not Signature.objects.exclude(signed_at=F("document__registered_at")).exists()
    assert DocumentVersion.objects.count() == 800
    assert documents.values("kind").distinct().count() >= 10
    ir_officer, isd_officer = people["ir_officer"].user, people["isd_officer2"].user
    journal = outgoing_register(ir_officer)
    assert journal.count() == documents.filter(department="IR").count()
    assert not outgoing_register(isd_officer).filter(department="IR").exists()
    assert set(outgoing_register(isd_officer).values_list("author_id", flat=True)) == {isd_officer.pk}
    client.force_login(ir_officer)
    page = client.get("/correspondence/outgoing/")
    assert page.status_code == 200
    newest = journal.first()
    assert newest.registration_number in page.content.decode()

    # Requests: every status, the fields each status implies, one open term each still running.
    requests = DataRequest.objects.all()
    assert set(requests.values_list("status", flat=True)) == {"draft", "sent", "returned", "answered", "accepted"}
    drafts = requests.filter(status="draft")
    assert not drafts.exclude(number=None, due_on=None, sent_at=None, registration_number="").exists()
    sent = requests.exclude(status="draft")
    assert not sent.filter(Q(due_on=None) | Q(sent_at=None) | Q(sent_by=None) | Q(sent_capacity_ru="")).exists()
    answered = requests.filter(status__in=["answered", "returned", "accepted"])
    assert not answered.filter(Q(answered_on=None) | Q(answer="")).exists()
    assert not requests.filter(status="accepted").filter(Q(term_kept=None) | Q(accepted_by=None)).exists()
    assert requests.filter(term_kept=True).exists() and requests.filter(term_kept=False).exists()
    assert not requests.filter(status="returned", return_reason="").exists()
    running = requests.filter(status__in=["sent", "returned", "answered"])
    terms = Deadline.objects.filter(kind__in=["ir.datarequest", "isd.datarequest"], state__in=Deadline.ACTIVE)
    assert terms.count() == running.count() > 0
    assert set(terms.values_list("record_id", flat=True)) == {str(pk) for pk in running.values_list("pk", flat=True)}
    assert not terms.exclude(due_on__in=running.values("due_on")).exists()
    assert not sent.filter(unit__department="ISD", department="IR").exists()  # ISD 7: the IR asks no ISD unit
    court = people["court_almaty"].user
    client.force_login(court)
    assert client.get("/requests/to-us/").status_code == 200

    assert AuditEvent.objects.filter(action="document.sign").count() == 400
    assert AuditEvent.objects.filter(
        action__in=["datarequests.request.send", "datarequests.request.created"]
    ).count() == (3200)
    assert audit_verify()[1] is None


@needs_postgres
def test_it_writes_threats_and_incidents_over_every_region_and_kind_with_their_grants(people):
    """The incident register's bench data (ISD 6.1): every kind, the 20 regions, the last
    month's being dealt with and the older ones closed; one in a thousand granted to isd_officer."""
    from internal_security.models import IncidentGrant, SecurityIncident

    generate(incidents=3000)
    incidents = SecurityIncident.objects.all()
    assert incidents.count() == 3000
    assert incidents.values("kind").distinct().count() == 5
    assert incidents.values("region").distinct().count() == 20
    today = timezone.localdate()
    assert not incidents.filter(status="open", occurred_on__lt=today - timedelta(days=30)).exists()
    assert incidents.filter(status="closed").count() > 2900
    grants = IncidentGrant.objects.filter(user=people["isd_officer"].user)
    ids = list(incidents.values_list("pk", flat=True))
    assert grants.count() == sum(1 for pk in ids if pk % 1000 == 0) >= 2
    assert AuditEvent.objects.filter(action="isd.incident.registered").count() == 3000
    assert audit_verify()[1] is None
