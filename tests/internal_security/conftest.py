"""The signing fixture of the documents tests, for the ISD's signed answers (ISD 15)."""

from tests.documents.conftest import signing  # noqa: F401
