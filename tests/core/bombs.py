"""Decompression bombs of each kind the portal takes (zip, docx, xlsx, PDF), small on disk and
huge inflated, written to files without holding the inflated data in memory. Used by
test_upload_bombs.py and by the `upload_bombs` benchmark."""

import zipfile
import zlib
from pathlib import Path

MB = 1024 * 1024
INFLATED = 256 * MB  # far beyond any cap of core/uploads.py, and beyond the tests' memory limit
_ZEROS = b"\0" * MB

WORD_TYPES = (
    b'<Types><Override ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
SHEET_TYPES = (
    b'<Types><Override ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)


def _package(path: Path, members: dict[str, bytes | int]) -> Path:
    """A package whose members are bytes, or a number of megabytes of zeros written as a stream."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        for name, content in members.items():
            if isinstance(content, bytes):
                package.writestr(name, content)
                continue
            with package.open(name, "w") as member:
                for _ in range(content):
                    member.write(_ZEROS)
    return path


def zip_bomb(folder: Path) -> Path:
    """A package named .docx whose document part inflates to 256 MB."""
    return _package(folder / "zip-bomb.docx", {"[Content_Types].xml": WORD_TYPES, "word/document.xml": INFLATED // MB})


def docx_bomb(folder: Path) -> Path:
    """A .docx whose [Content_Types].xml, the part a check must read, inflates to 256 MB."""
    return _package(folder / "bomb.docx", {"[Content_Types].xml": INFLATED // MB})


def xlsx_bomb(folder: Path) -> Path:
    """A workbook whose first sheet inflates to 256 MB."""
    return _package(
        folder / "bomb.xlsx", {"[Content_Types].xml": SHEET_TYPES, "xl/worksheets/sheet1.xml": INFLATED // MB}
    )


def members_bomb(folder: Path) -> Path:
    """A .docx of 120,000 empty members: its central directory alone is 6 MB of entries."""
    path = folder / "members.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as package:
        package.writestr("[Content_Types].xml", WORD_TYPES)
        for number in range(120_000):
            package.writestr(f"m{number}", b"")
    return path


def pdf_bomb(folder: Path) -> Path:
    """A PDF with one Flate stream that inflates to 256 MB."""
    compressor = zlib.compressobj(9)
    stream = b"".join(compressor.compress(_ZEROS) for _ in range(INFLATED // MB)) + compressor.flush()
    body = (
        b"%PDF-1.7\n1 0 obj\n<< /Length "
        + str(len(stream)).encode()
        + b" /Filter /FlateDecode >>\nstream\n"
        + stream
        + b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    path = folder / "bomb.pdf"
    path.write_bytes(body)
    return path


BOMBS = {"zip": zip_bomb, "docx": docx_bomb, "xlsx": xlsx_bomb, "members": members_bomb, "pdf": pdf_bomb}
