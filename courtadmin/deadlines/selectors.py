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
