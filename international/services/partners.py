"""Writes of the partners of cooperation (IR 4.1, 7.1, 7.4), for IR staff alone, each audited;
the reads are in international/selectors/partners.py."""

from django.db import transaction

from courtadmin.audit.services import audit_record

from ..models import Partner, PartnerContact
from ..permissions import check_ir_staff


def partner_save(*, actor, partner: Partner, contacts=()) -> Partner:
    """A partner entered or corrected, with its contacts (`contacts`: dicts of the contact's
    fields) replacing those it had."""
    check_ir_staff(actor)
    created = partner.pk is None
    if created:
        partner.created_by = actor
    partner.full_clean()
    contacts = [PartnerContact(**fields) for fields in contacts]
    with transaction.atomic():
        partner.save()
        partner.contacts.all().delete()
        for contact in contacts:
            contact.partner = partner
            contact.full_clean()
        PartnerContact.objects.bulk_create(contacts)
        audit_record(
            actor=actor,
            action=f"ir.partner.{'created' if created else 'updated'}",
            obj=partner,
            after={"contacts": [contact.full_name for contact in contacts]},
        )
    return partner
