""" "My work" (courtadmin/core/work.py): my running terms by due date, the overdue first, and
the news of my records that I have not read."""

from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.work import COUNT_CAP, WorkItem, WorkPanel, counted

from .selectors import my_running_terms, notifications_of


def _terms(user, limit: int):
    today = timezone.localdate()
    terms = my_running_terms(user, COUNT_CAP + 1)
    items = []
    for deadline, record in terms[:limit]:
        due = date_format(deadline.due_on, "SHORT_DATE_FORMAT")
        overdue = deadline.due_on < today
        note = _("overdue since %(date)s") % {"date": due} if overdue else _("due %(date)s") % {"date": due}
        url = record.get_absolute_url() if hasattr(record, "get_absolute_url") else ""
        # The record's name may hold the words people wrote (a plan item's title): marked so.
        items.append(WorkItem(f"{deadline.kind_label}: {record}", url, note, overdue, quote=str(record)))
    return items, len(terms)


def _news(user, limit: int):
    unread = notifications_of(user).filter(read_at__isnull=True)
    items = [
        WorkItem(
            notification.title,
            reverse_lazy("deadlines:notification-open", args=[notification.pk]),
            date_format(timezone.localtime(notification.created_at), "SHORT_DATETIME_FORMAT"),
            language=notification.language,
            quote=notification.quote,
        )
        for notification in unread[:limit]
    ]
    return items, counted(unread)


PANELS = (
    WorkPanel(
        "terms",
        gettext_lazy("My deadlines"),
        gettext_lazy("No running term is yours."),
        _terms,
        order=20,
    ),
    WorkPanel(
        "news",
        gettext_lazy("What changed on my records"),
        gettext_lazy("Nothing new since you last looked."),
        _news,
        order=30,
        all_url=reverse_lazy("deadlines:notification-list"),
    ),
)
