"""The life of a complaint as a table of moves, and the one function that performs a move
(ISD 6.23; the АППК rules of ../shared/DOMAIN.md "Appeals").

registered -> assigned, being considered -> decided -> answered (the answer signed per ISD 15)
registered | being considered -> forwarded to the competent body (outside the ISD's competence)
registered | being considered -> left without consideration, with its ground
registered (anonymous, reporting a crime or a threat) -> sent on at once to the competent body

An anonymous appeal is not considered (АППК): it is left without consideration, unless the
officer marks that it reports a crime being prepared or committed or a threat to security,
and then it is sent on at once. Nothing else assigns `Complaint.status`.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.workflow import Move, Workflow, missing_texts
from courtadmin.deadlines.models import Deadline
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_close, deadline_open
from courtadmin.documents.selectors import signed_document_of
from courtadmin.org.models import Position

from .models import (
    AccessPass,
    BuildingMeasure,
    CaseStage,
    Complaint,
    ComplaintGrant,
    ComplianceControl,
    ContractDefect,
    ControlledItem,
    CorruptionRisk,
    CriminalCase,
    HearingSecurity,
    IncidentGrant,
    Inspection,
    Investigation,
    InvestigationGrant,
    PlanItem,
    Practice,
    ProgrammeItem,
    Recommendation,
    RiskMeasure,
    SecurityContract,
    SecurityIncident,
    SpendingProposal,
    StaffNotice,
    UnitMeeting,
    UnitRegulation,
    UnitReport,
    VettingGrant,
    VettingRequest,
    WorkPlan,
)
from .permissions import (
    files_staff_notices,
    is_isd_head,
    is_isd_manager,
    isd_managers,
    isd_position,
    keeps_region,
    may_work_on,
    may_work_on_incident,
    may_work_on_investigation,
    may_work_on_vetting,
    team_of,
    unit_region,
    unit_staff,
)
from .selectors.buildings import building_measures_visible_to
from .selectors.cases import criminal_cases_visible_to
from .selectors.complaints import appeal_term, complaints_visible_to
from .selectors.contracts import OPEN_DEFECT, contracts_visible_to, defects_visible_to
from .selectors.controls import controls_visible_to
from .selectors.expenses import expenses_visible_to
from .selectors.hearings import hearings_visible_to
from .selectors.incidents import incidents_visible_to
from .selectors.inspections import inspections_visible_to, recommendations_visible_to
from .selectors.investigations import investigations_visible_to
from .selectors.meetings import meetings_visible_to
from .selectors.notices import notices_visible_to
from .selectors.passes import passes_visible_to
from .selectors.plans import plan_items_visible_to, plans_visible_to
from .selectors.practices import practices_visible_to
from .selectors.programmes import programme_items_visible_to
from .selectors.regulations import regulations_visible_to
from .selectors.reports import reports_visible_to
from .selectors.risks import measures_visible_to, risks_visible_to
from .selectors.vetting import vettings_visible_to

S = Complaint.Status
ANSWER_KIND = "isd.complainant_answer"
CONCLUSION_KIND = "isd.investigation_conclusion"
FORWARDING_KIND = "isd.appeal.forwarding"


# Who may: "manager", the ISD head or deputy; "worker", a manager or an assigned officer.
# Inputs: "reason", "forwarded_to", "decision".
MOVES = {
    move.name: move
    for move in (
        Move("assign", gettext_lazy("Assign officers"), frozenset({S.REGISTERED, S.IN_WORK}), S.IN_WORK, "manager"),
        Move(
            "forward",
            gettext_lazy("Forward to the competent body"),
            frozenset({S.REGISTERED, S.IN_WORK}),
            S.FORWARDED,
            "worker",
            ("forwarded_to",),
        ),
        Move(
            "send_on",
            gettext_lazy("Send on at once"),
            frozenset({S.REGISTERED}),
            S.SENT_ON,
            "worker",
            ("forwarded_to",),
        ),
        Move(
            "leave",
            gettext_lazy("Leave without consideration"),
            frozenset({S.REGISTERED, S.IN_WORK}),
            S.NOT_CONSIDERED,
            "worker",
            ("reason",),
        ),
        Move("decide", gettext_lazy("Decide"), frozenset({S.IN_WORK}), S.DECIDED, "worker", ("decision", "reason")),
        Move("answer", gettext_lazy("Close as answered"), frozenset({S.DECIDED}), S.ANSWERED, "worker"),
    )
}


def _open_to_anonymous(complaint, move: str) -> bool:
    """An anonymous appeal is left without consideration, or sent on at once when it reports
    a crime or a threat; a signed one is never "sent on" so."""
    if not complaint.is_anonymous:
        return move != "send_on"
    return move == ("send_on" if complaint.crime_reported else "leave")


class ComplaintWorkflow(Workflow):
    model = Complaint
    moves = MOVES
    action_prefix = "isd.complaint."

    def is_open(self, complaint, move: Move) -> bool:
        return complaint.status in move.sources and _open_to_anonymous(complaint, move.name)

    def may(self, move: Move, complaint, user) -> bool:
        return is_isd_manager(user) if move.who == "manager" else may_work_on(user, complaint)

    def refused_move(self, complaint, move: Move) -> ValidationError:
        return ValidationError(
            _("A complaint that is %(status)s cannot be moved so (%(move)s).")
            % {"status": complaint.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, complaint, move: Move) -> ValidationError:
        return ValidationError(_("You may not %(move)s this complaint.") % {"move": move.label}, code="not_yours")

    def visible_to(self, user):
        return complaints_visible_to(user)

    def concerned(self, complaint, move: Move, *, actor) -> list:
        """Its officers (assigned: told they have it), and the head and deputy (ISD 9)."""
        return [*team_of(complaint, ComplaintGrant), *isd_managers()]

    def check(self, complaint, move: Move, *, actor, reason="", forwarded_to="", decision="") -> None:
        errors = missing_texts(
            move,
            {"reason": (reason, _("Give the ground.")), "forwarded_to": (forwarded_to, _("Name the body it goes to."))},
        )
        if "decision" in move.needs and decision not in Complaint.Decision.values:
            errors["decision"] = ValidationError(_("Choose the decision."), code="required")
        if errors:
            raise ValidationError(errors)
        if move.name == "answer" and signed_document_of(complaint, ANSWER_KIND) is None:
            raise ValidationError(
                _("The answer to the applicant must be signed first (ISD 15)."), code="answer_unsigned"
            )

    def apply(self, complaint, move: Move, *, actor, reason="", forwarded_to="", decision="") -> dict:
        closing_day = timezone.localdate()
        if move.name == "answer":
            closing_day = timezone.localdate(signed_document_of(complaint, ANSWER_KIND).signature.signed_at)
        if move.name in ("forward", "send_on"):
            complaint.forwarded_to = forwarded_to
        if move.name == "forward":
            _record_forwarding_term(complaint, actor, closing_day)
        if move.name in ("leave", "decide"):
            complaint.outcome_note = reason
        if move.name == "decide":
            complaint.decision = decision
        if move.target in (S.FORWARDED, S.SENT_ON, S.NOT_CONSIDERED, S.ANSWERED):
            complaint.closed_on = closing_day
            term = appeal_term(complaint)
            if term is not None:
                closed = deadline_close(deadline=term, actor=actor, on=closing_day)
                complaint.term_kept = closed.state == Deadline.State.MET
        return {"decision": decision, "forwarded_to": forwarded_to, "reason": reason}


COMPLAINT_WORKFLOW = ComplaintWorkflow()


def moves_open_to(complaint, user) -> list[Move]:
    return COMPLAINT_WORKFLOW.moves_open_to(complaint, user)


def complaint_move(*, complaint, move: str, actor, reason: str = "", forwarded_to: str = "", decision: str = ""):
    """Perform one move: lock the complaint, check the edge, the anonymity rule, the actor and
    the inputs, write the change and the audit event. Assigning officers is
    services.complaint_assign, which calls this with move="assign"."""
    return COMPLAINT_WORKFLOW.perform(
        record=complaint, move=move, actor=actor, reason=reason, forwarded_to=forwarded_to, decision=decision
    )


def _record_forwarding_term(complaint, actor, forwarded_on) -> None:
    """АППК arts. 65, 76: an appeal outside the ISD's competence goes to the competent body
    within 3 working days of its receipt, and the applicant is told at the same time. The term
    is kept as it ran, from receipt to this move, so a late forwarding shows as missed."""
    term = deadline_open(record=complaint, kind=FORWARDING_KIND, received_at=complaint.received_at, responsible=actor)
    deadline_close(deadline=term, actor=actor, on=forwarded_on)


# --- An investigation: under way -> concluded (ISD 6.21) ------------------------------------


class InvestigationWorkflow(Workflow):
    """The one move of an investigation: it ends with its conclusion signed per ISD 15 and an
    outcome; its term closes on the day the conclusion was signed."""

    model = Investigation
    moves = {
        "conclude": Move(
            "conclude",
            gettext_lazy("Conclude"),
            frozenset({Investigation.Status.OPEN}),
            Investigation.Status.CONCLUDED,
        )
    }
    action_prefix = "isd.investigation."

    def visible_to(self, user):
        return investigations_visible_to(user)

    def concerned(self, investigation, move: Move, *, actor) -> list:
        """Who instructed it (the Chairman or the CA head, ISD 6.21), its team, the ISD's managers."""
        return [investigation.instructed_by, *team_of(investigation, InvestigationGrant), *isd_managers()]

    def may(self, move, investigation, user) -> bool:
        return may_work_on_investigation(user, investigation)

    def refused_move(self, investigation, move) -> ValidationError:
        return ValidationError(_("This investigation is concluded already."), code="forbidden_move")

    def refused_actor(self, investigation, move) -> ValidationError:
        return ValidationError(_("Only the team concludes an investigation."), code="not_yours")

    def check(self, investigation, move, *, actor, outcome: str) -> None:
        if outcome not in Investigation.Outcome.values:
            raise ValidationError({"outcome": ValidationError(_("Choose the outcome."), code="required")})
        if signed_document_of(investigation, CONCLUSION_KIND) is None:
            raise ValidationError(_("The conclusion must be signed first (ISD 15)."), code="conclusion_unsigned")

    def apply(self, investigation, move, *, actor, outcome: str) -> dict:
        signed_on = timezone.localdate(signed_document_of(investigation, CONCLUSION_KIND).signature.signed_at)
        term = running_term(investigation, "isd.investigation")
        if term is not None:
            deadline_close(deadline=term, actor=actor, on=signed_on)
        investigation.outcome, investigation.concluded_on = outcome, signed_on
        return {"outcome": outcome}


