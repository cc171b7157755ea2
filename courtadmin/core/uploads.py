"""Uploads: the one list of what may be uploaded, and the checks every upload passes (ASVS 5.2).

A file is accepted only when its extension is listed, its size is within the kind's limit
and its first bytes are what that kind of file starts with; a renamed program is refused.
The name the user gave is kept as a label only; the file is stored under a random name.
"""

import hashlib
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

MB = 1024 * 1024
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class UploadKind:
    extension: str
    content_type: str
    max_size: int
    check: str  # how the content is recognised: see _content_matches


UPLOAD_KINDS = {
    kind.extension: kind
    for kind in (
        UploadKind("pdf", "application/pdf", 50 * MB, "pdf"),
        UploadKind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 25 * MB, "docx"),
        UploadKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 25 * MB, "xlsx"),
        UploadKind("odt", "application/vnd.oasis.opendocument.text", 25 * MB, "odt"),
        UploadKind("ods", "application/vnd.oasis.opendocument.spreadsheet", 25 * MB, "ods"),
        UploadKind("doc", "application/msword", 25 * MB, "ole2"),
        UploadKind("xls", "application/vnd.ms-excel", 25 * MB, "ole2"),
        UploadKind("rtf", "application/rtf", 25 * MB, "rtf"),
        UploadKind("jpg", "image/jpeg", 15 * MB, "jpeg"),
        UploadKind("jpeg", "image/jpeg", 15 * MB, "jpeg"),
        UploadKind("png", "image/png", 15 * MB, "png"),
    )
}

_MAGIC = {"pdf": b"%PDF-", "rtf": b"{\\rtf", "jpeg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n", "ole2": OLE2}
# The main part an Office Open XML package of each kind declares in [Content_Types].xml.
_OOXML_MAIN = {
    "docx": b"wordprocessingml.document.main+xml",
    "xlsx": b"spreadsheetml.sheet.main+xml",
}
_ODF_MIMETYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def safe_display_name(name: str) -> str:
    """The user's file name as a label: no folders, no control characters, at most 200 characters."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C").strip(" .")
    if len(name) > 200:
        stem, dot, extension = name.rpartition(".")
        name = f"{stem[: 199 - len(extension)]}.{extension}" if dot and len(extension) <= 10 else name[:200]
    return name or "file"


def extension_of(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def _content_matches(kind: UploadKind, head: bytes, upload) -> bool:
    if kind.check in _MAGIC:
        return head.startswith(_MAGIC[kind.check])
    if not head.startswith(b"PK\x03\x04"):
        return False
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
            if kind.check in _ODF_MIMETYPE:
                return "mimetype" in names and package.read("mimetype").strip() == _ODF_MIMETYPE[kind.check]
            # A macro-enabled document renamed to .docx/.xlsx carries a VBA project: refused.
            if "[Content_Types].xml" not in names or any(name.lower().endswith("vbaproject.bin") for name in names):
                return False
            return _OOXML_MAIN[kind.check] in package.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    finally:
        upload.seek(0)


def validate_upload(upload) -> UploadKind:
    """The kind of an uploaded file, or a ValidationError that says what is wrong with it."""
    name = safe_display_name(upload.name)
    kind = UPLOAD_KINDS.get(extension_of(name))
    if kind is None:
        allowed = ", ".join(sorted(UPLOAD_KINDS))
        raise ValidationError(
            _("Files of this type cannot be uploaded. Allowed: %(allowed)s.") % {"allowed": allowed},
            code="upload_type",
        )
    if upload.size > kind.max_size:
        raise ValidationError(
            _("The file is too large: at most %(limit)s for this type.") % {"limit": filesizeformat(kind.max_size)},
            code="upload_size",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="upload_empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not _content_matches(kind, head, upload):
        raise ValidationError(
            _("The content of the file is not a %(type)s file, whatever its name says.")
            % {"type": kind.extension.upper()},
            code="upload_content",
        )
    return kind


def private_upload_path(instance, filename: str) -> str:
    """Where a file is stored: a random name under the year and month. The user's name for
    it is never part of the path."""
    return f"private/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension_of(filename) or 'bin'}"


def accepted_upload_fields(upload, field: str = "file") -> dict:
    """The fields of a StoredFile for an upload that passes validate_upload; a refusal is
    raised on the form's `field`, so it shows beside it."""
    try:
        kind = validate_upload(upload)
    except ValidationError as error:
        raise ValidationError({field: error.error_list}) from error
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return {
        "file": upload,
        "original_name": safe_display_name(upload.name),
        "content_type": kind.content_type,
        "size": upload.size,
        "sha256": digest.hexdigest(),
    }
