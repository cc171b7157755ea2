"""The signing fixture of the documents tests, for the investigations' signed conclusions."""

from tests.documents.conftest import signing  # noqa: F401
