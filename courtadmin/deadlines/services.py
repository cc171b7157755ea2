"""Deadlines: open, extend, suspend, resume, close; the reminder scan and the sender.

Exactly once: the scan inserts reminder rows under a unique key (a second scan inserts
nothing); the sender claims one unsent row at a time with SELECT ... FOR UPDATE SKIP LOCKED,
delivers it and marks it sent in the same transaction. Nothing waits in the broker: a lost
worker or a Redis restart loses nothing, the next scan and send find what is still due.
"""

import dataclasses
import logging
from datetime import date

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.org.authority import Capacity, signers

from .calendar import WorkingCalendar
from .kinds import KINDS, get_deadline_kind
from .models import Deadline, DeadlineEvent, Digest, EmailChoice, Notification, Reminder

logger = logging.getLogger(__name__)
ACTIVE = [Deadline.State.OPEN, Deadline.State.EXTENDED]


def _event(deadline, actor, action, note="") -> None:
    """Every move of a term: its history, the audit chain, and the due date its record keeps."""
    DeadlineEvent.objects.create(deadline=deadline, actor=actor, action=action, due_on=deadline.due_on, note=note)
    audit_record(
        actor=actor, action=f"deadline.{action}", obj=deadline, after={"due_on": deadline.due_on, "note": note}
    )
    _keep_on_record(deadline)


def _keep_on_record(deadline) -> None:
    """Where the kind says so (DeadlineKind.kept_on), the record keeps the due date of its
    running term, and nothing once the term is suspended or closed."""
    field = get_deadline_kind(deadline.kind).kept_on
    model = deadline.record_type.model_class()
    if field and any(f.name == field for f in model._meta.concrete_fields):  # a record of the kind's model
        running = deadline.due_on if deadline.state in ACTIVE else None
        model._base_manager.filter(pk=deadline.record_id).update(**{field: running})


def due_date(kind, start: date, calendar: WorkingCalendar | None = None) -> date:
    calendar = calendar or WorkingCalendar()
    if kind.working_days is not None:
        return calendar.add_working_days(start, kind.working_days)
    due = start + relativedelta(months=kind.months)
    return due if calendar.is_working_day(due) else calendar.next_working_day(due)


def deadline_open(
    *, record, kind: str, received_at, responsible, actor=None, months: int | None = None, due_on: date | None = None
) -> Deadline:
    """Start a term for a record. Something received after working hours or on a day off
    counts from the next working day. `months` replaces a kind's term in months where the
    record's own rule sets another (a treaty's execution term); `due_on` is a term set by a
    decision (an investigation's, by the instruction that orders it)."""
    spec = get_deadline_kind(kind)
    if months is not None and spec.months is not None:
        spec = dataclasses.replace(spec, months=months)
    calendar = WorkingCalendar()
    start = calendar.term_start(received_at)
    due = due_on or due_date(spec, start, calendar)
    with translation.override(settings.LANGUAGE_CODE):  # recorded in the state language
        legal_basis = str(spec.legal_basis)
    with transaction.atomic():
        deadline = Deadline.objects.create(
            record_type=ContentType.objects.get_for_model(record),
            record_id=str(record.pk),
            kind=spec.code,
            department=spec.department,
            legal_basis=legal_basis,
            started_on=start,
            due_on=due,
            original_due_on=due,
            responsible=responsible,
        )
        _event(deadline, actor, "opened")
    return deadline


def _locked(deadline) -> Deadline:
    return Deadline.objects.select_for_update().get(pk=deadline.pk)


def deadline_extend(*, deadline, actor, to: date, decision: str, notice_record=None) -> Deadline:
    """Extend on a reasoned decision, within the kind's cap (for appeals: two months from the
    start). Where the kind asks for it, a notice to the applicant becomes its own deadline."""
    spec = get_deadline_kind(deadline.kind)
    if not decision.strip():
        raise ValidationError(
            {"decision": ValidationError(_("Give the decision that extends the term."), code="required")}
        )
    with transaction.atomic():
        locked = _locked(deadline)
        if locked.state not in ACTIVE:
            raise ValidationError(_("Only an open term can be extended."), code="not_open")
        if to <= locked.due_on:
            raise ValidationError(
                {"to": ValidationError(_("The new date must be after the current one."), code="not_later")}
            )
        if spec.extension_cap_months is not None:
            cap = locked.started_on + relativedelta(months=spec.extension_cap_months)
            if to > cap:
                message = _("The term cannot be extended beyond %(cap)s.") % {"cap": cap.strftime("%d.%m.%Y")}
                raise ValidationError({"to": ValidationError(message, code="beyond_cap")})
        locked.due_on, locked.state = to, Deadline.State.EXTENDED
        locked.extension_decision, locked.extended_by = decision, actor
        locked.save()
        _event(locked, actor, "extended", decision)
        if spec.extension_notice_working_days is not None:
            notice_kind = f"{spec.code}.extension_notice"
            if notice_kind in KINDS:
                deadline_open(
                    record=notice_record or locked.record,
                    kind=notice_kind,
                    received_at=timezone.now(),
                    responsible=locked.responsible,
                    actor=actor,
                )
    deadline.refresh_from_db()
    return deadline


