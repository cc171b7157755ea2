from django.shortcuts import get_object_or_404

from .models import Deadline, EmailChoice, Notification


def notifications_of(user):
    return Notification.objects.filter(user=user)


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def get_notification_for_user(user, pk) -> Notification:
    return get_object_or_404(Notification, user=user, pk=pk)


def email_choice_of(user) -> EmailChoice:
    return EmailChoice.objects.filter(user=user).first() or EmailChoice(user=user)


RUNNING = (*Deadline.ACTIVE, Deadline.State.SUSPENDED)
# How many times `my_running_terms` reads its `limit` of terms at most.
READS = 10


def running_term(record, kind: str | None = None) -> Deadline | None:
    """The term of a record that still runs (open, extended or suspended), of one kind if
    given; the latest, should there be several. Matched by the content type's name, so the
    number of queries stays one."""
    terms = Deadline.objects.filter(
        record_type__app_label=record._meta.app_label,
        record_type__model=record._meta.model_name,
        record_id=str(record.pk),
        state__in=RUNNING,
    )
    if kind:
        terms = terms.filter(kind=kind)
    return terms.order_by("-pk").first()


def my_running_terms(user, limit: int) -> list[tuple[Deadline, object]]:
    """The first `limit` terms `user` answers for that still run (suspended ones too), by due
    date, with their records; a term whose record he no longer reaches (a need-to-know record
    he lost) is left out. Read `limit` at a time in due order, one query for the terms and one
    per kind of record, until `limit` are found, READS times at most: the cost is that of
    `limit` terms, however many are his. (A term on a record its holder no longer reaches is
    one to give to someone else; should his first READS × `limit` be all such, he is shown
    fewer, rather than every term he holds being read.)"""
    mine = Deadline.objects.filter(responsible=user, state__in=RUNNING).select_related("record_type")
    mine = mine.order_by("due_on", "pk")
    found: list[tuple[Deadline, object]] = []
    start = 0
    for _read in range(READS):
        terms = list(mine[start : start + limit])
        found += _within_reach(terms, user)
        if len(found) >= limit or len(terms) < limit:
            break
        start += limit
    return found[:limit]


def _within_reach(terms: list[Deadline], user) -> list[tuple[Deadline, object]]:
    """`terms` with their records, those whose records `user` does not reach left out."""
    from courtadmin.org.departments import record_reaches

    reach = {model._meta.label_lower: within for model, within in record_reaches()}
    records: dict[tuple, object] = {}
    by_type: dict = {}
    for deadline in terms:
        by_type.setdefault(deadline.record_type, set()).add(deadline.record_id)
    for record_type, ids in by_type.items():
        model = record_type.model_class()
        queryset = model._default_manager.filter(pk__in=ids)
        within = reach.get(model._meta.label_lower)
        if within is not None:
            queryset = within(queryset, user)
        records.update({(record_type.pk, str(record.pk)): record for record in queryset})
    return [
        (deadline, records[(deadline.record_type_id, deadline.record_id)])
        for deadline in terms
        if (deadline.record_type_id, deadline.record_id) in records
    ]