INVESTIGATION_WORKFLOW = InvestigationWorkflow()


def investigation_conclude(*, investigation, actor, outcome: str) -> Investigation:
    """Conclude an investigation (ISD 6.21): the conclusion signed, an outcome, the term closed."""
    return INVESTIGATION_WORKFLOW.perform(record=investigation, move="conclude", actor=actor, outcome=outcome)


# --- A criminal case's stages (ISD 6.16) ---------------------------------------------------

C = CriminalCase.Stage
CASE_DECISION = ("decided_on", "authority", "decision")
CASE_MOVES = {
    move.name: move
    for move in (
        Move("to_court", gettext_lazy("Sent to court"), frozenset({C.PRE_TRIAL}), C.IN_COURT, needs=CASE_DECISION),
        Move(
            "verdict",
            gettext_lazy("Verdict given or changed"),
            frozenset({C.IN_COURT, C.VERDICT}),
            C.VERDICT,
            needs=(*CASE_DECISION, "outcome"),
        ),
        Move(
            "terminate",
            gettext_lazy("Terminated"),
            frozenset({C.PRE_TRIAL, C.IN_COURT}),
            C.TERMINATED,
            needs=CASE_DECISION,
        ),
        Move(
            "resume",
            gettext_lazy("Returned for further investigation"),
            frozenset({C.IN_COURT, C.TERMINATED}),
            C.PRE_TRIAL,
            needs=CASE_DECISION,
        ),
    )
}


