"""The signing fixture of the documents tests, for the IR's signed answers (IR 13)."""

from tests.documents.conftest import signing  # noqa: F401
