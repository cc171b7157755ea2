"""International documents (issue 22, item 3; IR 7.2, 7.10): a memorandum drafted in versions,
commented on by subdivisions by a term, approved through a signed document of the IR, signed
with its term of validity, reminded before it lapses, prolonged or ended; a draft treaty
agreed."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courtadmin.deadlines.calendar import WorkingCalendar
from courtadmin.deadlines.models import Deadline, Reminder
from courtadmin.deadlines.services import reminders_scan
from courtadmin.documents import services as documents
from courtadmin.org.models import Unit
from international.models import Agreement, Comment, Partner
from international.selectors import agreements as selectors
from international.services import agreements as services
from tests.conftest import DEMO_TEST_PASSWORD, page_queries, refusal_codes
from tests.documents.conftest import approved, second_factor_code

from .test_partners import partner

pytestmark = pytest.mark.time_machine(date(2026, 12, 7))

A = Agreement.Status


def text(name="memorandum-v1.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.7\n%text\n", content_type="application/pdf")


def drafted(officer, kind=Agreement.Kind.MEMORANDUM) -> Agreement:
    record = Agreement(
        kind=kind,
        title="Қазақстан Жоғарғы Соты мен Түркия Кассациялық соты арасындағы өзара түсіністік туралы меморандум",
        partner=Partner.objects.first() or partner(officer),
        officer=officer,
    )
    agreement = services.agreement_save(actor=officer, agreement=record)
    services.version_add(actor=officer, agreement=agreement, upload=text(), note="Бірінші жоба")
    return agreement


def signed_by_the_head(document, users):
    """The IR head signs a document on its route (IR 13)."""
    head = users["ir_head"]
    return documents.document_sign(
        document=document, actor=head, password=DEMO_TEST_PASSWORD, code=second_factor_code(head)
    )


def signed_document(users):
    return signed_by_the_head(approved(users["ir_officer"]), users)


def test_a_memorandum_is_commented_approved_signed_and_reminded_before_it_lapses_ir_7_10(users, client_for, signing):
    officer = users["ir_officer"]
    agreement = drafted(officer)
    legal, analytics = Unit.objects.get(code="legal"), Unit.objects.get(code="analytics")
    services.agreement_move(
        agreement=agreement, move="consult", actor=officer, units=[legal, analytics], due_on=date(2026, 12, 14)
    )
    assert agreement.status == A.CONSULTATION and agreement.comments.count() == 2
    assert Deadline.objects.filter(kind=services.COMMENT_TERM, state=Deadline.State.OPEN).count() == 2

    # The legal department reads the draft and gives its comments through the page.
    client = client_for("legal_officer")
    page = client.get(agreement.get_absolute_url())
    assert page.status_code == 200
    assert [comment.unit for comment, _moves in page.context["comments"]] == [legal]  # its own only
    version = agreement.versions.get()
    assert (
        client.get(reverse("international:agreement-file-download", args=[agreement.pk, version.pk])).status_code == 200
    )
    comment = agreement.comments.get(unit=legal)
    response = client.post(
        reverse("international:comment-move", args=[comment.pk, "comment"]),
        {"text": "3-баптағы «тараптар» сөзін нақтылау ұсынылады."},
    )
    assert response.status_code == 302
    # The route waits for every subdivision asked.
    document = signed_document(users)
    assert refusal_codes(
        services.agreement_move, agreement=agreement, move="submit", actor=officer, document=document
    ) == {"awaited"}
    services.comment_move(
        comment=agreement.comments.get(unit=analytics), move="comment", actor=users["analyst"], text="Ескерту жоқ."
    )
    services.version_add(
        actor=officer, agreement=agreement, upload=text("memorandum-v2.pdf"), note="Ескертулер ескерілді"
    )
    page = client_for("ir_officer").get(agreement.get_absolute_url())
    form = {move.name: form for move, form in page.context["moves"]}["submit"]
    assert document in form.fields["document"].queryset  # the choice is a queryset a post is checked against
    response = client_for("ir_officer").post(
        reverse("international:agreement-move", args=[agreement.pk, "submit"]), {"submit-document": document.pk}
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.document) == (A.APPROVAL, document)

    services.agreement_move(
        agreement=agreement,
        move="sign",
        actor=officer,
        file=text("memorandum-signed.pdf"),
        signed_on=date(2026, 12, 4),
        valid_until=date(2027, 12, 3),
    )
    agreement.refresh_from_db()
    assert agreement.status == A.SIGNED and agreement.versions.get(signed=True).number == 3
    term = Deadline.objects.get(kind=services.VALIDITY_TERM, record_id=str(agreement.pk))
    assert (term.due_on, term.responsible) == (date(2027, 12, 3), officer)

    # Reminded before it lapses: 60, 20 and 5 working days ahead, to the responsible officer.
    with time_machine.travel(date(2027, 10, 1)):
        assert agreement in selectors.ending_soon()
    calendar = WorkingCalendar()
    for days in (60, 20, 5):
        day = next(
            day
            for day in (date(2027, 8, 1) + timedelta(n) for n in range(130))
            if calendar.add_working_days(day, days) == term.due_on
        )
        reminders_scan(day)
    before = Reminder.objects.filter(deadline=term, key__startswith="before:")
    assert {reminder.key for reminder in before} == {"before:60", "before:20", "before:5"}
    assert {reminder.recipient for reminder in before} == {officer}

    # Prolonged by a protocol: the old term closed, a new one running to the new end.
    services.agreement_move(
        agreement=agreement, move="prolong", actor=officer, valid_until=date(2029, 12, 4), reason="Хаттама № 2"
    )
    assert Deadline.objects.get(kind=services.VALIDITY_TERM, record_id=str(agreement.pk), state="open").due_on == date(
        2029, 12, 4
    )
    assert refusal_codes(
        services.agreement_move,
        agreement=agreement,
        move="prolong",
        actor=officer,
        valid_until=date(2028, 1, 1),
        reason="x",
    ) == {"not_later"}


def test_signing_waits_for_the_signed_approval_and_a_treaty_draft_is_agreed_not_signed_ir_7_2(users, signing):
    officer = users["ir_officer"]
    memorandum = drafted(officer)
    unsigned = approved(officer)
    services.agreement_move(agreement=memorandum, move="submit", actor=officer, document=unsigned)
    assert refusal_codes(
        services.agreement_move,
        agreement=memorandum,
        move="sign",
        actor=officer,
        file=text(),
        signed_on=date(2026, 12, 4),
    ) == {"not_approved"}
    treaty = drafted(officer, kind=Agreement.Kind.TREATY_DRAFT)
    services.agreement_move(agreement=treaty, move="submit", actor=officer, document=signed_document(users))
    assert refusal_codes(
        services.agreement_move, agreement=treaty, move="sign", actor=officer, file=text(), signed_on=date(2026, 12, 4)
    ) == {"forbidden_move"}
    services.agreement_move(agreement=treaty, move="agree", actor=officer)
    treaty.refresh_from_db()
    assert treaty.status == A.AGREED and treaty.valid_until is None


def test_a_subdivision_asked_reads_that_draft_alone_and_outsiders_get_404(users, client_for):
    officer = users["ir_officer"]
    agreement = drafted(officer)
    other = drafted(officer)
    services.agreement_move(
        agreement=agreement,
        move="consult",
        actor=officer,
        units=[Unit.objects.get(code="legal")],
        due_on=date(2026, 12, 14),
    )
    assert set(selectors.agreements_visible_to(users["legal_officer"])) == {agreement}
    client = client_for("legal_officer")
    assert list(client.get(reverse("international:agreement-list")).context["page"].object_list) == [agreement]
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.get(agreement.partner.get_absolute_url()).status_code == 404
    comment = Comment.objects.get(agreement=agreement)
    # Another subdivision may not comment in its place.
    assert (
        client_for("analyst").post(reverse("international:comment-move", args=[comment.pk, "comment"])).status_code
        == 404
    )
    for username in ("analyst", "isd_officer", "court_almaty", "sysadmin"):
        assert client_for(username).get(agreement.get_absolute_url()).status_code == 404, username


def test_the_pages_cost_the_same_for_one_version_and_for_twenty(users, client_for):
    officer = users["ir_officer"]
    agreement = drafted(officer)
    client = client_for("ir_officer")
    urls = [reverse("international:agreement-list"), agreement.get_absolute_url()]
    few = [page_queries(client, url) for url in urls]
    for n in range(19):
        services.version_add(actor=officer, agreement=agreement, upload=text(f"v{n}.pdf"), note="")
        drafted(officer)
    assert [page_queries(client, url) for url in urls] == few
