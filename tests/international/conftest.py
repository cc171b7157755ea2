"""The signing fixture of the documents tests, for the IR's signed answers (IR 13); an IR officer's
client."""

import pytest

from tests.documents.conftest import signing  # noqa: F401


@pytest.fixture
def officer_client(client_for, users):
    client = client_for("ir_officer")
    client.officer = users["ir_officer"]
    return client
