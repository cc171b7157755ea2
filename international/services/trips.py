"""Business trips abroad and foreign delegations (IR 7.11, 7.16, 7.17).

- A trip of judges or court staff abroad is entered by IR staff with its order (number,
  date), purpose, country, host, financing, programme, travellers (people of the portal,
  judges of local courts by name and court) and dates (IR 7.16).
- The order sets the term of the final report (`report_due_on`): it runs as `ir.trip_report`
  for the responsible officer, reminds him and, late, escalates to the IR head; a later term
  set by a new order extends it. Once the participants are back the report is awaited; IR
  staff attach it when it comes (the term closes as met or late) and record the day and the
  address of its publication on the Supreme Court's portal (IR 7.11).
- A foreign delegation's visit is entered with its country, organisation, head, members,
  dates, programme by day and hour, protocol (precedence, seating, flags, interpreters) and the
  staff of other subdivisions proposed to accompany it (IR 7.17, IR 5.2). Its moves
  (`delegation_move`): the leadership consents to it, and so brings those staff in; IR staff
  record it held from its first day, or cancel it with the reason. A held or cancelled visit
  is no longer corrected.

Services here write (keyword-only, inside a transaction, audited); the reads are in
international/selectors/trips.py.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.core.workflow import Move, Workflow
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_close, deadline_extend, deadline_hand_over, deadline_open
from courtadmin.org.authority import CA_LEADERSHIP_KINDS, brought_in, person_of
from courtadmin.org.models import Department

from ..models import Delegation, DelegationMember, ProgrammeItem, Trip, TripJudge, TripReport
from ..permissions import check_ir_staff, is_ir_staff

REPORT_TERM = "ir.trip_report"


def _saved(*, actor, record, action: str, after=None, also=None):
    """Validate and write a trip or a delegation, entered or corrected by IR staff; `also`
    writes what goes with it in the same transaction."""
    check_ir_staff(actor)
    created = record.pk is None
    if created:
        record.created_by = actor
    record.full_clean()
    with transaction.atomic():
        record.save()
        if also is not None:
            also(record)
        audit_record(actor=actor, action=f"{action}.{'created' if created else 'updated'}", obj=record, after=after)
    return record


def trip_save(*, actor, trip: Trip, travellers=(), judges=()) -> Trip:
    """IR 7.16: a trip abroad entered or corrected by IR staff, with its travellers of the
    portal and the judges of local courts (`judges`: (full name, court) pairs); the report's
    term follows the order (IR 7.11)."""
    travellers, judges = list(travellers), [(name.strip(), court) for name, court in judges if name.strip()]

    def also(saved):
        saved.travellers.set(travellers)
        TripJudge.objects.filter(trip=saved).delete()
        TripJudge.objects.bulk_create(TripJudge(trip=saved, full_name=name, court=court) for name, court in judges)
        _report_term(saved, actor)

    after = {"travellers": sorted(user.pk for user in travellers), "judges": [name for name, _court in judges]}
    return _saved(actor=actor, record=trip, action="ir.trip", after=after, also=also)


def _report_term(trip: Trip, actor) -> None:
    """The final report's term as the order sets it: opened, extended by a later order (an
    earlier one is refused: the term runs), handed to a new responsible officer."""
    if trip.report_received_on is not None:
        return
    term = running_term(trip, REPORT_TERM)
    if term is not None and (trip.report_due_on is None or trip.report_due_on < term.due_on):
        raise ValidationError(
            {
                "report_due_on": ValidationError(
                    _("The report's term runs: a new order only sets a later one."), code="not_later"
                )
            }
        )
    if trip.report_due_on is None:
        return
    if term is None:
        deadline_open(
            record=trip,
            kind=REPORT_TERM,
            received_at=timezone.now(),
            responsible=trip.officer,
            actor=actor,
            due_on=trip.report_due_on,
        )
        return
    if trip.report_due_on > term.due_on:
        order = " ".join(
            part for part in (trip.order_number, f"{trip.order_date:%d.%m.%Y}" if trip.order_date else "") if part
        )
        deadline_extend(deadline=term, actor=actor, to=trip.report_due_on, decision=order or _("trip order"))
    if term.responsible_id != trip.officer_id:
        deadline_hand_over(deadline=term, actor=actor, responsible=trip.officer)


def delegation_save(*, actor, delegation: Delegation, members=(), programme=(), escorts=()) -> Delegation:
    """IR 7.17: a foreign delegation's visit entered or corrected by IR staff while it is ahead:
    `members` (full name, position, document), `programme` (day, time, what, where) and the
    `escorts`, people of other subdivisions, whom the leadership's consent brings in (IR 5.2).
    Changing the escorts of a consented visit asks for the consent again."""
    members, programme, escorts = list(members), list(programme), list(escorts)
    if delegation.pk is not None and delegation.status not in VISIT_OPEN:
        raise ValidationError(_("A held or cancelled visit is no longer corrected."), code="closed")
    errors = {}
    outside = [user for user in escorts if not brought_in(user, Department.IR)]
    if outside:
        names = ", ".join(str(getattr(user, "person", None) or user) for user in outside)
        errors["escorts"] = ValidationError(
            _("Only people of other subdivisions are brought in: %(names)s.") % {"names": names}, code="not_outside"
        )
    if any(not (delegation.arrives_on <= day <= delegation.leaves_on) for day, *_rest in programme):
        errors["programme"] = ValidationError(_("The programme keeps to the visit's days."), code="outside_visit")
    if errors:
        raise ValidationError(errors)

    def also(saved):
        before = set(saved.escorts.values_list("pk", flat=True)) if saved.pk else set()
        saved.escorts.set(escorts)
        saved.members.all().delete()
        DelegationMember.objects.bulk_create(
            DelegationMember(delegation=saved, full_name=name, position=position, document=document)
            for name, position, document in members
        )
        saved.programme_items.all().delete()
        ProgrammeItem.objects.bulk_create(
            ProgrammeItem(delegation=saved, day=day, at=at, activity=activity, place=place)
            for day, at, activity, place in programme
        )
        if saved.status == Delegation.Status.CONSENTED and before != {user.pk for user in escorts}:
            Delegation.objects.filter(pk=saved.pk).update(
                status=Delegation.Status.PLANNED, consented_by=None, consented_at=None
            )
            saved.refresh_from_db()

    after = {"members": len(members), "programme": len(programme), "escorts": sorted(user.pk for user in escorts)}
    return _saved(actor=actor, record=delegation, action="ir.delegation", after=after, also=also)


# --- A visit's moves ---------------------------------------------------------------------------

V = Delegation.Status
VISIT_OPEN = (V.PLANNED, V.CONSENTED)
# Who may: "leadership", the Chairman, the Head of the Court Administration and his deputies
# (IR 5.2: they consent to the visit and to the staff it brings in); "ir_staff".
VISIT_MOVES = {
    move.name: move
    for move in (
        Move("consent", gettext_lazy("Consent to the visit"), frozenset({V.PLANNED}), V.CONSENTED, "leadership"),
        Move("hold", gettext_lazy("Record the visit as held"), frozenset({V.CONSENTED}), V.HELD, "ir_staff"),
        Move(
            "cancel",
            gettext_lazy("Cancel the visit"),
            frozenset({V.PLANNED, V.CONSENTED}),
            V.CANCELLED,
            "ir_staff",
            ("reason",),
        ),
    )
}


def is_leadership(user) -> bool:
    person = person_of(user)
    return bool(person and person.position and person.position.kind in CA_LEADERSHIP_KINDS)


class VisitWorkflow(Workflow):
    model = Delegation
    moves = VISIT_MOVES
    action_prefix = "ir.delegation."

    def may(self, move: Move, visit, user) -> bool:
        return is_leadership(user) if move.who == "leadership" else is_ir_staff(user)

    def refused_move(self, visit, move: Move) -> ValidationError:
        return ValidationError(
            _("A visit that is %(status)s cannot be moved so (%(move)s).")
            % {"status": visit.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, visit, move: Move) -> ValidationError:
        if move.who == "leadership":
            return ValidationError(_("Only the leadership consents to a visit."), code="not_leadership")
        return ValidationError(_("The department's staff keep its visits."), code="not_yours")

    def visible_to(self, user):
        from ..selectors.trips import delegations_visible_to

        return delegations_visible_to(user)

    def concerned(self, visit, move: Move, *, actor) -> list:
        """The responsible officer, and the staff brought in once the visit is consented."""
        return [visit.officer, *(visit.escorts.all() if move.name == "consent" else [])]

    def check(self, visit, move: Move, *, actor, **inputs) -> None:
        if move.name == "hold" and visit.arrives_on > timezone.localdate():
            raise ValidationError(_("The delegation has not arrived yet."), code="not_arrived")
        if move.name == "cancel" and not inputs.get("reason", "").strip():
            raise ValidationError({"reason": ValidationError(_("Say why it is cancelled."), code="required")})

    def apply(self, visit, move: Move, *, actor, **inputs) -> dict:
        if move.name == "consent":
            visit.consented_by, visit.consented_at = actor, timezone.now()
            return {"escorts": sorted(visit.escorts.values_list("pk", flat=True))}
        if move.name == "cancel":
            visit.cancel_reason = inputs["reason"].strip()
            return {"reason": visit.cancel_reason}
        return {}


VISIT_WORKFLOW = VisitWorkflow()


def visit_moves_open_to(visit, user) -> list[Move]:
    return VISIT_WORKFLOW.moves_open_to(visit, user)


def delegation_move(*, delegation: Delegation, move: str, actor, **inputs) -> Delegation:
    """Perform one move of a visit, or refuse it and change nothing."""
    if move not in VISIT_MOVES:
        raise ValidationError(_("No such move."), code="forbidden_move")
    return VISIT_WORKFLOW.perform(record=delegation, move=move, actor=actor, **inputs)


def trip_report_add(*, actor, trip: Trip, upload) -> TripReport:
    """IR 7.11: the final report of a trip, accepted once the participants are back. The
    first report sets the day it was received; a later file replaces it as the report."""
    check_ir_staff(actor)
    today = timezone.localdate()
    if trip.departs_on > today:
        raise ValidationError(_("The trip has not begun: its report comes after it."), code="not_begun")
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        locked = Trip.objects.select_for_update().get(pk=trip.pk)
        report = TripReport.objects.create(trip=locked, uploaded_by=actor, **fields)
        if locked.report_received_on is None:
            locked.report_received_on = today
            locked.save(update_fields=["report_received_on"])
            term = running_term(locked, REPORT_TERM)
            if term is not None:
                deadline_close(deadline=term, actor=actor, on=today)
        audit_record(
            actor=actor,
            action="ir.trip.report_added",
            obj=locked,
            after={"report": report.pk, "name": report.original_name, "sha256": report.sha256},
        )
    trip.refresh_from_db()
    return report


def trip_report_published(*, actor, trip: Trip, on: date, url: str) -> Trip:
    """IR 7.11: the day and the address of the final report's publication on the Supreme
    Court's portal."""
    check_ir_staff(actor)
    errors = {}
    if trip.report_received_on is None:
        errors["on"] = ValidationError(_("Attach the final report first."), code="no_report")
    elif on < trip.report_received_on:
        errors["on"] = ValidationError(_("It was published after it was received."), code="before_report")
    if on > timezone.localdate():
        errors["on"] = ValidationError(_("This date is still to come."), code="future")
    if not (url or "").strip():
        errors["url"] = ValidationError(_("Give the address of the publication."), code="required")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Trip.objects.filter(pk=trip.pk).update(report_published_on=on, publication_url=url.strip())
        audit_record(
            actor=actor, action="ir.trip.report_published", obj=trip, after={"on": on.isoformat(), "url": url.strip()}
        )
    trip.refresh_from_db()
    return trip
