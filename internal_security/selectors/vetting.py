"""Reads of the vetting of candidates (ISD 5.4): within the user's reach like an
investigation (ISD 7), and what the portal's own registries hold about the candidate, each
registry within its own reach rule, so that nothing outside the reader's reach is found."""

from functools import reduce
from operator import and_

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from courtadmin.core.history import record_history
from courtadmin.core.search import newest_matching
from courtadmin.core.work import WorkItem
from courtadmin.documents.models import Document

from ..models import InvestigatedPerson, VettingGrant, VettingRequest
from ..permissions import is_isd_manager, isd_records_within_reach, may_work_on_vetting
from .cases import criminal_cases_visible_to
from .complaints import complaints_visible_to
from .investigations import investigations_visible_to
from .notices import notices_visible_to
from .signals import signals_visible_to

# The newest records of each registry shown for a candidate; the page says when there are more.
FOUND_LIMIT = 20


def vettings_visible_to(user):
    """The ISD head, deputy and leadership every vetting, a territorial unit its region's, an
    officer those he is assigned to (ISD 7)."""
    return isd_records_within_reach(VettingRequest.objects.select_related("region"), user, grant_model=VettingGrant)


def get_vetting_for_user(user, pk) -> VettingRequest:
    return get_object_or_404(vettings_visible_to(user), pk=pk)


def vetting_register(user, *, text="", status="", post_kind="", region=None, year=None):
    """The vettings within the user's reach, filtered, newest first."""
    vettings = vettings_visible_to(user)
    for lookup, value in (
        ("status", status),
        ("post_kind", post_kind),
        ("region", region),
        ("received_on__year", year),
    ):
        if value:
            vettings = vettings.filter(**{lookup: value})
    if text.strip():
        text = text.strip()
        vettings = vettings.filter(Q(candidate__icontains=text) | Q(candidate_iin=text) | Q(post__icontains=text))
    return vettings.order_by("-received_on", "-pk")


def _named(field: str, name: str) -> Q:
    """Each word of the candidate's name within `field`, in any order and case ("Әлиев Серік"
    finds "Серік Әлиев")."""
    words = [word for word in name.split() if len(word) > 1] or [name.strip()]
    return reduce(and_, (Q(**{f"{field}__icontains": word}) for word in words))


def _found(code: str, title, visible, condition: Q, order: tuple[str, ...], line) -> dict:
    rows = newest_matching(visible, condition, order, FOUND_LIMIT)
    return {
        "code": code,
        "title": title,
        "hits": [line(row) for row in rows[:FOUND_LIMIT]],
        "more": len(rows) > FOUND_LIMIT,
    }


def found_on_record(user, vetting: VettingRequest) -> list[dict]:
    """ISD 5.4: the complaints, investigations, criminal cases, information on corruption and
    ISD 13 notices that name the candidate, the newest of each, each registry as far as
    `user` reaches it, as lines (the name quoted as written). What lies outside his reach is
    not found, nor counted."""
    name = vetting.candidate
    persons = InvestigatedPerson.objects.filter(_named("name", name)).values("investigation_id")
    return [
        _found(
            "complaints",
            _("Complaints"),
            complaints_visible_to(user),
            _named("person_concerned", name),
            ("-received_on", "-pk"),
            lambda c: WorkItem(
                f"{c.number}, {c.received_on:%d.%m.%Y}: {c.person_concerned}",
                c.get_absolute_url(),
                c.get_status_display(),
                quote=c.person_concerned,
            ),
        ),
        _found(
            "investigations",
            _("Official investigations"),
            investigations_visible_to(user),
            Q(pk__in=persons),
            ("-instruction_date", "-pk"),
            lambda i: WorkItem(
                f"{i.number}: {i.subject}", i.get_absolute_url(), i.get_status_display(), quote=i.subject
            ),
        ),
        _found(
            "cases",
            _("Criminal cases"),
            criminal_cases_visible_to(user),
            _named("person", name),
            ("-opened_on", "-pk"),
            lambda c: WorkItem(f"{c}, {c.court}", c.get_absolute_url(), c.get_stage_display(), quote=c.person),
        ),
        _found(
            "signals",
            _("Information on corruption"),
            signals_visible_to(user),
            _named("person", name),
            ("-received_on", "-pk"),
            lambda s: WorkItem(str(s), s.get_absolute_url(), s.get_source_display(), quote=s.person or s.court),
        ),
        _found(
            "notices",
            _("Notices under ISD 13"),
            notices_visible_to(user),
            _named("person", name),
            ("-filed_at", "-pk"),
            lambda n: WorkItem(n.person, n.get_absolute_url(), n.get_measure_display(), quote=n.person),
        ),
    ]


def vetting_page(user, vetting: VettingRequest) -> dict:
    return {
        "vetting": vetting,
        "checks": list(vetting.checks.select_related("entered_by__person")),
        "documents": list(
            Document.objects.filter(
                record_type__app_label="internal_security",
                record_type__model="vettingrequest",
                record_id=str(vetting.pk),
            ).order_by("pk")
        ),
        "officers": list(VettingGrant.objects.filter(content_object=vetting).select_related("user__person"))
        if is_isd_manager(user)
        else [],
        "may_manage": is_isd_manager(user) and vetting.status == VettingRequest.Status.OPEN,
        "may_work": may_work_on_vetting(user, vetting) and vetting.status == VettingRequest.Status.OPEN,
        "history": record_history(vetting),
    }