def deadline_hand_over(*, deadline, actor, responsible) -> Deadline:
    """The term's reminders follow whoever now answers for the record (an assignment, a
    recusal): the new responsible is recorded in the term's history and the audit chain."""
    with transaction.atomic():
        locked = _locked(deadline)
        if locked.responsible_id == responsible.pk:
            return locked
        before = locked.responsible
        locked.responsible = responsible
        locked.save(update_fields=["responsible"])
        _event(locked, actor, "handed_over", f"{before or ''} → {responsible}")
    deadline.refresh_from_db()
    return deadline


def deadline_suspend(*, deadline, actor, reason: str) -> Deadline:
    with transaction.atomic():
        locked = _locked(deadline)
        if locked.state not in ACTIVE:
            raise ValidationError(_("Only an open term can be suspended."), code="not_open")
        locked.state, locked.suspended_on = Deadline.State.SUSPENDED, timezone.localdate()
        locked.save()
        _event(locked, actor, "suspended", reason)
    deadline.refresh_from_db()
    return deadline


def deadline_resume(*, deadline, actor, reason: str = "") -> Deadline:
    """The term goes on: the working days it stood still are added to the due date."""
    with transaction.atomic():
        locked = _locked(deadline)
        if locked.state != Deadline.State.SUSPENDED:
            raise ValidationError(_("Only a suspended term can be resumed."), code="not_suspended")
        calendar = WorkingCalendar()
        paused = calendar.working_days_between(locked.suspended_on, timezone.localdate())
        locked.due_on = calendar.add_working_days(locked.due_on, paused)
        locked.state = Deadline.State.EXTENDED if locked.extension_decision else Deadline.State.OPEN
        locked.suspended_on = None
        locked.save()
        _event(locked, actor, "resumed", reason)
    deadline.refresh_from_db()
    return deadline


def deadline_close(*, deadline, actor, on: date | None = None) -> Deadline:
    """The work is done: met if on or before the due date, missed otherwise."""
    on = on or timezone.localdate()
    with transaction.atomic():
        locked = _locked(deadline)
        if locked.state not in (*ACTIVE, Deadline.State.SUSPENDED):
            raise ValidationError(_("This term is closed already."), code="closed")
        locked.state = Deadline.State.MET if on <= locked.due_on else Deadline.State.MISSED
        locked.closed_on = on
        locked.save()
        _event(locked, actor, locked.state)
    deadline.refresh_from_db()
    return deadline


# --- Reminders ------------------------------------------------------------------------------


def _escalation_recipients(department: str, line_of_work: str | None = None) -> list[int]:
    """Who hears of an overdue term: the deputy supervising `line_of_work` today or the person
    replacing him (IR 13); without a line, or with nobody on it, the department's head or the
    person replacing him. Never anyone outside the department."""
    decisions = signers(department, line_of_work)
    if line_of_work:
        supervisors = [d for d in decisions if d.capacity not in (Capacity.HEAD, Capacity.ACTING_HEAD)]
        decisions = supervisors or signers(department)
    return [decision.person.user_id for decision in decisions if decision.person.user_id]


_DUE = {"on": "=", "before": "<"}


def _insert_reminders(cursor, *, recipient: int | None, key: str, today, now, kind: str, due_on: str, due) -> int:
    """One INSERT ... SELECT over the active deadlines of a kind due `on` or `before` a day:
    to their responsible (`recipient` None) or to one person (the head, on escalation).
    Only table names of our models and a fixed operator go into the text; values are bound."""
    table, deadlines = Reminder._meta.db_table, Deadline._meta.db_table
    who = "responsible_id" if recipient is None else "%s"
    params = ([] if recipient is None else [recipient]) + [key, today, now, kind, due]
    sql = (
        f"INSERT INTO {table} (recipient_id, deadline_id, key, on_date, created_at, outcome) "  # noqa: S608  # nosec B608
        f"SELECT {who}, id, %s, %s, %s, '' FROM {deadlines} "
        f"WHERE kind = %s AND state IN ('open', 'extended') AND due_on {_DUE[due_on]} %s "
        "ON CONFLICT (deadline_id, recipient_id, key) DO NOTHING"
    )
    cursor.execute(sql, params)
    return cursor.rowcount


