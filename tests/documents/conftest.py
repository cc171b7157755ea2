import pytest
from django_otp.oath import TOTP

from courtadmin.accounts.services import second_factor_enrol, second_factor_enrolment_start
from courtadmin.documents import services
from courtadmin.documents.demo import load_demo_signing
from courtadmin.documents.models import Document

TEXTS = {"kk": "Құрметті әріптестер! Әғқңөұүһі — қазақ әріптері.", "ru": "Уважаемые коллеги! Текст на русском."}


SIGNERS = ["ir_head", "ir_deputy_legal", "ir_deputy_protocol", "isd_head", "isd_deputy", "chairman", "ca_head"]
RECOVERY_CODES: dict[int, list[str]] = {}


@pytest.fixture
def signing(people):
    """The portal's authority, certificates for the signers, and their second factor (each
    signature below spends one recovery code, as a code can be used once)."""
    load_demo_signing(people)
    for username in SIGNERS:
        user = people[username].user
        device = second_factor_enrolment_start(user=user)
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        RECOVERY_CODES[user.pk] = second_factor_enrol(user=user, device=device, code=f"{totp.token():06d}")
    return people


def second_factor_code(user) -> str:
    return RECOVERY_CODES[user.pk].pop()


def draft(author, kind="ir.outgoing_letter", route=(), texts=TEXTS, **fields) -> Document:
    document = Document(kind=kind, subject=fields.pop("subject", "Хат / Письмо"), addressee="МИД РК", author=author)
    for name, value in fields.items():
        setattr(document, name, value)
    services.document_save(actor=author, document=document, texts=dict(texts))
    services.route_set(actor=author, document=document, groups=[list(group) for group in route])
    return document


def approved(author, kind="ir.outgoing_letter", **fields) -> Document:
    document = draft(author, kind, **fields)
    services.document_act(document=document, move="submit", actor=author)
    assert document.status == Document.Status.APPROVED
    return document
