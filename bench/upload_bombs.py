"""`upload_bombs`: how long the upload check takes to refuse a decompression bomb of each kind
(zip, docx, xlsx, a package of 120,000 members, a PDF with a 256 MB stream), against the same
check accepting a sound document of its kind (the security issue: each bomb refused within a
second; its memory is bounded in tests/core/test_upload_bombs.py)."""

import tempfile
from pathlib import Path

from django.core.files import File

from courtadmin.core.uploads import validate_upload
from tests.core.bombs import BOMBS, WORD_TYPES

from .harness import Result, median_ms


def _check(path: Path) -> None:
    with path.open("rb") as handle:
        try:
            validate_upload(File(handle, name=path.name))
        except Exception as error:  # noqa: BLE001 - a refusal is what is timed
            assert getattr(error, "code", "") == "upload_bomb", error  # noqa: S101


def _sound_docx(folder: Path) -> Path:
    import zipfile

    path = folder / "sound.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", WORD_TYPES)
        package.writestr("word/document.xml", b"<w:document>" + b"text " * 200_000 + b"</w:document>")
    return path


def run() -> Result:
    folder = Path(tempfile.mkdtemp(prefix="bombs-"))
    paths = {kind: build(folder) for kind, build in BOMBS.items()}
    timings = {kind: median_ms(lambda path=path: _check(path), runs=5, warmup=1) for kind, path in paths.items()}
    sound = _sound_docx(folder)
    baseline = median_ms(lambda: validate_upload(File(sound.open("rb"), name=sound.name)), runs=5, warmup=1)
    slowest = max(timings, key=timings.get)
    return Result(
        name="upload_bombs",
        measures="refusing each bomb: "
        + ", ".join(f"{kind} {ms:.1f} ms" for kind, ms in timings.items())
        + f" (the slowest, {slowest}, is the figure)",
        ours_ms=timings[slowest],
        baseline="the same check accepting a sound 1 MB .docx",
        baseline_ms=baseline,
        target="each bomb refused within 1,000 ms",
    )