def reminders_scan(today: date | None = None) -> int:
    """Create today's reminder rows for every active deadline that is due for one (on
    working days). Safe to run any number of times: the unique key turns a repeat into
    nothing. Returns the number of rows created."""
    today = today or timezone.localdate()
    calendar = WorkingCalendar()
    if not calendar.is_working_day(today):
        return 0
    now, day = timezone.now(), today.isoformat()
    created = 0
    with transaction.atomic(), connection.cursor() as cursor:
        for spec in KINDS.values():
            to_responsible = {"cursor": cursor, "recipient": None, "today": today, "now": now, "kind": spec.code}
            for days in spec.remind_before:
                due = calendar.add_working_days(today, days)
                created += _insert_reminders(key=f"before:{days}", due_on="on", due=due, **to_responsible)
            if spec.remind_on_the_day:
                created += _insert_reminders(key="due", due_on="on", due=today, **to_responsible)
            if spec.remind_while_overdue:
                created += _insert_reminders(key=f"overdue:{day}", due_on="before", due=today, **to_responsible)
            if spec.escalate_when_overdue:
                for head in _escalation_recipients(spec.department, spec.escalation_line):
                    to_head = {**to_responsible, "recipient": head}
                    created += _insert_reminders(key=f"escalation:{day}", due_on="before", due=today, **to_head)
    return created


def _reminder_text(reminder) -> str:
    deadline = reminder.deadline
    facts = {"kind": deadline.kind_label, "due": deadline.due_on.strftime("%d.%m.%Y")}
    if reminder.key.startswith("before:"):
        facts["days"] = int(reminder.key.split(":")[1])
        return _("%(kind)s: due in %(days)d working days, on %(due)s.") % facts
    if reminder.key == "due":
        return _("%(kind)s: due today, %(due)s.") % facts
    if reminder.key.startswith("escalation:"):
        facts["person"] = str(deadline.responsible)  # his name, never his login
        return _("%(kind)s: overdue since %(due)s (responsible: %(person)s).") % facts
    return _("%(kind)s: overdue since %(due)s.") % facts


def record_url(deadline) -> str:
    record = deadline.record
    return record.get_absolute_url() if record is not None and hasattr(record, "get_absolute_url") else ""


def reminder_send_one() -> bool:
    """Claim one unsent reminder, deliver it, mark it sent: all in one transaction, so a
    crash before the commit leaves it to the next sender. Returns False when none is left.

    The one window for a repeat: the e-mail has left and the process dies before the
    commit; the next sender sends that e-mail again (the portal notification is in the
    transaction and is never doubled)."""
    with transaction.atomic():
        reminder = (
            Reminder.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(sent_at__isnull=True)
            .select_related("deadline__responsible", "recipient")
            .order_by("id")
            .first()
        )
        if reminder is None:
            return False
        if reminder.deadline.state not in ACTIVE:
            reminder.outcome = "obsolete"
        else:
            _deliver(reminder)
            reminder.outcome = "sent"
        reminder.sent_at = timezone.now()
        reminder.save(update_fields=["sent_at", "outcome"])
    return True


def _deliver(reminder) -> None:
    recipient = reminder.recipient
    with translation.override(recipient.language):
        title = _reminder_text(reminder)
        url = record_url(reminder.deadline)
        Notification.objects.create(user=recipient, title=title, url=url, reminder=reminder)
        choice = EmailChoice.objects.filter(user=recipient).first()
        if recipient.email and (choice is None or choice.reminders):
            link = f"{settings.PORTAL_URL.rstrip('/')}{url}" if url else settings.PORTAL_URL
            EmailMessage(
                subject=title[:200],
                body=f"{title}\n\n{link}\n",
                to=[recipient.email],
                headers={"X-Courtadmin-Reminder": str(reminder.pk)},
            ).send()


def reminders_send(limit: int = 10_000) -> int:
    sent = 0
    while sent < limit and reminder_send_one():
        sent += 1
    return sent


def digest_due(now) -> str | None:
    """The day whose digest is due at `now`: from 08:30 (Asia/Almaty)."""
    local = timezone.localtime(now)
    return local.date().isoformat() if (local.hour, local.minute) >= (8, 30) else None


