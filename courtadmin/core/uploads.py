"""Uploads: the one list of what may be uploaded, and the checks every upload passes (ASVS 5.2).

A file is accepted only when its extension is listed, its size is within the kind's limit
and its first bytes are what that kind of file starts with; a renamed program is refused.
The name the user gave is kept as a label only; the file is stored under a random name.

No check unpacks more than it must, and each is bounded (ASVS 5.2.3): a package's central
directory is sized from its end record before it is read, its members are counted, their
declared sizes and compression ratios capped, and a member is read at most up to a small
limit; a PDF's compressed streams are inflated in slices, counted and stopped at a total and
at a ratio. A "bomb" is refused before it is inflated.
"""

import hashlib
import re
import struct
import unicodedata
import uuid
import zipfile
import zlib
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

# What a check may unpack of a package (.docx, .xlsx, .odt, .ods). A real document has tens of
# members, a large one a few thousand; a workbook's sheet may unpack to tens of megabytes, at
# ratios under 100 when it is large.
ZIP_MAX_MEMBERS = 5000
ZIP_MAX_DIRECTORY = 2 * MB  # the central directory, read whole by zipfile
ZIP_MAX_UNPACKED = 250 * MB  # the declared sizes of all members together
ZIP_MAX_RATIO = 100  # declared size over compressed size, for members above RATIO_FROM
RATIO_FROM = 1 * MB
ZIP_MAX_READ = 1 * MB  # what a check reads of one member ([Content_Types].xml, mimetype)
# A PDF's compressed streams, inflated to be counted: at most this much in all, and no stream
# inflating beyond RATIO_FROM at a ratio above PDF_MAX_RATIO.
PDF_MAX_INFLATED = 200 * MB
PDF_MAX_RATIO = 1000
_INFLATE_SLICE = 256 * 1024
_END_OF_DIRECTORY = b"PK\x05\x06"


class UploadRefused(ValueError):
    """What a bounded check found; turned into the ValidationError of the upload."""


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


def _directory_size(upload) -> tuple[int, int]:
    """(members, bytes) of a package's central directory, read from its end record alone."""
    upload.seek(0, 2)
    size = upload.tell()
    tail_length = min(size, 22 + 65535)  # the end record and the longest comment it may have
    upload.seek(size - tail_length)
    tail = upload.read(tail_length)
    at = tail.rfind(_END_OF_DIRECTORY)
    if at < 0 or len(tail) < at + 22:
        raise zipfile.BadZipFile("no end record: not a package")
    # disk, disk of the directory, members on this disk, members, directory size, offset, comment
    fields = struct.unpack("<HHHHIIH", tail[at + 4 : at + 22])
    members, directory_bytes = fields[3], fields[4]
    if members == 0xFFFF or directory_bytes == 0xFFFFFFFF:
        raise UploadRefused("ZIP64")  # no office document needs it
    return members, directory_bytes


def open_package(upload) -> zipfile.ZipFile:
    """A package opened for a bounded look: refused (UploadRefused) when its directory, its
    members, their declared sizes or their compression ratios pass the limits above."""
    members, directory_bytes = _directory_size(upload)
    if members > ZIP_MAX_MEMBERS or directory_bytes > ZIP_MAX_DIRECTORY:
        raise UploadRefused("too many members")
    upload.seek(0)
    package = zipfile.ZipFile(upload)
    infos = package.infolist()
    if len(infos) > ZIP_MAX_MEMBERS or sum(info.file_size for info in infos) > ZIP_MAX_UNPACKED:
        package.close()
        raise UploadRefused("too large unpacked")
    for info in infos:
        if info.file_size > RATIO_FROM and info.file_size > ZIP_MAX_RATIO * max(info.compress_size, 1):
            package.close()
            raise UploadRefused("compression ratio")
    return package


def read_member(package: zipfile.ZipFile, name: str, limit: int = ZIP_MAX_READ) -> bytes:
    """A member of a package, read at most up to `limit` bytes (zipfile inflates no further)."""
    with package.open(name) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise UploadRefused("member too large")
    return data


_PDF_STREAM = re.compile(rb">>\s*stream\r?\n")


def check_pdf_streams(data: bytes) -> None:
    """Inflate a PDF's compressed streams in slices, counting, never holding more than a slice:
    refused (UploadRefused) past PDF_MAX_INFLATED in all or at a ratio above PDF_MAX_RATIO."""
    total = 0
    for found in _PDF_STREAM.finditer(data):
        end = data.find(b"endstream", found.end())
        body = memoryview(data)[found.end() : end if end >= 0 else len(data)]
        try:
            total += _inflated_size(body, already=total)
        except zlib.error:
            continue  # not a zlib stream (an image, another filter): nothing to inflate


def _inflated_size(body: memoryview, *, already: int) -> int:
    inflater, inflated = zlib.decompressobj(), 0
    for offset in range(0, len(body), _INFLATE_SLICE):
        pending = body[offset : offset + _INFLATE_SLICE]
        while pending and not inflater.eof:
            inflated += len(inflater.decompress(pending, _INFLATE_SLICE))
            pending = inflater.unconsumed_tail
            consumed = offset + _INFLATE_SLICE - len(pending)
            if inflated > RATIO_FROM and inflated > PDF_MAX_RATIO * consumed:
                raise UploadRefused("compression ratio")
            if already + inflated > PDF_MAX_INFLATED:
                raise UploadRefused("too large inflated")
        if inflater.eof:
            break
    return inflated


def _content_matches(kind: UploadKind, head: bytes, upload) -> bool:
    if kind.check in _MAGIC:
        if not head.startswith(_MAGIC[kind.check]):
            return False
        if kind.check == "pdf":
            upload.seek(0)
            check_pdf_streams(upload.read(kind.max_size + 1))
            upload.seek(0)
        return True
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with open_package(upload) as package:
            names = set(package.namelist())
            if kind.check in _ODF_MIMETYPE:
                return "mimetype" in names and read_member(package, "mimetype").strip() == _ODF_MIMETYPE[kind.check]
            # A macro-enabled document renamed to .docx/.xlsx carries a VBA project: refused.
            if "[Content_Types].xml" not in names or any(name.lower().endswith("vbaproject.bin") for name in names):
                return False
            return _OOXML_MAIN[kind.check] in read_member(package, "[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, struct.error, zlib.error):
        return False
    finally:
        upload.seek(0)


def validate_upload(upload, *, kinds=None, max_size: int | None = None) -> UploadKind:
    """The kind of an uploaded file, or a ValidationError that says what is wrong with it.
    `kinds` narrows the listed extensions and `max_size` their limit for one place (the public
    /verify/ page takes a PDF alone, and a smaller one); both are checked before any byte is read."""
    allowed_kinds = UPLOAD_KINDS if kinds is None else {ext: UPLOAD_KINDS[ext] for ext in kinds}
    name = safe_display_name(upload.name)
    kind = allowed_kinds.get(extension_of(name))
    if kind is None:
        allowed = ", ".join(sorted(allowed_kinds))
        raise ValidationError(
            _("Files of this type cannot be uploaded. Allowed: %(allowed)s.") % {"allowed": allowed},
            code="upload_type",
        )
    limit = min(kind.max_size, max_size or kind.max_size)
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large: at most %(limit)s for this type.") % {"limit": filesizeformat(limit)},
            code="upload_size",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="upload_empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    try:
        matches = _content_matches(kind, head, upload)
    except UploadRefused:
        upload.seek(0)
        raise ValidationError(
            _("The file unpacks to far more than it holds, or to too many parts; it is not taken."),
            code="upload_bomb",
        ) from None
    if not matches:
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
