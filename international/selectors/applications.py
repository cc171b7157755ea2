"""Reads of applications of persons and legal entities about international legal assistance
(IR 7.25), within the reader's reach (IR staff and the Court Administration's leadership; 404
for anyone else). Their life and its rules: international/services/applications.py.
"""

from django.db.models import BooleanField, CharField, ExpressionWrapper, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.core.history import record_history
from courtadmin.core.receipts import Receipt
from courtadmin.deadlines.models import Deadline
from courtadmin.documents.models import Document
from courtadmin.documents.selectors import live_document_of, signed_document_of
from courtadmin.org.authority import department_access
from courtadmin.org.models import Department

from ..models import Application
from ..permissions import is_ir_staff

TERM_KIND = "ir.application"
ANSWER_KIND = "ir.application_answer"
TERM_ACTIVE = (Deadline.State.OPEN, Deadline.State.EXTENDED)


def _record_filter() -> dict:
    """Rows (deadlines, documents) that belong to an application. Matching the content type by
    name keeps the count of queries fixed: no ContentType lookup, cached or not."""
    return {
        "record_type__app_label": Application._meta.app_label,
        "record_type__model": Application._meta.model_name,
    }


def applications_visible_to(user):
    """The applications `user` may read (IR 1-3: IR staff and the leadership), newest first,
    each with its term's due date, state and overdue mark, in the one query of the list."""
    if not department_access(user, Department.IR):
        return Application.objects.none()
    terms = Deadline.objects.filter(
        **_record_filter(), record_id=Cast(OuterRef("pk"), CharField()), kind=TERM_KIND
    ).order_by("-pk")
    return (
        Application.objects.select_related("officer__person")
        .annotate(
            term_due_on=Subquery(terms.values("due_on")[:1]),
            term_state=Subquery(terms.values("state")[:1]),
        )
        .annotate(
            is_overdue=ExpressionWrapper(
                Q(term_state__in=TERM_ACTIVE, term_due_on__lt=timezone.localdate()), output_field=BooleanField()
            )
        )
        .order_by("-received_at", "-pk")
    )


def get_application_for_user(user, pk) -> Application:
    """One application within the reader's reach; any other answers 404."""
    return get_object_or_404(applications_visible_to(user), pk=pk)


def application_term(application: Application) -> Deadline | None:
    """The АППК art. 76 term of the application (the latest, should there be several)."""
    return (
        Deadline.objects.filter(**_record_filter(), record_id=str(application.pk), kind=TERM_KIND)
        .order_by("-pk")
        .first()
    )


def application_answer_document(application: Application) -> Document | None:
    """The answer in progress or given: the latest answer document not cancelled."""
    return live_document_of(application, ANSWER_KIND)


def application_signed_answer(application: Application) -> Document | None:
    """The latest answer signed and registered under IR 13, or None."""
    return signed_document_of(application, ANSWER_KIND)


def application_page(user, pk) -> dict:
    """What the page of one application shows, and which buttons it offers to `user`."""
    application = get_application_for_user(user, pk)
    answer = application_answer_document(application)
    may_write = is_ir_staff(user)
    registered = application.status == Application.Status.REGISTERED
    return {
        "application": application,
        "history": record_history(application),
        "term": application_term(application),
        "answer": answer,
        "may_edit_answer": bool(
            may_write and answer and answer.status == Document.Status.DRAFT and answer.author_id == user.pk
        ),
        "may_prepare": may_write and registered and answer is None,
        "may_close": bool(may_write and registered and answer is not None and answer.is_signed),
    }


def application_receipt(user, application):
    """The applicant's receipt of a registered application (core.receipts, IR 7.25)."""
    from courtadmin.org.departments import department

    term = application_term(application)
    return Receipt(
        title=Application._meta.verbose_name,
        number=application.number,
        registered_at=timezone.localtime(application.received_at),
        department=str(department(Department.IR).name),
        external_number=application.external_number,
        channel=_("the e-Otinish system") if application.external_number else "",
        applicant=application.applicant_name,
        due_on=term.due_on if term else None,
        legal_basis=term.legal_basis_display if term else "",
        back_url=application.get_absolute_url(),
    )
