"""Reads of the international documents (IR 7.2, 7.10). The IR's staff and the Court
Administration's leadership read every one; a subdivision asked for its comments reads that
document's versions and its own comments, nothing else of the IR (404 everywhere)."""

from dataclasses import dataclass
from datetime import timedelta

from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.core.search import containing

from ..models import Agreement, AgreementVersion, Comment
from ..permissions import assigned_to, reads_ir

S = Agreement.Status
# A document in force whose validity ends within this many days is "ending soon".
ENDING_SOON_DAYS = 90


def comments_visible_to(user):
    return Comment.objects.all() if reads_ir(user) else Comment.objects.filter(assigned_to(user))


def agreements_visible_to(user):
    if reads_ir(user):
        return Agreement.objects.all()
    return Agreement.objects.filter(pk__in=comments_visible_to(user).values("agreement_id"))


def ending_soon(today=None):
    today = today or timezone.localdate()
    return Agreement.objects.filter(
        status=S.SIGNED, valid_until__gte=today, valid_until__lte=today + timedelta(days=ENDING_SOON_DAYS)
    )


@dataclass(frozen=True)
class AgreementFilter:
    text: str = ""
    kind: str = ""
    status: str = ""
    partner: object = None
    ending: bool = False


def agreement_register(user, filters: AgreementFilter = AgreementFilter()):
    agreements = agreements_visible_to(user)
    if filters.kind:
        agreements = agreements.filter(kind=filters.kind)
    if filters.status:
        agreements = agreements.filter(status=filters.status)
    if filters.partner is not None:
        agreements = agreements.filter(partner=filters.partner)
    if filters.ending:
        agreements = agreements.filter(pk__in=ending_soon().values("pk"))
    if text := filters.text.strip():
        agreements = containing(agreements, ("title",), text)
    return agreements.select_related("partner", "officer__person").order_by("-pk")


def get_agreement_for_user(user, pk) -> Agreement:
    return get_object_or_404(
        agreements_visible_to(user).select_related("partner__country", "officer__person", "document"), pk=pk
    )


def get_version_for_user(user, pk, version_pk) -> AgreementVersion:
    agreement = get_agreement_for_user(user, pk)
    return get_object_or_404(AgreementVersion.objects.filter(agreement=agreement), pk=version_pk)


def get_comment_for_user(user, pk) -> Comment:
    return get_object_or_404(comments_visible_to(user).select_related("agreement", "unit"), pk=pk)


def agreement_versions(agreement):
    return agreement.versions.select_related("uploaded_by__person").order_by("number")


def agreement_comments(agreement, user):
    """The subdivisions' comments: all of them for the IR's readers, a subdivision's own else."""
    return (
        comments_visible_to(user)
        .filter(agreement=agreement)
        .select_related("unit", "executor__person", "given_by__person")
        .order_by("pk")
    )
