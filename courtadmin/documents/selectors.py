"""Reads of documents, always within the reader's reach; outside it, 404.

A department's documents: its people and those it reports to (department_access). A
need-to-know department's (the ISD's, ISD 7): those who reach every one of its records; its
other staff only the documents they wrote or are on the route of, and of those bound to a
record only while they reach that record. The people of the subdivisions, territorial offices
and courts a department that is not need-to-know brings in (issue 20, item 5): the documents
they are on the route of, nothing else. A superuser is no exception.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import get_object_or_404

from courtadmin.core.jobs import job_delayed
from courtadmin.core.work import counted
from courtadmin.org import departments
from courtadmin.org.authority import (
    Reach,
    brought_in,
    people_brought_in,
    people_with_access,
    person_of,
    records_reach,
    signing_authority,
)
from courtadmin.org.models import Person

from .kinds import KINDS
from .models import PDF_JOB, ApprovalStep, Document, DocumentAttachment


def documents_visible_to(user):
    if not user.is_authenticated:
        return Document.objects.none()
    condition = Q(pk__in=[])
    on_route = ApprovalStep.objects.filter(document=OuterRef("pk"), approver__user=user)
    for code in departments.codes():
        reach = records_reach(user, code).kind
        if reach is Reach.ALL:
            condition |= Q(department=code)
        elif reach is not Reach.NONE:  # need-to-know: his own drafts and those he is to visa
            condition |= Q(department=code) & (Q(author=user) | Exists(on_route)) & _bound_within_reach(user)
        elif brought_in(user, code):  # another subdivision, office or court: those he is to visa
            condition |= Q(department=code) & Exists(on_route)
    return Document.objects.filter(condition).exclude(~readable_by(user)).select_related("author")


def readable_by(user) -> Q:
    """Documents whose content `user` may read: every kind that names no readers of its own,
    and of those that do, the ones its rule lets him (DocumentKind.readers), or that he wrote,
    is to visa or may sign now."""
    person = person_of(user)
    on_route = ApprovalStep.objects.filter(document=OuterRef("pk"), approver__user=user)
    readable = Q(author=user) | Exists(on_route) | ~Q(kind__in=[k.code for k in KINDS.values() if k.readers])
    for kind in KINDS.values():
        if kind.readers is None or records_reach(user, kind.department).kind is Reach.NONE:
            continue  # no rule, or none of the department's documents reach him anyway
        rule = kind.readers(user)
        if rule == Q() or signing_authority(person, kind.department, kind.line_of_work):
            readable |= Q(kind=kind.code)
        else:
            readable |= Q(kind=kind.code) & rule
    return readable


def _bound_within_reach(user) -> Q:
    """A document bound to no record, or to one the user reaches (departments.register_record_reach)."""
    bound = Q(record_type__isnull=True)
    for model, within_reach in departments.record_reaches():
        reached = (
            within_reach(model.objects.all(), user).order_by().annotate(record_key=Cast("pk", CharField(max_length=64)))
        )
        bound |= Q(record_type=ContentType.objects.get_for_model(model), record_id__in=reached.values("record_key"))
    return bound


def get_document_for_user(user, pk) -> Document:
    return get_object_or_404(documents_visible_to(user).select_related("signature"), pk=pk)


def get_attachment_for_user(user, document_pk, pk) -> DocumentAttachment:
    return get_object_or_404(
        DocumentAttachment.objects.filter(document__in=documents_visible_to(user)), document_id=document_pk, pk=pk
    )


def require_department_access(user, department: str) -> None:
    """A department's journal lists every document of it: for those who reach all its records."""
    if records_reach(user, department).kind is not Reach.ALL:
        raise Http404


def journals_open_to(user) -> list[str]:
    """The departments whose outgoing journal the user may read."""
    open_to = []
    for department in departments.codes():
        try:
            require_department_access(user, department)
        except Http404:
            continue
        open_to.append(department)
    return open_to


def my_documents(user) -> dict:
    """The author's drafts and documents in progress, the visas and signatures awaiting him."""
    visible = documents_visible_to(user)
    active = [Document.Status.DRAFT, Document.Status.ON_APPROVAL, Document.Status.APPROVED]
    return {
        "journals": journals_open_to(user),
        "mine": visible.filter(author=user, status__in=active),
        "awaiting_visa": awaiting_visa(user),
        "awaiting_signature": awaiting_signature(user),
        "recent": visible.filter(status__in=[Document.Status.SIGNED, Document.Status.SENT]).order_by("-registered_at")[
            :20
        ],
    }


