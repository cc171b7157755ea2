"""What other records say of a document, shown on its page: the incoming letter a document
answers (issue 20, item 7), registered by the app that knows it. Each registered reader
returns only the records the user reaches (ISD 7): a record out of reach is not named."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentReference:
    label: str  # what the record is to the document: "answers incoming letter"
    text: str  # the record's number
    url: str
    element_id: str = ""


_READERS: list[Callable] = []


def register_document_reference(reader: Callable) -> None:
    """`reader(document, user)` -> a list of DocumentReference within the user's reach."""
    if reader not in _READERS:
        _READERS.append(reader)


def references_of(document, user) -> list[DocumentReference]:
    return [reference for reader in _READERS for reference in reader(document, user)]
