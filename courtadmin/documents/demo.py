"""Demo documents: the portal's certification authority, certificates for the signers, and a
helper the departments use to put documents in each state."""

from django.utils import timezone

from courtadmin.core.demo import register_demo_loader

from . import services
from .models import Document
from .signing.portal_ca import authority_create, certificate_issue, current_authority, valid_certificate_of
from .workflow import SigningConfirmation

DEMO_SIGNERS = ["ir_head", "ir_deputy_legal", "ir_deputy_protocol", "isd_head", "isd_deputy", "ca_head", "chairman"]


def load_demo_signing(people) -> str:
    if current_authority() is None:
        authority_create(name="Courtadmin demo certification authority")
    for username in DEMO_SIGNERS:
        user = people[username].user
        if valid_certificate_of(user) is None:
            certificate_issue(user=user, common_name=people[username].full_name)
    return "Documents: a demo certification authority; signing certificates for " + ", ".join(DEMO_SIGNERS) + "."


register_demo_loader(load_demo_signing)


def demo_document(*, author, kind, subject, addressee, texts, state, signer=None, marking="ordinary") -> Document:
    """A document brought to `state` ("draft", "approved", "signed") through the real moves;
    idempotent by subject."""
    existing = Document.objects.filter(kind=kind, subject=subject).first()
    if existing is not None:
        return existing
    document = Document(kind=kind, subject=subject, addressee=addressee, marking=marking, author=author)
    services.document_save(actor=author, document=document, texts=texts)
    if state == "draft":
        return document
    services.route_set(actor=author, document=document, groups=[])
    services.document_act(document=document, move="submit", actor=author)
    if state == "signed":
        confirmation = SigningConfirmation(user_id=signer.pk, at=timezone.now())
        services.document_sign_confirmed(document=document, actor=signer, confirmation=confirmation)
    return document
