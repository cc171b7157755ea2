from io import BytesIO

from django.http import FileResponse


def stored_file_response(stored) -> FileResponse:
    """Send a StoredFile as an attachment under its display name (RFC 6266 quoting, UTF-8
    names as filename*), with the type recorded at upload, never one guessed from the name.
    The caller has already found the record through a selector that checks access."""
    return FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(content: bytes, filename: str) -> FileResponse:
    """A workbook made for the reader (a list as he filtered it) as an attachment."""
    return FileResponse(BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX)
