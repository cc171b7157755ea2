"""Decompression bombs (ASVS 5.2.3; the security issue's first finding): every upload check
bounds what it reads, so a bomb of each kind (zip, docx, xlsx, a package of too many members,
a PDF with a huge stream) is refused before it is inflated: under a memory limit of 100 MB
above what the process holds, on the public /verify/ page, on a complaint's attachment and
on the court import. (The time each refusal takes is the `upload_bombs` benchmark.)"""

import subprocess
import sys
import textwrap

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courtadmin.core import uploads
from internal_security.demo import load_demo_complaints
from internal_security.models import Complaint, ComplaintAttachment
from tests.core.bombs import BOMBS

MEMORY_LIMIT = 100 * 1024 * 1024

# Run in a process of its own whose address space may grow by MEMORY_LIMIT at most once the
# portal is loaded: a check that inflated a bomb would die of MemoryError.
CHECK_UNDER_A_LIMIT = textwrap.dedent(
    """
    import os, resource, sys
    import django
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "courtadmin.settings")
    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files import File
    from courtadmin.core.uploads import validate_upload

    status = open("/proc/self/status").read()
    size = int(next(line for line in status.splitlines() if line.startswith("VmSize")).split()[1]) * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size + int(sys.argv[1]), size + int(sys.argv[1])))
    for path in sys.argv[2:]:
        with open(path, "rb") as handle:
            try:
                validate_upload(File(handle, name=os.path.basename(path)))
                print(os.path.basename(path), "accepted")
            except ValidationError as error:
                print(os.path.basename(path), error.code)
    """
)


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bombs")
    return {kind: build(folder) for kind, build in BOMBS.items()}


def test_each_bomb_is_refused_under_a_memory_limit_and_a_sound_file_still_passes(bombs, tmp_path):
    sound = tmp_path / "sound.docx"
    sound.write_bytes(TestPages.docx())
    paths = [str(path) for path in bombs.values()] + [str(sound)]
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", CHECK_UNDER_A_LIMIT, str(MEMORY_LIMIT), *paths],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    verdicts = dict(line.split() for line in result.stdout.splitlines())
    assert verdicts == {
        "zip-bomb.docx": "upload_bomb",
        "bomb.docx": "upload_bomb",
        "bomb.xlsx": "upload_bomb",
        "members.docx": "upload_bomb",
        "bomb.pdf": "upload_bomb",
        "sound.docx": "accepted",
    }


def test_the_limit_is_real_an_unbounded_read_of_the_same_bomb_dies_under_it(bombs):
    """The control: reading the docx bomb's part whole, as the checks did before, fails
    under the same limit (so the test above could fail)."""
    unbounded = CHECK_UNDER_A_LIMIT.replace(
        "validate_upload(File(handle, name=os.path.basename(path)))",
        "__import__('zipfile').ZipFile(handle).read('[Content_Types].xml')",
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", unbounded, str(MEMORY_LIMIT), str(bombs["docx"])],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "MemoryError" in result.stderr


def test_a_member_is_read_up_to_its_cap_and_no_further(bombs, monkeypatch):
    """The sizes and ratios declared refuse a bomb first; were they lifted, a member is
    still read no further than its cap (zipfile inflates no more than is asked)."""
    with open(bombs["zip"], "rb") as handle, pytest.raises(uploads.UploadRefused):
        uploads.open_package(handle)
    monkeypatch.setattr(uploads, "ZIP_MAX_RATIO", 10**6)
    monkeypatch.setattr(uploads, "ZIP_MAX_UNPACKED", 10**12)
    with open(bombs["zip"], "rb") as handle, uploads.open_package(handle) as package:
        assert uploads.read_member(package, "[Content_Types].xml").startswith(b"<Types>")
        with pytest.raises(uploads.UploadRefused):
            uploads.read_member(package, "word/document.xml")


class TestPages:
    @staticmethod
    def docx() -> bytes:
        import io
        import zipfile

        from tests.core.bombs import WORD_TYPES

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
            package.writestr("[Content_Types].xml", WORD_TYPES)
            package.writestr("word/document.xml", b"<w:document>" + b"text " * 20000 + b"</w:document>")
        return buffer.getvalue()

    def test_the_public_verify_page_takes_a_pdf_alone_and_refuses_a_pdf_bomb(self, client, bombs):
        """Signed in or not: a .docx is refused by its name before a byte is read; a PDF bomb
        is refused beside the field; never a 500."""
        for kind, code in (("docx", "upload_type"), ("xlsx", "upload_type"), ("pdf", "upload_bomb")):
            data = bombs[kind].read_bytes()
            response = client.post(reverse("verify:check"), {"file": SimpleUploadedFile(bombs[kind].name, data)})
            assert response.status_code == 200
            assert [error.code for error in response.context["form"].errors.as_data()["file"]] == [code]

    def test_the_verify_page_refuses_a_pdf_over_its_cap_before_reading_it(self, client):
        big = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * (20 * 1024 * 1024))
        response = client.post(reverse("verify:check"), {"file": big})
        assert [error.code for error in response.context["form"].errors.as_data()["file"]] == ["upload_size"]

    @pytest.mark.parametrize("kind", ["zip", "docx", "xlsx", "pdf"])
    def test_a_bomb_attached_to_a_complaint_is_refused_and_not_stored(self, client_for, people, bombs, kind):
        load_demo_complaints(people)
        complaint = Complaint.objects.order_by("pk").first()
        url = reverse("internal_security:complaint-file-add", args=[complaint.pk])
        upload = SimpleUploadedFile(bombs[kind].name, bombs[kind].read_bytes())
        response = client_for("isd_head").post(url, {"file": upload})
        assert response.status_code == 200
        assert [error.code for error in response.context["attachment_form"].errors.as_data()["file"]] == ["upload_bomb"]
        assert not ComplaintAttachment.objects.exists()

    def test_a_workbook_bomb_is_refused_by_the_court_import(self, client_for, bombs):
        upload = SimpleUploadedFile("courts.xlsx", bombs["xlsx"].read_bytes())
        response = client_for("ir_officer").post(reverse("international:catalog-import"), {"file": upload})
        assert response.status_code == 200
        assert "upload_bomb" in {error.code for error in response.context["form"].errors.as_data()["file"]}
