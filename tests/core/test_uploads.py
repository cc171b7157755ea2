"""Uploads (issue 3.5): listed types and sizes, content checked against the extension, the
user's file name never a path, downloads only through a view that checks access."""

import io
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courtadmin.core import uploads
from internal_security.demo import load_demo_complaints
from internal_security.models import Complaint, ComplaintAttachment

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def ooxml(main_type: bytes, extra: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(
            "[Content_Types].xml", b'<Types><Override ContentType="application/' + main_type + b'"/></Types>'
        )
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return buffer.getvalue()


DOCX = ooxml(b"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")


@pytest.fixture
def complaint(people):
    load_demo_complaints(people)
    return Complaint.objects.order_by("pk").first()


def upload(client, complaint, name, data):
    url = reverse("internal_security:complaint-file-add", args=[complaint.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def test_a_renamed_executable_is_refused_beside_the_field_and_nothing_is_stored(client_for, complaint, tmp_path):
    response = upload(client_for("isd_head"), complaint, "decision.pdf", EXECUTABLE)
    assert response.status_code == 200
    errors = response.context["attachment_form"].errors.as_data()["file"]
    assert [error.code for error in errors] == ["upload_content"]
    assert 'aria-invalid="true"' in response.content.decode()
    assert not ComplaintAttachment.objects.exists()
    assert not any(path.is_file() for path in tmp_path.rglob("*"))


@pytest.mark.parametrize(
    ("name", "data", "accepted"),
    [
        ("appeal.pdf", PDF, True),
        ("appeal.PDF", PDF, True),
        ("appeal.docx", DOCX, True),
        ("appeal.exe", EXECUTABLE, False),  # type not on the list
        ("appeal.docx", PDF, False),  # content of another type
        ("appeal.xlsx", DOCX, False),  # an Office package of the wrong kind
        ("macro.docx", ooxml(b"vnd.ms-word.document.macroEnabled.main+xml"), False),
        ("macro.docx", DOCX[:0] + ooxml(b"x.wordprocessingml.document.main+xml", {"word/vbaProject.bin": b"x"}), False),
        ("empty.pdf", b"", False),
        ("no-extension", PDF, False),
    ],
)
def test_content_must_match_the_extension(name, data, accepted):
    candidate = SimpleUploadedFile(name, data)
    if accepted:
        assert uploads.validate_upload(candidate).extension == name.rsplit(".", 1)[1].lower()
    else:
        with pytest.raises(uploads.ValidationError):
            uploads.validate_upload(candidate)


def test_a_file_over_its_kinds_limit_is_refused(monkeypatch):
    monkeypatch.setitem(uploads.UPLOAD_KINDS, "pdf", uploads.UploadKind("pdf", "application/pdf", 10, "pdf"))
    with pytest.raises(uploads.ValidationError) as refused:
        uploads.validate_upload(SimpleUploadedFile("big.pdf", PDF))
    assert refused.value.code == "upload_size"


def test_the_users_file_name_is_a_label_never_a_path(client_for, complaint):
    upload(client_for("isd_head"), complaint, "../../etc/жалоба\x00.pdf", PDF)
    attachment = ComplaintAttachment.objects.get()
    assert attachment.original_name == "жалоба.pdf"
    assert ".." not in attachment.file.name and "жалоба" not in attachment.file.name
    assert attachment.file.name.startswith("private/")
    assert default_storage.exists(attachment.file.name)


def test_download_goes_through_the_access_check_with_a_safe_disposition(client_for, complaint):
    upload(client_for("isd_head"), complaint, 'Шағым "1".pdf', PDF)
    attachment = ComplaintAttachment.objects.get()
    url = reverse("internal_security:complaint-file-download", args=[complaint.pk, attachment.pk])

    response = client_for("isd_head").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response.headers["Content-Type"] == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''" in disposition and '"' not in disposition.split("filename*=")[1]
    assert response.headers["X-Content-Type-Options"] == "nosniff"

    assert client_for("ir_head").get(url).status_code == 404
    assert client_for("sysadmin").get(url).status_code == 404
    # No URL serves the storage itself.
    for public in (f"/{attachment.file.name}", f"/media/{attachment.file.name}"):
        assert client_for("isd_head").get(public).status_code == 404
