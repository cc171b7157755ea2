"""The gifts register: gifts given and received at events, visits and trips, their value and
what was done with them. IR staff keep it; a gift received above the threshold set in the
settings is read also by the ISD head (ISD 6.14; international/selectors/gifts.py).

Writes are keyword-only, in a transaction, audited."""

from django.db import transaction

from courtadmin.audit.services import audit_record

from ..models import Gift
from ..permissions import check_ir_staff


def gift_save(*, actor, gift: Gift) -> Gift:
    """A gift entered or corrected (what was done with it) by IR staff."""
    check_ir_staff(actor)
    created = gift.pk is None
    if created:
        gift.created_by = actor
    gift.full_clean()
    with transaction.atomic():
        gift.save()
        audit_record(
            actor=actor,
            action=f"ir.gift.{'created' if created else 'updated'}",
            obj=gift,
            after={"value": str(gift.value), "direction": gift.direction, "disposition": gift.disposition},
        )
    return gift
