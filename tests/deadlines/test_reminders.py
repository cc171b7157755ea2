"""Reminders (issue 5.3, 5.4): created by a scan under a unique key, sent once by a sender
that claims one row at a time; in the recipient's language; escalation stays inside the
department (ISD 7); e-mails as each person chooses; a daily digest once."""

import threading
from datetime import date

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from courtadmin.deadlines import services
from courtadmin.deadlines.models import Deadline, EmailChoice, Notification, Reminder
from courtadmin.org.authority import department_access
from tests.conftest import requires_postgres
from tests.deadlines.conftest import complaints_like, open_appeal

# The appeal of the fixtures is due on Monday 14.12.2026.
BEFORE_3, BEFORE_1, DUE, OVERDUE = date(2026, 12, 9), date(2026, 12, 11), date(2026, 12, 14), date(2026, 12, 15)


@pytest.fixture
def appeal(complaint, people):
    for username in ("isd_officer", "isd_head", "isd_deputy"):
        user = people[username].user
        user.email = f"{username}@court.local"
        user.save()
    return open_appeal(complaint, people)


@pytest.mark.parametrize(
    ("day", "keys"),
    [
        (BEFORE_3, {("isd_officer", "before:3")}),
        (BEFORE_1, {("isd_officer", "before:1")}),
        (DUE, {("isd_officer", "due")}),
        (OVERDUE, {("isd_officer", "overdue:2026-12-15"), ("isd_head", "escalation:2026-12-15")}),
        (date(2026, 12, 10), set()),
        (date(2026, 12, 12), set()),  # a Saturday: no scan
    ],
)
def test_the_scan_creates_what_is_due_that_day_and_a_second_scan_nothing(appeal, people, day, keys):
    created = services.reminders_scan(day)
    again = services.reminders_scan(day)
    usernames = {person.user_id: name for name, person in people.items()}
    found = {(usernames[r.recipient_id], r.key) for r in Reminder.objects.all()}
    assert found == keys
    assert (created, again) == (len(keys), 0)


def test_each_reminder_is_sent_once_in_the_recipients_language(appeal, people):
    officer = people["isd_officer"].user
    officer.language = "ru"
    officer.save()
    services.reminders_scan(OVERDUE)
    assert services.reminders_send() == 2
    assert services.reminders_send() == 0
    assert sorted(message.to[0] for message in mail.outbox) == ["isd_head@court.local", "isd_officer@court.local"]
    texts = {}
    for language in ("ru", "kk"):
        with translation.override(language):
            texts[language] = gettext("%(kind)s: overdue since %(due)s.") % {
                "kind": gettext("Answer to an appeal"),
                "due": "14.12.2026",
            }
    assert texts["ru"] != texts["kk"]  # the catalogs are complete
    to_officer = Notification.objects.get(user=officer)
    assert to_officer.title == texts["ru"]
    assert to_officer.url == reverse("internal_security:complaint-detail", args=[appeal.record.pk])
    assert texts["ru"] in [message.subject for message in mail.outbox]


def test_escalation_never_leaves_the_isd_isd_7(appeal, people):
    services.reminders_scan(OVERDUE)
    recipients = {reminder.recipient for reminder in Reminder.objects.select_related("recipient")}
    assert recipients and all(department_access(user, "ISD") for user in recipients)
    assert all(person.position.unit.department == "ISD" for person in (people["isd_officer"], people["isd_head"]))


def test_a_closed_deadline_is_not_reminded(appeal, people):
    services.reminders_scan(DUE)
    services.deadline_close(deadline=appeal, actor=None, on=DUE)
    services.reminders_send()
    assert mail.outbox == []
    assert Reminder.objects.get().outcome == "obsolete"


def test_email_as_each_person_chooses_the_portal_always(appeal, people, client_for):
    client = client_for("isd_officer")
    client.post(reverse("deadlines:email-choice"), {"digest": "on"})  # reminders unticked
    services.reminders_scan(DUE)
    services.reminders_send()
    assert mail.outbox == []
    assert Notification.objects.filter(user=people["isd_officer"].user).count() == 1


def test_the_choice_of_no_news_by_e_mail_is_kept(people, client_for):
    """The page's third box, the news of moves on my records, is saved as ticked or not."""
    client = client_for("isd_officer")
    client.post(reverse("deadlines:email-choice"), {"reminders": "on", "digest": "on"})  # news unticked
    choice = EmailChoice.objects.get(user=people["isd_officer"].user)
    assert (choice.reminders, choice.digest, choice.moves) == (True, True, False)
    client.post(reverse("deadlines:email-choice"), {"moves": "on"})
    choice.refresh_from_db()
    assert (choice.reminders, choice.digest, choice.moves) == (False, False, True)


def test_the_daily_digest_goes_once(appeal, people):
    assert services.digests_send(DUE) == 1
    assert services.digests_send(DUE) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["isd_officer@court.local"]
    assert "14.12.2026" in mail.outbox[0].body


@requires_postgres()
@pytest.mark.django_db(transaction=True)
def test_two_senders_at_the_same_time_send_each_reminder_once(complaint, people):
    for record in complaints_like(complaint, 20):
        open_appeal(record, people)
    services.reminders_scan(DUE)
    start = threading.Barrier(2)
    counts = []

    def sender():
        start.wait()
        counts.append(services.reminders_send())
        connection.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 20
    assert Notification.objects.count() == 20
    assert Reminder.objects.filter(sent_at__isnull=True).count() == 0
    assert Deadline.objects.count() == 20


def test_the_bell_counts_unread_and_a_notification_opens_its_record(appeal, people, client_for):
    services.reminders_scan(DUE)
    services.reminders_send()
    client = client_for("isd_officer")
    assert client.get(reverse("deadlines:bell")).context["unread"] == 1
    notification = Notification.objects.get(user=people["isd_officer"].user)
    response = client.get(reverse("deadlines:notification-open", args=[notification.pk]))
    assert response.url == notification.url
    assert client.get(reverse("deadlines:bell")).context["unread"] == 0
    assert client_for("isd_head").get(reverse("deadlines:notification-open", args=[notification.pk])).status_code == 404


@pytest.mark.parametrize("count", [2, 40])
def test_the_notification_list_costs_the_same_for_2_and_40(people, client_for, django_assert_num_queries, count):
    user = people["ir_officer"].user
    Notification.objects.bulk_create(Notification(user=user, title=f"N {n}", url="/") for n in range(count))
    client = client_for("ir_officer")
    client.get("/")
    with django_assert_num_queries(6):
        assert client.get(reverse("deadlines:notification-list")).status_code == 200