def digests_send(today: date | None = None) -> int:
    """Each person's due and overdue items in one e-mail a day, once."""
    today = today or timezone.localdate()
    horizon = WorkingCalendar().add_working_days(today, 3)
    people = (
        Deadline.objects.filter(state__in=ACTIVE, due_on__lte=horizon)
        .values_list("responsible_id", flat=True)
        .distinct()
    )
    Digest.objects.bulk_create(
        [Digest(recipient_id=user_id, on_date=today) for user_id in people], ignore_conflicts=True
    )
    sent = 0
    while True:
        with transaction.atomic():
            digest = (
                Digest.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(on_date=today, sent_at__isnull=True)
                .select_related("recipient")
                .first()
            )
            if digest is None:
                return sent
            _send_digest(digest, today, horizon)
            digest.sent_at = timezone.now()
            digest.save(update_fields=["sent_at"])
            sent += 1


def _send_digest(digest, today, horizon) -> None:
    recipient = digest.recipient
    choice = EmailChoice.objects.filter(user=recipient).first()
    if not recipient.email or (choice is not None and not choice.digest):
        return
    items = Deadline.objects.filter(responsible=recipient, state__in=ACTIVE, due_on__lte=horizon).order_by("due_on")
    with translation.override(recipient.language):
        lines = [
            (_("OVERDUE") + " " if item.due_on < today else "") + f"{item.due_on:%d.%m.%Y} {item.kind_label}"
            for item in items
        ]
        EmailMessage(
            subject=_("Your terms for %(date)s") % {"date": today.strftime("%d.%m.%Y")},
            body="\n".join(lines) + f"\n\n{settings.PORTAL_URL}\n",
            to=[recipient.email],
            headers={"X-Courtadmin-Digest": f"{recipient.pk}:{today.isoformat()}"},
        ).send()


# --- Notifications ----------------------------------------------------------------------------


def notifications_mark_read(*, user, ids=None) -> int:
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


def email_choice_set(*, user, reminders: bool, digest: bool, moves: bool = True) -> None:
    """Which e-mails he receives: reminders, the daily digest, the news of moves on his records."""
    EmailChoice.objects.update_or_create(user=user, defaults={"reminders": reminders, "digest": digest, "moves": moves})


# --- The news of a move (courtadmin.core.workflow) ------------------------------------------


def move_news_deliver(payload: dict) -> None:
    """Tell each person a move concerns, in his language, in the portal and by e-mail as he
    chose, if he may open the record now; once: a second run finds his notification made.
    Each person's notification and e-mail are one transaction, as a reminder's are."""
    from django.contrib.auth import get_user_model

    from courtadmin.audit.models import AuditEvent
    from courtadmin.core.workflow import workflow_of

    workflow = workflow_of(payload["workflow"])
    move = workflow.moves[payload["move"]]
    actor = get_user_model().objects.filter(pk=payload["actor_id"]).first()
    # Why, where the move gives a reason (a return, a refusal): in the portal, not by e-mail,
    # which leaves the server.
    after = AuditEvent.objects.filter(pk=payload["event_id"]).values_list("after", flat=True).first() or {}
    why = str(after.get("comment") or after.get("reason") or "").strip()
    key = f"news:{payload['event_id']}"
    for recipient in get_user_model().objects.filter(pk__in=payload["recipients"], is_active=True):
        record = workflow.visible_to(recipient).filter(pk=payload["record_id"]).first()
        if record is None:  # outside his reach (now): he is told nothing of it
            continue
        with transaction.atomic(), translation.override(recipient.language):
            status = dict(type(record)._meta.get_field("status").choices).get(payload["status"], payload["status"])
            words = {
                "record": f"{type(record)._meta.verbose_name.capitalize()} {record}",
                "move": move.label,
                "actor": str(actor) if actor is not None else "",
                "status": status,
                "why": why,
            }
            title = _("%(record)s: %(move)s (%(actor)s). Now: %(status)s.") % words
            shown = _("%(record)s: %(move)s (%(actor)s): %(why)s. Now: %(status)s.") % words if why else title
            url = record.get_absolute_url()
            _notification, created = Notification.objects.get_or_create(
                user=recipient, key=key, defaults={"title": shown[:300], "url": url, "quote": str(record)[:300]}
            )
            choice = EmailChoice.objects.filter(user=recipient).first()
            if created and recipient.email and (choice is None or choice.moves):
                EmailMessage(
                    subject=title[:200],
                    body=f"{title}\n\n{settings.PORTAL_URL.rstrip('/')}{url}\n",
                    to=[recipient.email],
                    headers={"X-Courtadmin-News": f"{key}:{recipient.pk}"},
                ).send()
