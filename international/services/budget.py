"""The budget programmes "Foreign business trips" and "Representation expenses", and the stock of
image products and souvenirs presented on behalf of the Chairman and the Head (IR 7.21).

- IR staff set the year's plan by item (`budget_line_save`).
- Spending is posted against an item (`spending_post`): committed when a trip, a visit or an
  event is decided, paid when the money goes (`spending_paid`, with its actual amount). A
  posting that takes the item over its plan is refused with the figure until it is confirmed
  (`over_plan=True`): the warning comes before the over-spend, and the posting keeps the mark.
- Souvenirs are received into the stock and issued to events and visits; an issue beyond what
  is in stock is refused (`souvenir_move`, the stock's row locked).

Writes are keyword-only, in a transaction, audited; the reads are in
international/selectors/budget.py.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record

from ..models import BudgetLine, Souvenir, SouvenirMovement, Spending
from ..permissions import check_ir_staff


def budget_line_save(*, actor, line: BudgetLine) -> BudgetLine:
    """IR 7.21: an item of a programme's plan for a year, entered or corrected by IR staff;
    its plan is never set below what is already posted against it."""
    check_ir_staff(actor)
    created = line.pk is None
    if created:
        line.created_by = actor
    line.full_clean()
    with transaction.atomic():
        if not created:
            posted = _posted(BudgetLine.objects.select_for_update().get(pk=line.pk))
            if line.planned < posted:
                raise ValidationError(
                    {
                        "planned": ValidationError(
                            _("%(posted)s is already posted against this item.") % {"posted": f"{posted:,.2f}"},
                            code="below_posted",
                        )
                    }
                )
        line.save()
        audit_record(
            actor=actor,
            action=f"ir.budget.{'created' if created else 'updated'}",
            obj=line,
            after={"planned": str(line.planned)},
        )
    return line


def _posted(line: BudgetLine) -> Decimal:
    return line.spendings.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def _over_plan(line: BudgetLine, adding: Decimal, confirmed: bool, field: str) -> bool:
    """Whether `adding` takes the (locked) line over its plan; refused unless `confirmed`."""
    left = line.planned - _posted(line)
    if adding <= left:
        return False
    if not confirmed:
        message = _(
            "This takes the item over its plan: %(left)s is left, %(adding)s is posted. "
            "Confirm to post it over the plan."
        ) % {"left": f"{left:,.2f}", "adding": f"{adding:,.2f}"}
        raise ValidationError({field: ValidationError(message, code="over_plan")})
    return True


def spending_post(*, actor, line: BudgetLine, spending: Spending, over_plan: bool = False) -> Spending:
    """IR 7.21: spending committed or paid against an item, for a trip, a visit or an event."""
    check_ir_staff(actor)
    spending.line, spending.created_by = line, actor
    spending.full_clean()
    if spending.on.year != line.year:
        raise ValidationError({"on": ValidationError(_("The date falls outside the plan's year."), code="other_year")})
    with transaction.atomic():
        locked = BudgetLine.objects.select_for_update().get(pk=line.pk)
        spending.over_plan = _over_plan(locked, spending.amount, over_plan, "amount")
        spending.save()
        audit_record(
            actor=actor,
            action="ir.budget.spending_posted",
            obj=locked,
            after={"spending": spending.pk, "amount": str(spending.amount), "stage": spending.stage},
        )
    return spending


def spending_paid(*, actor, spending: Spending, amount: Decimal, over_plan: bool = False) -> Spending:
    """The committed sum is paid: its actual amount replaces it (IR 7.21)."""
    check_ir_staff(actor)
    if spending.stage == Spending.Stage.PAID:
        raise ValidationError(_("This sum is paid already."), code="paid")
    if amount <= 0:
        raise ValidationError({"amount": ValidationError(_("Give the amount paid."), code="required")})
    with transaction.atomic():
        locked = BudgetLine.objects.select_for_update().get(pk=spending.line_id)
        over = _over_plan(locked, amount - spending.amount, over_plan, "amount")
        before = spending.amount
        spending.stage, spending.amount, spending.over_plan = Spending.Stage.PAID, amount, spending.over_plan or over
        spending.save(update_fields=["stage", "amount", "over_plan"])
        audit_record(
            actor=actor,
            action="ir.budget.spending_paid",
            obj=locked,
            before={"amount": str(before)},
            after={"spending": spending.pk, "amount": str(amount)},
        )
    return spending


def souvenir_save(*, actor, souvenir: Souvenir) -> Souvenir:
    check_ir_staff(actor)
    created = souvenir.pk is None
    souvenir.full_clean()
    with transaction.atomic():
        souvenir.save()
        audit_record(actor=actor, action=f"ir.souvenir.{'created' if created else 'updated'}", obj=souvenir)
    return souvenir


def souvenir_move(*, actor, souvenir: Souvenir, movement: SouvenirMovement) -> SouvenirMovement:
    """Souvenirs received (a positive quantity) or issued to an event or a visit (a negative
    one, never more than the stock holds)."""
    check_ir_staff(actor)
    if movement.quantity == 0:
        raise ValidationError({"quantity": ValidationError(_("Give how many."), code="required")})
    if movement.quantity < 0 and movement.event_id is None and movement.delegation_id is None:
        raise ValidationError(
            {"event": ValidationError(_("Say which event or visit they are issued to."), code="required")}
        )
    with transaction.atomic():
        locked = Souvenir.objects.select_for_update().get(pk=souvenir.pk)
        if locked.in_stock + movement.quantity < 0:
            raise ValidationError(
                {
                    "quantity": ValidationError(
                        _("Only %(count)d in stock.") % {"count": locked.in_stock}, code="beyond_stock"
                    )
                }
            )
        movement.souvenir, movement.created_by = locked, actor
        movement.save()
        locked.in_stock += movement.quantity
        locked.save(update_fields=["in_stock"])
        audit_record(
            actor=actor,
            action="ir.souvenir.moved",
            obj=locked,
            after={"quantity": movement.quantity, "event": movement.event_id, "delegation": movement.delegation_id},
        )
    souvenir.refresh_from_db()
    return movement
