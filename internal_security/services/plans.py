"""Writes of the work plans (ISD 7, ISD 9, ISD 14), each audited: a plan drawn up on the
leadership's priorities, its items tied to functions of ISD 6 while it is drawn up, and the
ISD head's document that approves it prepared; its moves are `workflow.plan_move` and
`workflow.plan_item_move`."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.text_language import state_language_of
from courtadmin.documents.models import Document
from courtadmin.documents.selectors import live_document_of
from courtadmin.documents.services import document_save

from ..models import Function, PlanItem, WorkPlan
from ..permissions import draws_up_plan, isd_position, unit_region
from ..selectors.plans import plan_executors
from ..workflow import PLAN_KIND


def plan_draw_up(*, actor, plan: WorkPlan) -> WorkPlan:
    """Begin the year's plan of the central ISD or of a territorial unit (a unit's own region
    is its plan's, whatever was posted)."""
    own = unit_region(actor)
    if own is not None:
        plan.region = own
    if not draws_up_plan(actor, plan.region):
        raise PermissionDenied
    plan.drawn_up_by = actor
    plan.full_clean()
    with transaction.atomic():
        plan.save()
        audit_record(actor=actor, action="isd.plan.registered", obj=plan, after={"year": plan.year})
    return plan


def _open_for_items(actor, plan: WorkPlan) -> None:
    if not draws_up_plan(actor, plan.region):
        raise ValidationError(_("Only the plan's unit and the central ISD draw it up."), code="not_yours")
    if plan.status != WorkPlan.Status.DRAFT:
        raise ValidationError(_("The plan is approved; its items no longer change."), code="closed")
    if live_document_of(plan, PLAN_KIND) is not None:
        raise ValidationError(
            _("The plan's document is being signed; cancel it to change the items."), code="in_signing"
        )


def plan_item_add(*, actor, plan: WorkPlan, item: PlanItem) -> PlanItem:
    """Add an item: tied to a function of ISD 6 (ISD 14: an ISD given no other work), carried
    out by the plan's own staff, due within the plan's year."""
    _open_for_items(actor, plan)
    errors = {}
    if item.function not in Function.values:
        errors["function"] = ValidationError(
            _("Tie the item to a function of ISD 6: the ISD may be given no other work (ISD 14)."),
            code="outside_isd_6",
        )
    if item.executor_id and not plan_executors(plan).filter(pk=item.executor_id).exists():
        errors["executor"] = ValidationError(_("The executor is one of the plan's own staff."), code="outsider")
    if item.due_on and item.due_on.year != plan.year:
        errors["due_on"] = ValidationError(
            _("The term falls within %(year)s, the plan's year.") % {"year": plan.year}, code="outside_year"
        )
    if errors:
        raise ValidationError(errors)
    item.plan = plan
    item.full_clean()
    with transaction.atomic():
        item.save()
        audit_record(
            actor=actor,
            action="isd.plan.item_added",
            obj=plan,
            after={"item": item.pk, "function": item.function, "title": item.title, "due_on": item.due_on},
        )
    return item


def plan_item_remove(*, actor, item: PlanItem) -> None:
    """Take an item out of a plan still drawn up."""
    plan = item.plan
    _open_for_items(actor, plan)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="isd.plan.item_removed",
            obj=plan,
            before={"item": item.pk, "function": item.function, "title": item.title},
        )
        item.delete()


def _plan_text(plan: WorkPlan, items) -> str:
    unit = plan.region.name if plan.region_id else _("the Internal Security Department")
    lines = [
        _("Work plan of %(unit)s for %(year)s.") % {"unit": unit, "year": plan.year},
        _("Basis: %(basis)s") % {"basis": plan.basis},
        "",
    ]
    for number, item in enumerate(items, start=1):
        lines.append(
            _("%(number)s. ISD %(function)s. %(title)s. Executor: %(executor)s. Term: %(term)s.")
            % {
                "number": number,
                "function": item.function,
                "title": item.title,
                "executor": item.executor,
                "term": f"{item.due_on:%d.%m.%Y}",
            }
        )
    return "\n".join(lines)


def plan_document_prepare(*, actor, plan: WorkPlan) -> Document:
    """The document by which the ISD head approves the central plan or agrees a unit's
    (ISD 9), listing its items, in the language the plan is drawn up in; a live draft is
    reused. Prepared by the central ISD's staff, once the plan has items."""
    if isd_position(actor) is None:
        raise PermissionDenied
    existing = live_document_of(plan, PLAN_KIND)
    if existing is not None:
        return existing
    if plan.status != WorkPlan.Status.DRAFT:
        raise ValidationError(_("The plan is approved already."), code="closed")
    items = list(plan.items.select_related("executor"))
    if not items:
        raise ValidationError(_("Add the plan's items first."), code="no_items")
    # Written in the language the plan is drawn up in: its items are quoted as typed.
    language = state_language_of(plan.basis, *(item.title for item in items))
    with translation.override(language):
        texts = {language: _plan_text(plan, items)}
        document = Document(
            kind=PLAN_KIND,
            language=language,
            subject=str(plan),
            addressee=plan.region.name if plan.region_id else _("Internal Security Department"),
            author=actor,
            marking=Document.Marking.OFFICIAL_USE,
            record_type=ContentType.objects.get_for_model(WorkPlan),
            record_id=str(plan.pk),
        )
    return document_save(actor=actor, document=document, texts=texts)
