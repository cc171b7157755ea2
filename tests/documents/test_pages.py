"""Document pages: create with errors beside the fields, the sign page with password and
code, the journal with filters and its XLSX export, query budgets."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courtadmin.documents import services
from courtadmin.documents.models import Document, DocumentAttachment
from courtadmin.documents.workflow import SigningConfirmation
from tests.conftest import DEMO_TEST_PASSWORD
from tests.documents.conftest import approved, draft, second_factor_code


def test_a_draft_with_an_empty_kazakh_text_keeps_what_was_typed(client_for):
    client = client_for("ir_officer")
    response = client.post(
        reverse("documents:document-create"),
        {"kind": "ir.outgoing_letter", "subject": "Хат", "addressee": "МИД", "marking": "ordinary", "text_ru": "Текст"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["text_kk"]
    assert form["text_ru"].value() == "Текст"
    assert not Document.objects.exists()


def test_a_user_drafts_only_the_kinds_of_his_departments(client_for):
    form = client_for("ir_officer").get(reverse("documents:document-create")).context["form"]
    assert {code for code, _label in form.fields["kind"].choices} == {
        "ir.outgoing_letter",
        "ir.rogatory_cover_letter",
        "ir.application_answer",
        "ir.report_to_chairman",
        "ir.chairman_letter",  # IR 7.20: prepared by the IR, signed by the Chairman
        "ir.ca_head_letter",
        "ir.state_body_letter",
        "ir.proposal",
        "ir.protocol_guidance",
        "ir.methodological_letter",
    }


def test_the_head_signs_from_the_sign_page_with_password_and_code(client_for, signing):
    document = approved(signing["ir_officer"].user)
    client = client_for("ir_head")
    url = reverse("documents:document-sign", args=[document.pk])
    wrong = client.post(url, {"password": "not mine", "code": "123456"})
    assert wrong.context["form"].errors["password"]
    head = signing["ir_head"].user
    right = client.post(url, {"password": DEMO_TEST_PASSWORD, "code": second_factor_code(head)})
    assert right.status_code == 302
    document.refresh_from_db()
    assert document.status == Document.Status.SIGNED


@pytest.mark.parametrize("national", [False, True])
def test_the_sign_page_says_which_certificate_signs(client_for, signing, settings, national):
    """Without NCALayer (the demo's default) the page says the portal's certificate signs;
    with national signing enabled it offers the signer's own EDS (docs/signatures.md)."""
    settings.NATIONAL_SIGNING = national
    document = approved(signing["ir_officer"].user)
    html = client_for("ir_head").get(reverse("documents:document-sign", args=[document.pk])).content.decode()
    assert ('id="portal-ca-note"' in html) is not national
    assert ('id="sign-with-eds"' in html) is national


def test_an_attachment_that_is_not_what_its_name_says_is_refused(client_for, people):
    document = draft(people["ir_officer"].user)
    client = client_for("ir_officer")
    url = reverse("documents:document-attachment-add", args=[document.pk])
    response = client.post(url, {"file": SimpleUploadedFile("annex.pdf", b"MZ\x90\x00" + b"\x00" * 60)})
    assert not DocumentAttachment.objects.exists()
    assert response.status_code == 200  # the page again, the reason beside the file's field
    assert "PDF" in " ".join(response.context["file_form"].errors["file"])


def test_a_signed_document_has_no_edit_page(client_for, signing):
    document = approved(signing["ir_officer"].user)
    confirmation = SigningConfirmation(user_id=signing["ir_head"].user.pk, at=timezone.now())
    services.document_sign_confirmed(document=document, actor=signing["ir_head"].user, confirmation=confirmation)
    client = client_for("ir_officer")
    assert client.get(reverse("documents:document-update", args=[document.pk])).status_code == 404
    assert client.get(reverse("documents:document-route", args=[document.pk])).status_code == 404


def _signed(signing, count):
    documents = []
    for n in range(count):
        document = approved(signing["ir_officer"].user, subject=f"Хат {n}")
        confirmation = SigningConfirmation(user_id=signing["ir_head"].user.pk, at=timezone.now())
        services.document_sign_confirmed(document=document, actor=signing["ir_head"].user, confirmation=confirmation)
        documents.append(document)
    return documents


def test_the_journal_filters_and_exports_to_xlsx(client_for, signing):
    documents = _signed(signing, 3)
    client = client_for("ir_head")
    url = reverse("documents:journal", args=["IR"])
    page = client.get(url, {"text": "Хат 1"})
    assert [entry.pk for entry in page.context["entries"]] == [documents[1].pk]
    export = client.get(url, {"format": "xlsx"})
    assert export.headers["Content-Disposition"].startswith("attachment;")
    sheet = load_workbook(BytesIO(b"".join(export.streaming_content))).active
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers == [f"IR-{n}/{timezone.localdate().year}" for n in (3, 2, 1)]


@pytest.mark.parametrize("username", ["isd_head", "ir_officer"])
def test_the_journal_of_a_department_out_of_reach_is_not_found(client_for, username):
    other = "IR" if username == "isd_head" else "ISD"
    assert client_for(username).get(reverse("documents:journal", args=[other])).status_code == 404


@pytest.mark.parametrize("count", [2, 30])
def test_journal_and_list_cost_the_same_for_2_and_30_documents(client_for, signing, django_assert_num_queries, count):
    _signed(signing, count)
    client = client_for("ir_head")
    client.get("/")  # warm the session
    with django_assert_num_queries(CountOf.journal):
        assert client.get(reverse("documents:journal", args=["IR"])).status_code == 200
    # The list asks the authority module once per department and line of work (IR 13, ISD 15).
    with django_assert_num_queries(CountOf.document_list):
        assert client.get(reverse("documents:document-list")).status_code == 200


@pytest.mark.parametrize("steps", [1, 5])
def test_detail_costs_the_same_for_a_short_and_a_long_route(client_for, people, django_assert_num_queries, steps):
    route = [[person] for person in list(people.values())[:steps]]
    document = draft(people["ir_officer"].user, route=route)
    client = client_for("ir_officer")
    client.get(reverse("documents:document-detail", args=[document.pk]))  # warm the session
    with django_assert_num_queries(CountOf.detail):
        assert client.get(reverse("documents:document-detail", args=[document.pk])).status_code == 200


class CountOf:
    # + its history, its author's name, and the incoming letters it answers within reach (issue 20,
    # item 7), which first asks whether the reader's own letters are few (correspondence selectors)
    detail = 8 + 2 + 1 + 1
    journal = 4
    document_list = 14


@pytest.mark.parametrize("username", ["ir_officer", "ir_deputy_protocol"])
def test_the_sign_page_refuses_who_ir_13_does_not_name(client_for, signing, username):
    document = approved(signing["ir_officer"].user)
    user = signing[username].user
    code = second_factor_code(user) if username == "ir_deputy_protocol" else ""
    response = client_for(username).post(
        reverse("documents:document-sign", args=[document.pk]), {"password": DEMO_TEST_PASSWORD, "code": code}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    document.refresh_from_db()
    assert document.status == Document.Status.APPROVED


def test_an_attachment_over_its_size_limit_is_refused(client_for, people, monkeypatch):
    from courtadmin.core import uploads

    monkeypatch.setitem(uploads.UPLOAD_KINDS, "pdf", uploads.UploadKind("pdf", "application/pdf", 10, "pdf"))
    document = draft(people["ir_officer"].user)
    url = reverse("documents:document-attachment-add", args=[document.pk])
    client_for("ir_officer").post(url, {"file": SimpleUploadedFile("annex.pdf", b"%PDF-1.7\n" + b"0" * 100)})
    assert not DocumentAttachment.objects.exists()


def test_documents_are_not_in_the_admin():
    from django.contrib import admin

    assert not [model for model in admin.site._registry if model in {Document, DocumentAttachment}]


def test_a_return_without_its_reason_keeps_the_page_and_says_so_beside_the_field(client_for, people):
    """The working-day issue, item 6: the approver returns a letter and forgets to say why;
    the page comes back with the error beside the comment of the return's own panel (one id
    per field on the page: the approve and return panels have a comment each)."""
    from tests.documents.conftest import draft

    letter = draft(people["ir_officer"].user, route=[[people["ir_deputy_protocol"]]], subject="Хат")
    services.document_act(document=letter, move="submit", actor=people["ir_officer"].user)
    client = client_for("ir_deputy_protocol")
    page = client.post(reverse("documents:document-act", args=[letter.pk, "return"]), {"return-comment": "  "})
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="id_return-comment_error"' in html and 'id="id_approve-comment"' in html
    assert html.count('id="id_return-comment"') == 1 and html.count('id="id_approve-comment"') == 1
    letter.refresh_from_db()
    assert letter.status == Document.Status.ON_APPROVAL
    done = client.post(
        reverse("documents:document-act", args=[letter.pk, "return"]), {"return-comment": "Мерзімді көрсетіңіз"}
    )
    assert done.status_code == 302
    letter.refresh_from_db()
    assert letter.status == Document.Status.DRAFT
