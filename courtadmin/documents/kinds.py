"""Document kinds. Each department registers its own in AppConfig.ready(); the core knows
none of them by name."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class DocumentKind:
    code: str  # "ir.outgoing_letter"
    department: str  # "IR" | "ISD"
    label: str | Promise
    # The line whose signers sign it: a deputy's line of work (IR 13: legal assistance), a line
    # the department reserves to a post of the leadership (IR 7.20: the Chairman's own letters),
    # or None for the head.
    line_of_work: str | None = None
    # Languages besides Kazakh and Russian that the kind may carry ("en": the addressee's).
    extra_languages: tuple[str, ...] = ()
    # The default approval route: groups in order; the people of one group approve in
    # parallel. Tokens: "head" (the department's head), "deputy" (its deputies),
    # "deputy:<line>" (the deputy supervising that line).
    default_route: tuple[tuple[str, ...], ...] = ()
    template: str = "documents/pdf/letter.html"
    # Who reads a document of this kind, besides its author, its route and those who may sign
    # it now: a filter on Document for a user (an answer names the applicant, whom only the
    # assigned officers and the head see). None: whoever reaches the department's documents.
    readers: Callable | None = None


KINDS: dict[str, DocumentKind] = {}


def register_document_kind(kind: DocumentKind) -> None:
    KINDS[kind.code] = kind


def get_kind(code: str) -> DocumentKind:
    return KINDS[code]


def kinds_of(department: str) -> list[DocumentKind]:
    return [kind for kind in KINDS.values() if kind.department == department]