def awaiting_visa(user) -> list[Document]:
    """Documents on approval whose current group of visas includes this user's."""
    person = person_of(user)
    if person is None:
        return []
    candidates = (
        documents_visible_to(user)
        .filter(
            status=Document.Status.ON_APPROVAL,
            steps__approver=person,
            steps__decision=ApprovalStep.Decision.PENDING,  # the same step: his, and pending
        )
        .distinct()
        .prefetch_related("steps")
        .order_by("created_at", "pk")
    )
    return [document for document in candidates if _is_current_approver(document, person)]


def waiting_for_me(user, limit: int) -> tuple[list[tuple[Document, str]], int]:
    """ "My work": the documents waiting for my visa, then for my signature, oldest first; at
    most `limit` of them, and how many in all (the signatures counted up to core.work.COUNT_CAP)."""
    visas = awaiting_visa(user)
    signatures = awaiting_signature(user).order_by("created_at", "pk")
    lines = [(document, "visa") for document in visas[:limit]]
    lines += [(document, "signature") for document in signatures[: max(0, limit - len(lines))]]
    return lines, len(visas) + counted(signatures)


def _is_current_approver(document, person) -> bool:
    from .workflow import current_steps

    return any(step.approver_id == person.pk for step in current_steps(document))


def awaiting_signature(user):
    """Approved documents this user may sign now (IR 13, ISD 15)."""
    person = person_of(user)
    if person is None:
        return Document.objects.none()
    powers = {}
    for kind in KINDS.values():
        key = (kind.department, kind.line_of_work)
        if key not in powers:
            powers[key] = bool(signing_authority(person, *key))
    kinds = [kind.code for kind in KINDS.values() if powers[(kind.department, kind.line_of_work)]]
    return documents_visible_to(user).filter(status=Document.Status.APPROVED, kind__in=kinds)


def journal(user, department: str, *, year=None, kind=None, text=None):
    """The department's outgoing journal: every signed document by number, with no gap; of a
    document whose content the reader may not read (`readable_by`), the subject and the
    addressee are withheld (`content_hidden`) and a search does not look into them."""
    require_department_access(user, department)
    readable = readable_by(user)
    entries = (
        Document.objects.filter(department=department, number__isnull=False)
        .select_related("signature")
        .annotate(content_hidden=Case(When(readable, then=Value(False)), default=Value(True)))
        .order_by("-year", "-number")
    )
    if year:
        entries = entries.filter(year=year)
    if kind:
        entries = entries.filter(kind=kind)
    if text:
        entries = entries.filter(
            (readable & (Q(subject__icontains=text) | Q(addressee__icontains=text)))
            | Q(registration_number__icontains=text)
        )
    return entries


def document_on_record(token: str) -> Document:
    """The document a QR code points to, for the public /verify/ page (facts only)."""
    return get_object_or_404(Document.objects.select_related("signature"), verification_token=token)


def document_with_pdf_hash(digest: str) -> Document | None:
    return Document.objects.select_related("signature").filter(pdf_sha256=digest).first()


# --- The documents of a record (a complaint's answer, an investigation's conclusion ...) ---------


def _of_record(record, kind: str):
    return Document.objects.filter(
        record_type__app_label=record._meta.app_label,
        record_type__model=record._meta.model_name,
        record_id=str(record.pk),
        kind=kind,
    ).select_related("signature")


def live_document_of(record, kind: str) -> Document | None:
    """The record's latest document of `kind` that is not cancelled: in progress or signed."""
    return _of_record(record, kind).exclude(status=Document.Status.CANCELLED).order_by("-pk").first()


def signed_document_of(record, kind: str) -> Document | None:
    """The record's latest document of `kind` that is signed and registered."""
    return (
        _of_record(record, kind)
        .filter(status__in=[Document.Status.SIGNED, Document.Status.SENT])
        .order_by("-registered_at", "-pk")
        .first()
    )


def route_candidates(document: Document):
    """Who may give a visa on `document`: the people its department opens to (ISD 7 for an
    ISD document) and those it may bring in (the subdivisions, territorial offices and courts,
    for a department that is not need-to-know), with an account; a visa from anyone else would
    wait forever."""
    return (
        Person.objects.filter(
            people_with_access(document.department) | people_brought_in(document.department), user__isnull=False
        )
        .select_related("position")
        .order_by("full_name")
    )


def pdf_delayed(document) -> bool:
    """The document's PDF is promised but waits beyond the usual seconds (core.jobs)."""
    return document.pdf_status == document.PdfStatus.PENDING and job_delayed(PDF_JOB, str(document.pk))
