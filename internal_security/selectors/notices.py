"""Reads of the notices under ISD 13: for the ISD head and deputy and those who file them
(`permissions.reads_staff_notices`); anyone else finds none, and 404 on each page."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from ..models import StaffNotice, StaffNoticeMaterial
from ..permissions import reads_staff_notices


def notices_visible_to(user):
    notices = StaffNotice.objects.select_related("region")
    return notices if reads_staff_notices(user) else notices.none()


def get_notice_for_user(user, pk) -> StaffNotice:
    return get_object_or_404(notices_visible_to(user), pk=pk)


def get_notice_material_for_user(user, pk, file_pk) -> StaffNoticeMaterial:
    notice = get_notice_for_user(user, pk)
    return get_object_or_404(StaffNoticeMaterial.objects.select_related("notice"), notice=notice, pk=file_pk)


def notice_register(user, *, text="", status="", measure="", region=None):
    """The notices within the user's reach, filtered, newest first."""
    notices = notices_visible_to(user)
    for lookup, value in (("status", status), ("measure", measure), ("region", region)):
        if value:
            notices = notices.filter(**{lookup: value})
    if text.strip():
        text = text.strip()
        notices = notices.filter(Q(person__icontains=text) | Q(deciding_body__icontains=text))
    return notices.order_by("-filed_at", "-pk")