class CaseWorkflow(Workflow):
    """The stages of a criminal case, each an authority's decision with its date, kept in
    order as `CaseStage` rows (ISD 6.16): opened (the pre-trial investigation) -> sent to court
    -> verdict (changed on appeal as often as it is); terminated before or in court; returned
    for further investigation from court, or resumed after a termination is quashed."""

    model = CriminalCase
    moves = CASE_MOVES
    action_prefix = "isd.criminal_case."

    def visible_to(self, user):
        return criminal_cases_visible_to(user)

    def may(self, move, case, user) -> bool:
        return keeps_region(user, case.region_id)

    def concerned(self, case, move, *, actor) -> list:
        """A conviction is news to the ISD's managers: it may call for an investigation of the
        convicted person's superiors (ISD 6.22)."""
        return list(isd_managers()) if case.outcome == CriminalCase.Outcome.CONVICTED else []

    def refused_move(self, case, move) -> ValidationError:
        return ValidationError(
            _("A case at the stage %(stage)s cannot be moved so (%(move)s).")
            % {"stage": case.get_stage_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, case, move) -> ValidationError:
        return ValidationError(_("Only the ISD and the region's unit keep this case."), code="not_yours")

    def check(self, case, move, *, actor, decided_on=None, authority="", decision="", outcome="") -> None:
        errors = {}
        last = case.stages.last()
        if decided_on is None:
            errors["decided_on"] = ValidationError(_("Give the date of the decision."), code="required")
        elif decided_on > timezone.localdate():
            errors["decided_on"] = ValidationError(_("This date is still to come."), code="future")
        elif last is not None and decided_on < last.decided_on:
            errors["decided_on"] = ValidationError(
                _("The stages follow one another: the last one is dated %(day)s.")
                % {"day": f"{last.decided_on:%d.%m.%Y}"},
                code="order",
            )
        errors |= missing_texts(
            move,
            {
                "authority": (authority, _("Name the authority that decided.")),
                "decision": (decision, _("Give the decision: its number, date and substance.")),
            },
        )
        verdicts = (CriminalCase.Outcome.CONVICTED, CriminalCase.Outcome.ACQUITTED)
        if "outcome" in move.needs and outcome not in verdicts:
            errors["outcome"] = ValidationError(_("Choose the verdict: convicted or acquitted."), code="required")
        if errors:
            raise ValidationError(errors)

    def apply(self, case, move, *, actor, decided_on, authority, decision, outcome="") -> dict:
        outcome = {"verdict": outcome, "terminate": CriminalCase.Outcome.TERMINATED}.get(move.name, "")
        CaseStage.objects.create(
            case=case,
            stage=move.target,
            decided_on=decided_on,
            authority=authority.strip(),
            decision=decision.strip(),
            outcome=outcome,
            entered_by=actor,
        )
        if move.name == "to_court":
            case.sent_to_court_on = decided_on
        if move.name == "verdict":
            case.verdict_on = decided_on
        case.outcome = outcome
        return {"decided_on": decided_on, "outcome": outcome}


CASE_WORKFLOW = CaseWorkflow()


def case_move(*, case, move: str, actor, decided_on=None, authority: str = "", decision: str = "", outcome: str = ""):
    """Record a criminal case's next stage as the authority decided it (ISD 6.16)."""
    return CASE_WORKFLOW.perform(
        record=case,
        move=move,
        actor=actor,
        decided_on=decided_on,
        authority=authority,
        decision=decision,
        outcome=outcome,
    )


# --- A notice under ISD 13 ----------------------------------------------------------------

N = StaffNotice.Status
NOTICE_KIND = "isd.staff_notice"
NOTICE_MOVES = {
    move.name: move
    for move in (
        Move("notify", gettext_lazy("Notify the ISD head"), frozenset({N.PREPARED}), N.NOTIFIED, "filer", ("due_on",)),
        Move(
            "give_position",
            gettext_lazy("Give the position"),
            frozenset({N.NOTIFIED}),
            N.POSITION_GIVEN,
            "head",
            ("position",),
        ),
        Move(
            "record_final",
            gettext_lazy("Record the decision as final"),
            frozenset({N.NOTIFIED, N.POSITION_GIVEN}),
            N.FINAL,
            "filer",
            ("decision",),
        ),
        Move(
            "drop",
            gettext_lazy("The decision is not taken"),
            frozenset({N.PREPARED, N.NOTIFIED, N.POSITION_GIVEN}),
            N.DROPPED,
            "filer",
            ("reason",),
        ),
    )
}


class NoticeWorkflow(Workflow):
    """prepared -> notified (the materials' copies on file, the term for the ISD head's
    position set) -> position given (by the ISD head) -> final; final straight from notified
    when the term passes unanswered; dropped at any point before final. ISD 13: never final
    before the notice."""

    model = StaffNotice
    moves = NOTICE_MOVES
    action_prefix = "isd.notice."

    def visible_to(self, user):
        return notices_visible_to(user)

    def may(self, move, notice, user) -> bool:
        return is_isd_head(user) if move.who == "head" else files_staff_notices(user)

    def concerned(self, notice, move, *, actor) -> list:
        """The ISD head and deputy hear of every move; the one who filed it, of the position."""
        return [*isd_managers(), notice.filed_by]

    def refused_move(self, notice, move) -> ValidationError:
        if move.name == "record_final" and notice.status == N.PREPARED:
            return ValidationError(
                _("Not final before the ISD head is notified with copies of all its materials (ISD 13)."),
                code="notice_missing",
            )
        return ValidationError(
            _("A notice that is %(status)s cannot be moved so (%(move)s).")
            % {"status": notice.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, notice, move) -> ValidationError:
        if move.who == "head":
            return ValidationError(_("Only the ISD head gives the position (ISD 13)."), code="not_yours")
        return ValidationError(_("Only those who file the notice move it."), code="not_yours")

    def check(self, notice, move, *, actor, due_on=None, position="", decision="", reason="") -> None:
        errors = {}
        if move.name == "notify":
            if not notice.materials.exists():
                errors["due_on"] = ValidationError(
                    _("Attach copies of the decision's materials first: the notice goes with all of them (ISD 13)."),
                    code="no_materials",
                )
            elif due_on is None or due_on <= timezone.localdate():
                errors["due_on"] = ValidationError(
                    _("Set the day by which the ISD head gives his position; it is after today."), code="required"
                )
        if (
            move.name == "record_final"
            and notice.status == N.NOTIFIED
            and notice.position_due_on >= timezone.localdate()
        ):
            raise ValidationError(
                _("The ISD head's position is awaited until %(day)s (ISD 13).")
                % {"day": f"{notice.position_due_on:%d.%m.%Y}"},
                code="position_awaited",
            )
        errors |= missing_texts(
            move,
            {
                "position": (position, _("Write the position.")),
                "decision": (decision, _("Give the final decision: the order's number and date.")),
                "reason": (reason, _("Give the reason.")),
            },
        )
        if errors:
            raise ValidationError(errors)

    def apply(self, notice, move, *, actor, due_on=None, position="", decision="", reason="") -> dict:
        term = running_term(notice, NOTICE_KIND)
        if move.name == "notify":
            notice.notified_on, notice.position_due_on = timezone.localdate(), due_on
            head = isd_managers().filter(person__position__kind=Position.Kind.HEAD).first()
            deadline_open(record=notice, kind=NOTICE_KIND, received_at=timezone.now(), responsible=head, due_on=due_on)
        elif term is not None:
            deadline_close(deadline=term, actor=actor, on=timezone.localdate())
        if move.name == "give_position":
            notice.head_position = position.strip()
        if move.name == "record_final":
            notice.final_decision = decision.strip()
        if move.name == "drop":
            notice.closing_note = reason.strip()
        return {"due_on": due_on} if due_on else {}


NOTICE_WORKFLOW = NoticeWorkflow()


def notice_move(*, notice, move: str, actor, due_on=None, position: str = "", decision: str = "", reason: str = ""):
    """Perform one move of a notice under ISD 13."""
    return NOTICE_WORKFLOW.perform(
        record=notice, move=move, actor=actor, due_on=due_on, position=position, decision=decision, reason=reason
    )


# --- The work plan and its items (ISD 7, ISD 9, ISD 14) ----------------------------------------

PLAN_KIND = "isd.work_plan"
PLAN_ITEM_KIND = "isd.plan_item"
P = WorkPlan.Status
PLAN_MOVES = {
    "approve": Move(
        "approve", gettext_lazy("Approve by the signed document"), frozenset({P.DRAFT}), P.APPROVED, "head"
    ),
}


class PlanWorkflow(Workflow):
    """drawn up -> approved: by the ISD head, once the document approving the central plan or
    agreeing a unit's (ISD 9) is signed; then each item's term runs."""

    model = WorkPlan
    moves = PLAN_MOVES
    action_prefix = "isd.plan."

    def visible_to(self, user):
        return plans_visible_to(user)

    def may(self, move, plan, user) -> bool:
        return is_isd_head(user)

    def concerned(self, plan, move, *, actor) -> list:
        """Who drew it up, and each executor, whose terms now run."""
        executors = [item.executor.user for item in plan.items.select_related("executor__user")]
        return [plan.drawn_up_by, *executors]

    def refused_move(self, plan, move) -> ValidationError:
        return ValidationError(_("The plan is approved already."), code="forbidden_move")

    def refused_actor(self, plan, move) -> ValidationError:
        return ValidationError(_("Only the ISD head approves the plan (ISD 9)."), code="not_yours")

    def check(self, plan, move, *, actor) -> None:
        if not plan.items.exists():
            raise ValidationError(_("Add the plan's items first."), code="no_items")
        if signed_document_of(plan, PLAN_KIND) is None:
            raise ValidationError(
                _("The plan's document must be signed by the ISD head first (ISD 9)."), code="plan_unsigned"
            )

    def apply(self, plan, move, *, actor) -> dict:
        plan.approved_on = timezone.localdate(signed_document_of(plan, PLAN_KIND).signature.signed_at)
        head = isd_managers().filter(person__position__kind=Position.Kind.HEAD).first() or actor
        for item in plan.items.select_related("executor__user"):
            deadline_open(
                record=item,
                kind=PLAN_ITEM_KIND,
                received_at=timezone.now(),
                responsible=item.executor.user or head,
                due_on=item.due_on,
            )
        return {"approved_on": plan.approved_on}


PLAN_WORKFLOW = PlanWorkflow()


def plan_move(*, plan, move: str, actor):
    """Perform one move of a work plan (ISD 9)."""
    return PLAN_WORKFLOW.perform(record=plan, move=move, actor=actor)


CI = ControlledItem.Status
CONTROL_MOVES = {
    move.name: move
    for move in (
        Move("report", gettext_lazy("Done"), frozenset({CI.PLANNED}), CI.DONE, "executor", ("result", "on")),
        Move("fail", gettext_lazy("Not done"), frozenset({CI.PLANNED}), CI.NOT_DONE, "executor", ("result",)),
    )
}


class ControlledItemWorkflow(Workflow):
    """What is to be done by a term and controlled (`models.ControlledItem`): to be done ->
    done (its result and the day) or not done (why), once its record is under way
    (`under_way`); its term closes with it. Each kind says whose it is."""

    moves = CONTROL_MOVES
    term_kind = ""
    not_under_way = ""  # the refusal while the record is not under way

    def record_of(self, item):
        raise NotImplementedError

    def under_way(self, record) -> bool:
        raise NotImplementedError

    def is_open(self, item, move) -> bool:
        return super().is_open(item, move) and self.under_way(self.record_of(item))

    def concerned(self, item, move, *, actor) -> list:
        return list(isd_managers())

    def refused_move(self, item, move) -> ValidationError:
        if not self.under_way(self.record_of(item)):
            return ValidationError(self.not_under_way, code="not_under_way")
        return ValidationError(_("It is reported already."), code="forbidden_move")

    def check(self, item, move, *, actor, result="", on=None) -> None:
        message = _("Write the result.") if move.name == "report" else _("Say why it was not done.")
        errors = missing_texts(move, {"result": (result, message)})
        if "on" in move.needs:
            if on is None:
                errors["on"] = ValidationError(_("Give the date."), code="required")
            elif on > timezone.localdate():
                errors["on"] = ValidationError(_("This date is still to come."), code="future")
        if errors:
            raise ValidationError(errors)

    def apply(self, item, move, *, actor, result="", on=None) -> dict:
        item.result, item.done_on = result.strip(), on if move.name == "report" else None
        term = running_term(item, self.term_kind)
        if term is not None:
            deadline_close(deadline=term, actor=actor, on=on or timezone.localdate())
        return {"done_on": on} if on else {}


class PlanItemWorkflow(ControlledItemWorkflow):
    """An item of an approved plan, reported by its executor or the ISD head and deputy."""

    model = PlanItem
    action_prefix = "isd.plan_item."
    term_kind = PLAN_ITEM_KIND
    not_under_way = gettext_lazy("The plan is not approved yet.")

    def record_of(self, item):
        return item.plan

    def under_way(self, plan) -> bool:
        return plan.status == WorkPlan.Status.APPROVED

    def visible_to(self, user):
        return plan_items_visible_to(user)

    def may(self, move, item, user) -> bool:
        return is_isd_manager(user) or item.executor.user_id == user.pk

    def refused_actor(self, item, move) -> ValidationError:
        return ValidationError(_("Only the executor and the ISD's managers report an item."), code="not_yours")


PLAN_ITEM_WORKFLOW = PlanItemWorkflow()


def plan_item_move(*, item, move: str, actor, result: str = "", on=None):
    """Report an item of an approved plan done or not done."""
    return PLAN_ITEM_WORKFLOW.perform(record=item, move=move, actor=actor, result=result, on=on)


# --- Inspections of territorial subdivisions (ISD 5.10, 6.10, 6.18) ---------------------------

RECOMMENDATION_KIND = "isd.recommendation"
IS = Inspection.Status
INSPECTION_MOVES = {
    move.name: move
    for move in (
        Move("hold", gettext_lazy("Held: record the findings"), frozenset({IS.PLANNED}), IS.HELD, needs=("findings",)),
        Move("close", gettext_lazy("Close: every recommendation controlled"), frozenset({IS.HELD}), IS.CLOSED),
    )
}


class InspectionWorkflow(Workflow):
    """planned (its programme) -> held (its findings, once its last day is past; then its
    recommendations) -> closed (none of them still to be done). Kept by the central ISD and
    the region's unit."""

    model = Inspection
    moves = INSPECTION_MOVES
    action_prefix = "isd.inspection."

    def visible_to(self, user):
        return inspections_visible_to(user)

    def may(self, move, inspection, user) -> bool:
        return keeps_region(user, inspection.region_id)

    def concerned(self, inspection, move, *, actor) -> list:
        return [*isd_managers(), inspection.led_by.user]

    def refused_move(self, inspection, move) -> ValidationError:
        return ValidationError(
            _("An inspection that is %(status)s cannot be moved so (%(move)s).")
            % {"status": inspection.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, inspection, move) -> ValidationError:
        return ValidationError(_("Only the ISD and the region's unit keep this inspection."), code="not_yours")

    def check(self, inspection, move, *, actor, findings="") -> None:
        if move.name == "hold" and inspection.ends_on > timezone.localdate():
            raise ValidationError(
                _("The inspection runs until %(day)s.") % {"day": f"{inspection.ends_on:%d.%m.%Y}"}, code="not_over"
            )
        errors = missing_texts(move, {"findings": (findings, _("Write the findings."))})
        if errors:
            raise ValidationError(errors)
        if move.name == "close" and inspection.recommendations.filter(status=ControlledItem.Status.PLANNED).exists():
            raise ValidationError(
                _("Some recommendations are still to be done: each is controlled until it is (ISD 6.10, 6.18)."),
                code="recommendations_open",
            )

    def apply(self, inspection, move, *, actor, findings="") -> dict:
        if move.name == "hold":
            inspection.findings = findings.strip()
        return {}


INSPECTION_WORKFLOW = InspectionWorkflow()


def inspection_move(*, inspection, move: str, actor, findings: str = ""):
    """Perform one move of an inspection (ISD 5.10)."""
    return INSPECTION_WORKFLOW.perform(record=inspection, move=move, actor=actor, findings=findings)


class RecommendationWorkflow(ControlledItemWorkflow):
    """A recommendation of a held inspection, controlled by the central ISD or the region's
    unit until it is done (ISD 6.10, 6.18)."""

    model = Recommendation
    action_prefix = "isd.recommendation."
    term_kind = RECOMMENDATION_KIND
    not_under_way = gettext_lazy("The inspection is not held, or closed already.")

    def record_of(self, recommendation):
        return recommendation.inspection

    def under_way(self, inspection) -> bool:
        return inspection.status == Inspection.Status.HELD

    def visible_to(self, user):
        return recommendations_visible_to(user)

    def may(self, move, recommendation, user) -> bool:
        return keeps_region(user, recommendation.inspection.region_id)

    def refused_actor(self, recommendation, move) -> ValidationError:
        return ValidationError(_("Only the ISD and the region's unit keep this inspection."), code="not_yours")


RECOMMENDATION_WORKFLOW = RecommendationWorkflow()


def recommendation_move(*, recommendation, move: str, actor, result: str = "", on=None):
    """Record a recommendation's execution: done (what was done and when) or not done (why)."""
    return RECOMMENDATION_WORKFLOW.perform(record=recommendation, move=move, actor=actor, result=result, on=on)


# --- Periodic reports of the territorial units (ISD 5.12, 6.18) -------------------------------

REPORT_KIND = "isd.unit_report"
R = UnitReport.Status
REPORT_MOVES = {
    move.name: move
    for move in (
        Move("submit", gettext_lazy("Send the report"), frozenset({R.DUE, R.RETURNED}), R.SUBMITTED, "unit", ("text",)),
        Move("accept", gettext_lazy("Accept"), frozenset({R.SUBMITTED}), R.ACCEPTED, "centre"),
        Move("return", gettext_lazy("Return for rework"), frozenset({R.SUBMITTED}), R.RETURNED, "centre", ("reason",)),
    )
}


class ReportWorkflow(Workflow):
    """due -> sent (by the unit, with its text) -> accepted (by the central ISD: the term met
    or missed by the day it was sent), or returned with the reason and sent again; the term
    runs on while it is returned."""

    model = UnitReport
    moves = REPORT_MOVES
    action_prefix = "isd.unit_report."

    def visible_to(self, user):
        return reports_visible_to(user)

    def may(self, move, report, user) -> bool:
        if move.who == "unit":
            own = unit_region(user)
            return own is not None and own.pk == report.region_id
        return isd_position(user) is not None

    def concerned(self, report, move, *, actor) -> list:
        """The central ISD's managers hear a report is sent; the unit, what became of it."""
        if move.name == "submit":
            return list(isd_managers())
        return list(unit_staff(report.region_id))

    def refused_move(self, report, move) -> ValidationError:
        return ValidationError(
            _("A report that is %(status)s cannot be moved so (%(move)s).")
            % {"status": report.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, report, move) -> ValidationError:
        if move.who == "unit":
            return ValidationError(_("Only the region's territorial ISD unit sends its report."), code="not_yours")
        return ValidationError(_("Only the central ISD accepts or returns a report."), code="not_yours")

    def check(self, report, move, *, actor, text="", reason="") -> None:
        errors = missing_texts(
            move, {"text": (text, _("Write the report.")), "reason": (reason, _("Say what is to be reworked."))}
        )
        if errors:
            raise ValidationError(errors)

    def apply(self, report, move, *, actor, text="", reason="") -> dict:
        if move.name == "submit":
            report.text, report.submitted_on = text.strip(), timezone.localdate()
        if move.name == "return":
            report.return_reason = reason.strip()
        if move.name == "accept":
            term = running_term(report, REPORT_KIND)
            if term is not None:
                deadline_close(deadline=term, actor=actor, on=report.submitted_on)
        return {"reason": reason.strip()} if reason.strip() else {}


REPORT_WORKFLOW = ReportWorkflow()


def report_move(*, report, move: str, actor, text: str = "", reason: str = ""):
    """Perform one move of a unit's periodic report (ISD 5.12)."""
    return REPORT_WORKFLOW.perform(record=report, move=move, actor=actor, text=text, reason=reason)


# --- Meetings with the territorial units (ISD 5.11, 5.13) -----------------------------------

MT = UnitMeeting.Status
MEETING_MOVES = {
    move.name: move
    for move in (
        Move("hold", gettext_lazy("Held: record the minutes"), frozenset({MT.PLANNED}), MT.HELD, needs=("minutes",)),
        Move("cancel", gettext_lazy("Cancel"), frozenset({MT.PLANNED}), MT.CANCELLED, needs=("reason",)),
    )
}


class MeetingWorkflow(Workflow):
    """planned -> held (on or after its day, with its minutes) or cancelled (with the reason);
    moved by the central ISD's staff."""

    model = UnitMeeting
    moves = MEETING_MOVES
    action_prefix = "isd.meeting."

    def visible_to(self, user):
        return meetings_visible_to(user)

    def may(self, move, meeting, user) -> bool:
        return isd_position(user) is not None

    def concerned(self, meeting, move, *, actor) -> list:
        """The units taking part (every unit, when none is named) hear it was held or cancelled."""
        regions = list(meeting.regions.values_list("pk", flat=True))
        return list(unit_staff(regions) if regions else unit_staff(None))

    def refused_move(self, meeting, move) -> ValidationError:
        return ValidationError(
            _("A meeting that is %(status)s cannot be moved so (%(move)s).")
            % {"status": meeting.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, meeting, move) -> ValidationError:
        return ValidationError(_("Only the central ISD's staff move a meeting."), code="not_yours")

    def check(self, meeting, move, *, actor, minutes="", reason="") -> None:
        if move.name == "hold" and meeting.held_on > timezone.localdate():
            raise ValidationError(
                _("The meeting is on %(day)s.") % {"day": f"{meeting.held_on:%d.%m.%Y}"}, code="not_yet"
            )
        errors = missing_texts(
            move, {"minutes": (minutes, _("Write the minutes.")), "reason": (reason, _("Give the reason."))}
        )
        if errors:
            raise ValidationError(errors)

    def apply(self, meeting, move, *, actor, minutes="", reason="") -> dict:
        meeting.minutes = minutes.strip() if move.name == "hold" else meeting.minutes
        meeting.closing_note = reason.strip() if move.name == "cancel" else meeting.closing_note
        return {"reason": reason.strip()} if reason.strip() else {}


MEETING_WORKFLOW = MeetingWorkflow()


def meeting_move(*, meeting, move: str, actor, minutes: str = "", reason: str = ""):
    """Perform one move of a meeting with the units (ISD 5.11, 5.13)."""
    return MEETING_WORKFLOW.perform(record=meeting, move=move, actor=actor, minutes=minutes, reason=reason)


# --- The units' regulations agreed by the ISD head (ISD 9) -------------------------------------

RG = UnitRegulation.Status
REGULATION_MOVES = {
    move.name: move
    for move in (
        Move("agree", gettext_lazy("Agree"), frozenset({RG.SUBMITTED}), RG.AGREED, "head"),
        Move("return", gettext_lazy("Return for rework"), frozenset({RG.SUBMITTED}), RG.RETURNED, "head", ("reason",)),
        Move("resubmit", gettext_lazy("Send again"), frozenset({RG.RETURNED}), RG.SUBMITTED, "unit", ("text",)),
    )
}


class RegulationWorkflow(Workflow):
    """sent -> agreed by the ISD head, or returned with the reason -> sent again with its
    text reworked, by the unit (or the central ISD for it) (ISD 9)."""

    model = UnitRegulation
    moves = REGULATION_MOVES
    action_prefix = "isd.regulation."

    def visible_to(self, user):
        return regulations_visible_to(user)

    def may(self, move, regulation, user) -> bool:
        return is_isd_head(user) if move.who == "head" else keeps_region(user, regulation.region_id)

    def concerned(self, regulation, move, *, actor) -> list:
        if move.name == "resubmit":
            return list(isd_managers())
        return [regulation.submitted_by, *unit_staff(regulation.region_id)]

    def refused_move(self, regulation, move) -> ValidationError:
        return ValidationError(
            _("Regulations that are %(status)s cannot be moved so (%(move)s).")
            % {"status": regulation.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, regulation, move) -> ValidationError:
        if move.who == "head":
            return ValidationError(_("Only the ISD head agrees the units' regulations (ISD 9)."), code="not_yours")
        return ValidationError(_("Only the unit and the central ISD send its regulations."), code="not_yours")

    def check(self, regulation, move, *, actor, reason="", text="") -> None:
        errors = missing_texts(
            move, {"reason": (reason, _("Say what is to be reworked.")), "text": (text, _("Give the reworked text."))}
        )
        if errors:
            raise ValidationError(errors)

    def apply(self, regulation, move, *, actor, reason="", text="") -> dict:
        if move.name == "agree":
            regulation.agreed_on = timezone.localdate()
        if move.name == "return":
            regulation.return_reason = reason.strip()
        if move.name == "resubmit":
            regulation.text = text.strip()
        return {"reason": reason.strip()} if reason.strip() else {}


REGULATION_WORKFLOW = RegulationWorkflow()


def regulation_move(*, regulation, move: str, actor, reason: str = "", text: str = ""):
    """Perform one move of a unit's regulations (ISD 9)."""
    return REGULATION_WORKFLOW.perform(record=regulation, move=move, actor=actor, reason=reason, text=text)


# --- The vetting of a candidate: being vetted -> concluded (ISD 5.4) ----------------------------

VETTING_KIND = "isd.vetting"
VETTING_CONCLUSION_KIND = "isd.vetting_conclusion"


class VettingWorkflow(Workflow):
    """The one move of a vetting: it ends with its conclusion signed per ISD 15 and what it
    found; its term closes on the day the conclusion was signed."""

    model = VettingRequest
    moves = {
        "conclude": Move(
            "conclude",
            gettext_lazy("Conclude on the signed conclusion"),
            frozenset({VettingRequest.Status.OPEN}),
            VettingRequest.Status.CONCLUDED,
            needs=("finding",),
        )
    }
    action_prefix = "isd.vetting."

    def visible_to(self, user):
        return vettings_visible_to(user)

    def concerned(self, vetting, move, *, actor) -> list:
        return [*team_of(vetting, VettingGrant), *isd_managers()]

    def may(self, move, vetting, user) -> bool:
        return may_work_on_vetting(user, vetting)

    def refused_move(self, vetting, move) -> ValidationError:
        return ValidationError(_("The vetting is concluded already."), code="forbidden_move")

    def refused_actor(self, vetting, move) -> ValidationError:
        return ValidationError(_("Only the officers assigned work on a vetting under way."), code="not_assigned")

    def check(self, vetting, move, *, actor, finding="") -> None:
        if finding not in VettingRequest.Finding.values:
            raise ValidationError({"finding": ValidationError(_("Choose what the vetting found."), code="required")})
        if signed_document_of(vetting, VETTING_CONCLUSION_KIND) is None:
            raise ValidationError(
                _("The conclusion must be signed by the ISD head first (ISD 15)."), code="conclusion_unsigned"
            )

    def apply(self, vetting, move, *, actor, finding="") -> dict:
        signed_on = timezone.localdate(signed_document_of(vetting, VETTING_CONCLUSION_KIND).signature.signed_at)
        term = running_term(vetting, VETTING_KIND)
        if term is not None:
            deadline_close(deadline=term, actor=actor, on=signed_on)
        vetting.finding, vetting.concluded_on = finding, signed_on
        return {"finding": finding}


VETTING_WORKFLOW = VettingWorkflow()


def vetting_move(*, vetting, move: str, actor, finding: str = ""):
    """Conclude a vetting (ISD 5.4): its conclusion signed, what it found, its term closed."""
    return VETTING_WORKFLOW.perform(record=vetting, move=move, actor=actor, finding=finding)


# --- Corruption risks and the measures against them (ISD 6.13, 6.14) ------------------------

RISK_MEASURE_KIND = "isd.risk_measure"
RISK_ANALYSIS_KIND = "isd.risk_analysis"
RISK_MOVES = {
    "remove": Move(
        "remove",
        gettext_lazy("Removed: every measure controlled"),
        frozenset({CorruptionRisk.Status.OPEN}),
        CorruptionRisk.Status.REMOVED,
        needs=("note",),
    )
}


class RiskWorkflow(Workflow):
    """being removed (its measures under control) -> removed (none of them still to be done,
    and how it was removed said). Kept by the central ISD and the region's unit."""

    model = CorruptionRisk
    moves = RISK_MOVES
    action_prefix = "isd.risk."

    def visible_to(self, user):
        return risks_visible_to(user)

    def may(self, move, risk, user) -> bool:
        return keeps_region(user, risk.region_id)

    def concerned(self, risk, move, *, actor) -> list:
        return [*isd_managers(), risk.registered_by]

    def refused_move(self, risk, move) -> ValidationError:
        return ValidationError(_("The risk is removed already."), code="forbidden_move")

    def refused_actor(self, risk, move) -> ValidationError:
        return ValidationError(_("Only the ISD and the region's unit keep this risk."), code="not_yours")

    def check(self, risk, move, *, actor, note="") -> None:
        errors = missing_texts(move, {"note": (note, _("Say how the risk was removed."))})
        if errors:
            raise ValidationError(errors)
        if risk.measures.filter(status=ControlledItem.Status.PLANNED).exists():
            raise ValidationError(
                _("Some measures are still to be done: each is controlled until it is (ISD 6.14)."),
                code="measures_open",
            )
        if not risk.measures.exists():
            raise ValidationError(
                _("A risk is removed by its measures: add them first (ISD 6.14)."), code="no_measures"
            )

    def apply(self, risk, move, *, actor, note="") -> dict:
        risk.removal_note = note.strip()
        return {}


RISK_WORKFLOW = RiskWorkflow()


def risk_move(*, risk, move: str, actor, note: str = ""):
    """Record that a corruption risk is removed (ISD 6.13, 6.14)."""
    return RISK_WORKFLOW.perform(record=risk, move=move, actor=actor, note=note)


class RiskMeasureWorkflow(ControlledItemWorkflow):
    """A measure against a risk being removed, controlled by the central ISD or the region's
    unit until it is done, with the evidence of what was done (ISD 6.14)."""

    model = RiskMeasure
    action_prefix = "isd.risk_measure."
    term_kind = RISK_MEASURE_KIND
    not_under_way = gettext_lazy("The risk is removed already.")

    def record_of(self, measure):
        return measure.risk

    def under_way(self, risk) -> bool:
        return risk.status == CorruptionRisk.Status.OPEN

    def visible_to(self, user):
        return measures_visible_to(user)

    def may(self, move, measure, user) -> bool:
        return keeps_region(user, measure.risk.region_id)

    def refused_actor(self, measure, move) -> ValidationError:
        return ValidationError(_("Only the ISD and the region's unit keep this risk."), code="not_yours")


RISK_MEASURE_WORKFLOW = RiskMeasureWorkflow()


def risk_measure_move(*, measure, move: str, actor, result: str = "", on=None):
    """Record a measure's execution: done (the evidence and the day) or not done (why)."""
    return RISK_MEASURE_WORKFLOW.perform(record=measure, move=move, actor=actor, result=result, on=on)


# --- The items of anti-corruption programmes (ISD 6.12) ------------------------------------------

PROGRAMME_ITEM_KIND = "isd.programme_item"


class ProgrammeItemWorkflow(ControlledItemWorkflow):
    """An item of a programme that falls to the judicial system, reported done or not done by
    the central ISD, which carries out the programmes (ISD 6.12)."""

    model = ProgrammeItem
    action_prefix = "isd.programme_item."
    term_kind = PROGRAMME_ITEM_KIND
    not_under_way = ""  # a programme's items run from the day each is recorded

    def record_of(self, item):
        return item.programme

    def under_way(self, programme) -> bool:
        return True

    def visible_to(self, user):
        return programme_items_visible_to(user)

    def may(self, move, item, user) -> bool:
        return isd_position(user) is not None

    def refused_actor(self, item, move) -> ValidationError:
        return ValidationError(_("Only the central ISD reports on the programmes."), code="not_yours")


PROGRAMME_ITEM_WORKFLOW = ProgrammeItemWorkflow()


def programme_item_move(*, item, move: str, actor, result: str = "", on=None):
    """Report an item of a programme done (what was done and when) or not done (why)."""
    return PROGRAMME_ITEM_WORKFLOW.perform(record=item, move=move, actor=actor, result=result, on=on)


# --- Compliance control in procurement and personnel matters (ISD 6.19, 6.20) ------------------

CONTROL_MOVES = {
    "complete": Move(
        "complete",
        gettext_lazy("Complete: the findings and the measures taken"),
        frozenset({ComplianceControl.Status.UNDER_WAY}),
        ComplianceControl.Status.COMPLETED,
        needs=("violation", "findings", "measures"),
    )
}


class ControlWorkflow(Workflow):
    """being checked -> completed, with whether a violation was found, the findings and, for a
    violation, the measures taken. Kept by the central ISD and the region's unit."""

    model = ComplianceControl
    moves = CONTROL_MOVES
    action_prefix = "isd.control."

    def visible_to(self, user):
        return controls_visible_to(user)

    def may(self, move, control, user) -> bool:
        return keeps_region(user, control.region_id)

    def concerned(self, control, move, *, actor) -> list:
        return [*isd_managers(), control.registered_by]

    def refused_move(self, control, move) -> ValidationError:
        return ValidationError(_("The control is completed already."), code="forbidden_move")

    def refused_actor(self, control, move) -> ValidationError:
        return ValidationError(_("Only the ISD and the region's unit keep this control."), code="not_yours")

    def check(self, control, move, *, actor, violation=None, findings="", measures="") -> None:
        errors = missing_texts(move, {"findings": (findings, _("Write the findings."))})
        if violation is None:
            errors["violation"] = ValidationError(_("Say whether a violation was found."), code="required")
        elif violation and not measures.strip():
            errors["measures"] = ValidationError(_("Say what measures were taken."), code="required")
        if errors:
            raise ValidationError(errors)

    def apply(self, control, move, *, actor, violation=None, findings="", measures="") -> dict:
        control.violation, control.findings, control.measures = violation, findings.strip(), measures.strip()
        control.completed_on = timezone.localdate()
        return {"violation": violation}


CONTROL_WORKFLOW = ControlWorkflow()


def control_move(*, control, move: str, actor, violation=None, findings: str = "", measures: str = ""):
    """Complete a compliance control (ISD 6.19, 6.20)."""
    return CONTROL_WORKFLOW.perform(
        record=control, move=move, actor=actor, violation=violation, findings=findings, measures=measures
    )


# --- Best practice (ISD 6.2) --------------------------------------------------------------------

PR = Practice.Status
PRACTICE_MOVES = {
    move.name: move
    for move in (
        Move(
            "propose",
            gettext_lazy("Propose to the leadership"),
            frozenset({PR.STUDIED}),
            PR.PROPOSED,
            "isd",
            ("proposal",),
        ),
        Move("adopt", gettext_lazy("Adopted"), frozenset({PR.PROPOSED}), PR.ADOPTED, "manager", ("decision",)),
        Move("decline", gettext_lazy("Not adopted"), frozenset({PR.PROPOSED}), PR.DECLINED, "manager", ("decision",)),
    )
}


class PracticeWorkflow(Workflow):
    """studied -> proposed to the leadership (the proposal made from it, ISD 5.1) -> adopted or
    not adopted, as the leadership decided, recorded by the ISD head or deputy."""

    model = Practice
    moves = PRACTICE_MOVES
    action_prefix = "isd.practice."

    def visible_to(self, user):
        return practices_visible_to(user)

    def may(self, move, practice, user) -> bool:
        return is_isd_manager(user) if move.who == "manager" else isd_position(user) is not None

    def concerned(self, practice, move, *, actor) -> list:
        return [*isd_managers(), practice.registered_by]

    def refused_move(self, practice, move) -> ValidationError:
        return ValidationError(
            _("A practice that is %(status)s cannot be moved so (%(move)s).")
            % {"status": practice.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, practice, move) -> ValidationError:
        if move.who == "manager":
            return ValidationError(_("The ISD head or deputy records the leadership's decision."), code="not_yours")
        return ValidationError(_("Only the central ISD makes proposals from the practice."), code="not_yours")

    def check(self, practice, move, *, actor, proposal="", decision="") -> None:
        errors = missing_texts(
            move,
            {"proposal": (proposal, _("Write the proposal.")), "decision": (decision, _("Give the decision taken."))},
        )
        if errors:
            raise ValidationError(errors)

    def apply(self, practice, move, *, actor, proposal="", decision="") -> dict:
        if move.name == "propose":
            practice.proposal, practice.proposed_on = proposal.strip(), timezone.localdate()
        else:
            practice.decision = decision.strip()
        return {}


PRACTICE_WORKFLOW = PracticeWorkflow()


def practice_move(*, practice, move: str, actor, proposal: str = "", decision: str = ""):
    """Perform one move of a studied practice (ISD 6.2)."""
    return PRACTICE_WORKFLOW.perform(record=practice, move=move, actor=actor, proposal=proposal, decision=decision)


# --- Threats and incidents (ISD 6.3, 6.4, 6.5) -------------------------------------------------

INCIDENT_MOVES = {
    "close": Move(
        "close",
        gettext_lazy("Close with its outcome"),
        frozenset({SecurityIncident.Status.OPEN}),
        SecurityIncident.Status.CLOSED,
        needs=("outcome",),
    )
}


class IncidentWorkflow(Workflow):
    """being dealt with (its measures with law enforcement) -> closed with its outcome, by the
    ISD head and deputy, the officers granted it or the region's unit."""

    model = SecurityIncident
    moves = INCIDENT_MOVES
    action_prefix = "isd.incident."

    def visible_to(self, user):
        return incidents_visible_to(user)

    def may(self, move, incident, user) -> bool:
        return may_work_on_incident(user, incident)

    def concerned(self, incident, move, *, actor) -> list:
        return [*isd_managers(), *team_of(incident, IncidentGrant), *unit_staff(incident.region_id)]

    def refused_move(self, incident, move) -> ValidationError:
        return ValidationError(_("It is closed already."), code="forbidden_move")

    def refused_actor(self, incident, move) -> ValidationError:
        return ValidationError(
            _("Only the ISD's managers, the officers granted it and the region's unit deal with it."),
            code="not_yours",
        )

    def check(self, incident, move, *, actor, outcome="") -> None:
        errors = missing_texts(move, {"outcome": (outcome, _("Give the outcome."))})
        if errors:
            raise ValidationError(errors)

    def apply(self, incident, move, *, actor, outcome="") -> dict:
        incident.outcome, incident.closed_on = outcome.strip(), timezone.localdate()
        return {}


INCIDENT_WORKFLOW = IncidentWorkflow()


def incident_move(*, incident, move: str, actor, outcome: str = ""):
    """Close a threat or incident with its outcome (ISD 6.3)."""
    return INCIDENT_WORKFLOW.perform(record=incident, move=move, actor=actor, outcome=outcome)


# --- Hearings with heightened risk (ISD 6.5, 6.11) ------------------------------------------------

HS = HearingSecurity.Status
HEARING_MOVES = {
    move.name: move
    for move in (
        Move("hold", gettext_lazy("Held: how it went"), frozenset({HS.PLANNED}), HS.HELD, needs=("report",)),
        Move("cancel", gettext_lazy("Cancelled"), frozenset({HS.PLANNED}), HS.CANCELLED, needs=("report",)),
    )
}


class HearingWorkflow(Workflow):
    """planned (its measures and bailiffs) -> held, once it has begun, with how it went, or
    cancelled with the reason. Kept by the central ISD and the region's unit."""

    model = HearingSecurity
    moves = HEARING_MOVES
    action_prefix = "isd.hearing."

    def visible_to(self, user):
        return hearings_visible_to(user)

    def may(self, move, hearing, user) -> bool:
        return keeps_region(user, hearing.region_id)

    def concerned(self, hearing, move, *, actor) -> list:
        return [*isd_managers(), hearing.registered_by, *unit_staff(hearing.region_id)]

    def refused_move(self, hearing, move) -> ValidationError:
        return ValidationError(_("The hearing is recorded as held or cancelled already."), code="forbidden_move")

    def refused_actor(self, hearing, move) -> ValidationError:
        return ValidationError(_("Only the ISD and the region's unit keep this hearing."), code="not_yours")

    def check(self, hearing, move, *, actor, report="") -> None:
        if move.name == "hold" and hearing.starts_at > timezone.now():
            raise ValidationError(_("The hearing has not begun yet."), code="not_yet")
        message = _("Say how it went.") if move.name == "hold" else _("Say why it was cancelled.")
        errors = missing_texts(move, {"report": (report, message)})
        if errors:
            raise ValidationError(errors)

    def apply(self, hearing, move, *, actor, report="") -> dict:
        hearing.report = report.strip()
        return {}


HEARING_WORKFLOW = HearingWorkflow()


def hearing_move(*, hearing, move: str, actor, report: str = ""):
    """Record a hearing with heightened risk held or cancelled (ISD 6.5)."""
    return HEARING_WORKFLOW.perform(record=hearing, move=move, actor=actor, report=report)


# --- Measures for court buildings (ISD 6.7, 6.8) ---------------------------------------------------

BUILDING_MEASURE_KIND = "isd.building_measure"
PASSPORT_KIND = "isd.terror_passport"


class BuildingMeasureWorkflow(ControlledItemWorkflow):
    """A measure a survey or an anti-terrorist inspection of a building calls for, controlled by
    the central ISD or the region's unit until it is done (ISD 6.7, 6.8)."""

    model = BuildingMeasure
    action_prefix = "isd.building_measure."
    term_kind = BUILDING_MEASURE_KIND

    def record_of(self, measure):
        return measure.inspection.building

    def under_way(self, building) -> bool:
        return True  # a building is always kept

    def visible_to(self, user):
        return building_measures_visible_to(user)

    def may(self, move, measure, user) -> bool:
        return keeps_region(user, measure.inspection.building.region_id)

    def concerned(self, measure, move, *, actor) -> list:
        return [*isd_managers(), *unit_staff(measure.inspection.building.region_id)]

    def refused_actor(self, measure, move) -> ValidationError:
        return ValidationError(_("Only the ISD and the region's unit keep this building."), code="not_yours")


BUILDING_MEASURE_WORKFLOW = BuildingMeasureWorkflow()


def building_measure_move(*, measure, move: str, actor, result: str = "", on=None):
    """Record a building's measure done (what was done and the day) or not done (why)."""
    return BUILDING_MEASURE_WORKFLOW.perform(record=measure, move=move, actor=actor, result=result, on=on)


# --- Suppliers' contracts and their defects (ISD 6.9) ----------------------------------------------

SC = SecurityContract.Status
CONTRACT_MOVES = {
    move.name: move
    for move in (
        Move("fulfil", gettext_lazy("Fulfilled"), frozenset({SC.IN_FORCE}), SC.FULFILLED, needs=("note",)),
        Move("terminate", gettext_lazy("Terminated"), frozenset({SC.IN_FORCE}), SC.TERMINATED, needs=("note",)),
    )
}


class ContractWorkflow(Workflow):
    """in force -> fulfilled, once no defect is left open, or terminated with the reason. Kept
    by the central ISD and the region's unit (ISD 6.9)."""

    model = SecurityContract
    moves = CONTRACT_MOVES
    action_prefix = "isd.contract."

    def visible_to(self, user):
        return contracts_visible_to(user)

    def may(self, move, contract, user) -> bool:
        return keeps_region(user, contract.region_id)

    def concerned(self, contract, move, *, actor) -> list:
        return [*isd_managers(), contract.registered_by, *unit_staff(contract.region_id)]

    def refused_move(self, contract, move) -> ValidationError:
        return ValidationError(_("The contract is closed already."), code="forbidden_move")

    def refused_actor(self, contract, move) -> ValidationError:
        return ValidationError(_("Only the ISD and the region's unit keep this contract."), code="not_yours")

    def check(self, contract, move, *, actor, note="") -> None:
        still_open = ContractDefect.objects.filter(found_in__contract=contract, status__in=OPEN_DEFECT)
        if move.name == "fulfil" and still_open.exists():
            raise ValidationError(
                _("A defect is still open: it is remedied or its claim settled first."), code="open_defect"
            )
        message = _("Say how it was fulfilled.") if move.name == "fulfil" else _("Say why it was terminated.")
        errors = missing_texts(move, {"note": (note, message)})
        if errors:
            raise ValidationError(errors)

    def apply(self, contract, move, *, actor, note="") -> dict:
        contract.closing_note = note.strip()
        return {}


CONTRACT_WORKFLOW = ContractWorkflow()


def contract_move(*, contract, move: str, actor, note: str = ""):
    """Record a security contract fulfilled or terminated (ISD 6.9)."""
    return CONTRACT_WORKFLOW.perform(record=contract, move=move, actor=actor, note=note)


DEFECT_KIND = "isd.contract_defect"
DS = ContractDefect.Status
DEFECT_MOVES = {
    move.name: move
    for move in (
        Move("remedy", gettext_lazy("Remedied by the supplier"), frozenset({DS.OPEN}), DS.REMEDIED, needs=("on",)),
        Move(
            "claim",
            gettext_lazy("Claim made to the supplier"),
            frozenset({DS.OPEN}),
            DS.CLAIMED,
            needs=("claim_number", "claim_text", "penalty"),
        ),
        Move("settle", gettext_lazy("Claim settled"), frozenset({DS.CLAIMED}), DS.SETTLED, needs=("outcome",)),
    )
}


class DefectWorkflow(Workflow):
    """A supplier's defect: to be remedied -> remedied (the day), or, once the term to remedy it
    has lapsed, a claim made (its number, what is claimed, the penalty) -> claim settled (its
    outcome). Kept by the central ISD and the region's unit (ISD 6.9)."""

    model = ContractDefect
    moves = DEFECT_MOVES
    action_prefix = "isd.contract_defect."

    def visible_to(self, user):
        return defects_visible_to(user)

    def may(self, move, defect, user) -> bool:
        return keeps_region(user, defect.found_in.contract.region_id)

    def concerned(self, defect, move, *, actor) -> list:
        contract = defect.found_in.contract
        return [*isd_managers(), contract.registered_by, *unit_staff(contract.region_id)]

    def refused_move(self, defect, move) -> ValidationError:
        return ValidationError(_("The defect has gone past this step."), code="forbidden_move")

    def refused_actor(self, defect, move) -> ValidationError:
        return ValidationError(_("Only the ISD and the region's unit keep this contract."), code="not_yours")

    def check(self, defect, move, *, actor, on=None, claim_number="", claim_text="", penalty=None, outcome="") -> None:
        today = timezone.localdate()
        if move.name == "claim" and defect.remedy_by >= today:
            raise ValidationError(
                _("The term to remedy it runs until %(date)s: a claim is made once it has lapsed.")
                % {"date": f"{defect.remedy_by:%d.%m.%Y}"},
                code="term_running",
            )
        errors = missing_texts(
            move,
            {
                "claim_number": (claim_number, _("Give the claim's number.")),
                "claim_text": (claim_text, _("Say what is claimed.")),
                "outcome": (outcome, _("Give the outcome.")),
            },
        )
        if "on" in move.needs:
            if on is None:
                errors["on"] = ValidationError(_("Give the date."), code="required")
            elif on > today:
                errors["on"] = ValidationError(_("This date is still to come."), code="future")
        if penalty is not None and penalty < 0:
            errors["penalty"] = ValidationError(_("The penalty is not negative."), code="negative")
        if errors:
            raise ValidationError(errors)

    def apply(self, defect, move, *, actor, on=None, claim_number="", claim_text="", penalty=None, outcome="") -> dict:
        if move.name == "remedy":
            defect.remedied_on = on
        elif move.name == "claim":
            defect.claim_number, defect.claim_text = claim_number.strip(), claim_text.strip()
            defect.penalty, defect.claimed_on = penalty, timezone.localdate()
        else:
            defect.outcome = outcome.strip()
        term = running_term(defect, DEFECT_KIND)
        if term is not None:  # remedied, or followed by the claim
            deadline_close(deadline=term, actor=actor, on=on or timezone.localdate())
        return {"claim": defect.claim_number} if move.name == "claim" else {}


DEFECT_WORKFLOW = DefectWorkflow()


def defect_move(*, defect, move: str, actor, **inputs):
    """Follow a supplier's defect: remedied, claimed once its term has lapsed, the claim settled
    (ISD 6.9)."""
    return DEFECT_WORKFLOW.perform(record=defect, move=move, actor=actor, **inputs)


# --- Passes and service IDs (ISD 5.5, 6.6) ---------------------------------------------------------

PASS_MOVES = {
    "withdraw": Move(
        "withdraw",
        gettext_lazy("Withdraw"),
        frozenset({AccessPass.Status.VALID}),
        AccessPass.Status.WITHDRAWN,
        needs=("reason",),
    )
}


class PassWorkflow(Workflow):
    """issued -> withdrawn with the reason: a permanent pass by whoever keeps its building's
    region, a service ID by the ISD head or deputy, who issue them."""

    model = AccessPass
    moves = PASS_MOVES
    action_prefix = "isd.pass."

    def visible_to(self, user):
        return passes_visible_to(user)

    def may(self, move, access_pass, user) -> bool:
        if access_pass.kind == AccessPass.Kind.SERVICE_ID:
            return is_isd_manager(user)
        return keeps_region(user, access_pass.region_id)

    def concerned(self, access_pass, move, *, actor) -> list:
        return [access_pass.registered_by]

    def refused_move(self, access_pass, move) -> ValidationError:
        return ValidationError(_("It is withdrawn already."), code="forbidden_move")

    def refused_actor(self, access_pass, move) -> ValidationError:
        return ValidationError(_("Only whoever issues it withdraws it."), code="not_yours")

    def check(self, access_pass, move, *, actor, reason="") -> None:
        errors = missing_texts(move, {"reason": (reason, _("Say why it is withdrawn."))})
        if errors:
            raise ValidationError(errors)

    def apply(self, access_pass, move, *, actor, reason="") -> dict:
        access_pass.reason, access_pass.withdrawn_on = reason.strip(), timezone.localdate()
        return {}


PASS_WORKFLOW = PassWorkflow()


def pass_move(*, access_pass, move: str, actor, reason: str = ""):
    """Withdraw a pass or a service ID with the reason (ISD 5.5, 6.6)."""
    return PASS_WORKFLOW.perform(record=access_pass, move=move, actor=actor, reason=reason)


# --- Security spending proposals (ISD 6.8) ----------------------------------------------------------

SP = SpendingProposal.Status
EXPENSE_MOVES = {
    move.name: move
    for move in (
        Move("send", gettext_lazy("Send to the ISD head"), frozenset({SP.DRAFTED}), SP.SENT),
        Move("include", gettext_lazy("Include in the year's proposals"), frozenset({SP.SENT}), SP.INCLUDED),
        Move("decline", gettext_lazy("Decline"), frozenset({SP.SENT}), SP.DECLINED, needs=("decision",)),
    )
}


class ExpenseWorkflow(Workflow):
    """drafted -> sent with its technical specifications (by the central ISD or the region's
    unit) -> included in the year's proposals, or declined with the reason (by the ISD head or
    deputy)."""

    model = SpendingProposal
    moves = EXPENSE_MOVES
    action_prefix = "isd.expense."

    def visible_to(self, user):
        return expenses_visible_to(user)

    def may(self, move, proposal, user) -> bool:
        if move.name == "send":
            return keeps_region(user, proposal.region_id)
        return is_isd_manager(user)

    def concerned(self, proposal, move, *, actor) -> list:
        if move.name == "send":
            return list(isd_managers())
        return [proposal.registered_by]

    def refused_move(self, proposal, move) -> ValidationError:
        return ValidationError(_("The proposal has gone past this step."), code="forbidden_move")

    def refused_actor(self, proposal, move) -> ValidationError:
        if move.name == "send":
            return ValidationError(_("Only the ISD and the region's unit send it."), code="not_yours")
        return ValidationError(_("Only the ISD head or deputy decides on it."), code="not_yours")

    def check(self, proposal, move, *, actor, decision="") -> None:
        if move.name == "send" and not proposal.specifications.exists():
            raise ValidationError(_("Attach its technical specification first."), code="no_specification")
        errors = missing_texts(move, {"decision": (decision, _("Say why it is declined."))})
        if errors:
            raise ValidationError(errors)

    def apply(self, proposal, move, *, actor, decision="") -> dict:
        if move.name != "send":
            proposal.decision = decision.strip()
        return {}


EXPENSE_WORKFLOW = ExpenseWorkflow()


def expense_move(*, proposal, move: str, actor, decision: str = ""):
    """Send a spending proposal, include it in the year's proposals or decline it (ISD 6.8)."""
    return EXPENSE_WORKFLOW.perform(record=proposal, move=move, actor=actor, decision=decision)
