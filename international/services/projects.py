"""Projects with international organisations and foreign legal communities (IR 4.4, 7.7-7.9).

- Proposals (IR 7.7): IR staff ask subdivisions for project proposals on a topic by a term
  (`ir.project_proposal`, `PROPOSAL_WORKFLOW`); each subdivision writes its proposal; the IR
  makes a project of it (`project_save(..., proposal=...)`) or declines it with the reason.
- The project (IR 7.8, 7.9; `PROJECT_WORKFLOW`, `project_move`): its plan (activities with
  their subdivisions and terms, the budget by source, indicators with target and actual,
  risks) is drawn up as a proposal; it goes on the approval route, a document of the
  documents module whose visas and signature follow the authority rules; once that document
  is signed the project is executed: each planned activity is given to its subdivision and
  its term runs (`ir.project_activity`: reminders, escalation to the IR head when late).
- Monitoring: the subdivision reports its activity done with the result, the IR returns it
  if it is not; reports per period are documents of the documents module; the final report,
  signed, completes the project.

Writes are keyword-only, in a transaction, audited; the reads are in
international/selectors/projects.py.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.audit.services import audit_record
from courtadmin.core.workflow import Move, Workflow

from ..models import Activity, Funding, Indicator, Project, ProjectReport, Proposal, Risk
from ..permissions import check_ir_staff, is_ir_staff
from ..selectors.projects import activities_visible_to, projects_visible_to, proposals_visible_to
from ..workflow import AssignmentWorkflow

P = Project.Status
AS = Activity.Status
PS = Proposal.Status
PROPOSAL_TERM = "ir.project_proposal"
ACTIVITY_TERM = "ir.project_activity"
# A project's plan still changes.
PLANNED = (P.PROPOSAL, P.APPROVAL, P.EXECUTION)


def _refused(record, move: Move) -> ValidationError:
    return ValidationError(
        _("A record that is %(status)s cannot be moved so (%(move)s).")
        % {"status": record.get_status_display(), "move": move.label},
        code="forbidden_move",
    )


# --- Proposals (IR 7.7) --------------------------------------------------------------------------


class ProposalWorkflow(AssignmentWorkflow):
    model = Proposal
    moves = {
        move.name: move
        for move in (
            Move("assign", gettext_lazy("Ask for a proposal"), frozenset({PS.RECEIVED}), PS.ASSIGNED, "ir_staff"),
            Move(
                "propose", gettext_lazy("Send the proposal"), frozenset({PS.ASSIGNED}), PS.PROPOSED, "unit", ("text",)
            ),
            Move("decline", gettext_lazy("Decline"), frozenset({PS.PROPOSED}), PS.DECLINED, "ir_staff", ("reason",)),
            Move("accept", gettext_lazy("Make a project of it"), frozenset({PS.PROPOSED}), PS.ACCEPTED, "ir_staff"),
        )
    }
    action_prefix = "ir.proposal."
    term_kind = PROPOSAL_TERM
    unit_moves = frozenset({"propose"})
    term_moves = frozenset({"assign"})

    def controller(self, record):
        return record.officer

    def refused_move(self, record, move: Move) -> ValidationError:
        return _refused(record, move)

    def refused_actor(self, record, move: Move) -> ValidationError:
        if move.name in self.unit_moves:
            return ValidationError(_("The subdivision asked sends its proposal."), code="not_yours")
        return ValidationError(_("The department's staff collect the proposals."), code="not_yours")

    def visible_to(self, user):
        return proposals_visible_to(user)

    def check_work(self, record, move: Move, inputs: dict) -> None:
        if move.name == "propose" and not inputs.get("text", "").strip():
            raise ValidationError({"text": ValidationError(_("Describe the proposal."), code="required")})
        if move.name == "decline" and not inputs.get("reason", "").strip():
            raise ValidationError({"reason": ValidationError(_("Say why."), code="required")})

    def apply_work(self, record, move: Move, *, actor, **inputs) -> dict:
        if move.name == "propose":
            record.text, record.given_by = inputs["text"].strip(), actor
            self.close_term(record, actor=actor)
        elif move.name == "decline":
            record.reason = inputs["reason"].strip()
            return {"reason": record.reason}
        return {}


PROPOSAL_WORKFLOW = ProposalWorkflow()


def proposal_move(*, proposal: Proposal, move: str, actor, **inputs) -> Proposal:
    if move not in PROPOSAL_WORKFLOW.moves:
        raise ValidationError(_("No such move."), code="forbidden_move")
    return PROPOSAL_WORKFLOW.perform(record=proposal, move=move, actor=actor, **inputs)


def proposals_ask(*, actor, topic: str, units, due_on: date) -> list[Proposal]:
    """IR 7.7: each subdivision asked for its project proposals on `topic` by `due_on`."""
    check_ir_staff(actor)
    if not topic.strip():
        raise ValidationError({"topic": ValidationError(_("Name the topic."), code="required")})
    if not units:
        raise ValidationError({"units": ValidationError(_("Choose the subdivisions."), code="required")})
    with transaction.atomic():
        asked = []
        for unit in units:
            proposal = Proposal.objects.create(topic=topic.strip(), officer=actor)
            asked.append(proposal_move(proposal=proposal, move="assign", actor=actor, unit=unit, due_on=due_on))
    return asked


# --- Activities (IR 7.9) -------------------------------------------------------------------------


class ActivityWorkflow(AssignmentWorkflow):
    model = Activity
    moves = {
        move.name: move
        for move in (
            Move(
                "assign",
                gettext_lazy("Give to a subdivision"),
                frozenset({AS.RECEIVED, AS.ASSIGNED, AS.RETURNED}),
                AS.ASSIGNED,
                "ir_staff",
                ("unit", "executor", "due_on"),
            ),
            Move(
                "done",
                gettext_lazy("Done: report the result"),
                frozenset(Activity.WITH_UNIT),
                AS.DONE,
                "unit",
                ("result",),
            ),
            Move(
                "return",
                gettext_lazy("Return for more work"),
                frozenset({AS.DONE}),
                AS.RETURNED,
                "ir_staff",
                ("reason", "due_on"),
            ),
        )
    }
    action_prefix = "ir.activity."
    term_kind = ACTIVITY_TERM
    unit_moves = frozenset({"done"})
    term_moves = frozenset({"assign", "return"})

    def is_open(self, record, move: Move) -> bool:
        """Activities are given and done while the project is executed."""
        return super().is_open(record, move) and record.project.status == P.EXECUTION

    def controller(self, record):
        return record.project.officer

    def refused_move(self, record, move: Move) -> ValidationError:
        if record.project.status != P.EXECUTION:
            return ValidationError(_("The project is not being executed."), code="not_executed")
        return _refused(record, move)

    def refused_actor(self, record, move: Move) -> ValidationError:
        if move.name in self.unit_moves:
            return ValidationError(_("The subdivision responsible reports the activity."), code="not_yours")
        return ValidationError(_("The department's staff run the project."), code="not_yours")

    def visible_to(self, user):
        return activities_visible_to(user)

    def check_work(self, record, move: Move, inputs: dict) -> None:
        if move.name == "done" and not inputs.get("result", "").strip():
            raise ValidationError({"result": ValidationError(_("Say what was done."), code="required")})

    def apply_work(self, record, move: Move, *, actor, **inputs) -> dict:
        if move.name == "done":
            record.result, record.done_on = inputs["result"].strip(), timezone.localdate()
            self.close_term(record, actor=actor)
            return {"done_on": record.done_on}
        return {}


ACTIVITY_WORKFLOW = ActivityWorkflow()


def activity_move(*, activity: Activity, move: str, actor, **inputs) -> Activity:
    if move not in ACTIVITY_WORKFLOW.moves:
        raise ValidationError(_("No such move."), code="forbidden_move")
    return ACTIVITY_WORKFLOW.perform(record=activity, move=move, actor=actor, **inputs)


def activity_add(*, actor, project: Project, title: str, unit, due_on: date, executor=None) -> Activity:
    """An activity of the plan, with its subdivision and term: given to the subdivision at once
    if the project is being executed, when the project is approved otherwise."""
    check_ir_staff(actor)
    errors = {}
    if project.status not in PLANNED:
        errors["title"] = ValidationError(_("The project's plan no longer changes."), code="closed")
    if not title.strip():
        errors["title"] = ValidationError(_("Name the activity."), code="required")
    if due_on is not None and not (project.starts_on <= due_on <= project.ends_on):
        errors["due_on"] = ValidationError(_("The term falls within the project's dates."), code="outside_project")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        activity = Activity.objects.create(project=project, title=title.strip())
        # The plan keeps the subdivision and the term; the assignment checks them now.
        ACTIVITY_WORKFLOW.check_term(
            ACTIVITY_WORKFLOW.moves["assign"], activity, {"unit": unit, "executor": executor, "due_on": due_on}
        )
        activity.unit, activity.executor, activity.due_on = unit, executor, due_on
        activity.save(update_fields=["unit", "executor", "due_on"])
        audit_record(
            actor=actor,
            action="ir.project.activity_added",
            obj=project,
            after={"activity": activity.pk, "due_on": due_on},
        )
        if project.status == P.EXECUTION:
            activity_move(activity=activity, move="assign", actor=actor, unit=unit, executor=executor, due_on=due_on)
    return activity


# --- The project (IR 7.8, 7.9) -----------------------------------------------------------------

PROJECT_MOVES = {
    move.name: move
    for move in (
        Move(
            "submit",
            gettext_lazy("Put on the approval route"),
            frozenset({P.PROPOSAL}),
            P.APPROVAL,
            "ir_staff",
            ("document",),
        ),
        Move(
            "approve", gettext_lazy("Approved: begin the execution"), frozenset({P.APPROVAL}), P.EXECUTION, "ir_staff"
        ),
        Move(
            "complete", gettext_lazy("Completed on its final report"), frozenset({P.EXECUTION}), P.COMPLETED, "ir_staff"
        ),
        Move(
            "reject", gettext_lazy("Rejected"), frozenset({P.PROPOSAL, P.APPROVAL}), P.REJECTED, "ir_staff", ("reason",)
        ),
    )
}


class ProjectWorkflow(Workflow):
    model = Project
    moves = PROJECT_MOVES
    action_prefix = "ir.project."

    def may(self, move: Move, record, user) -> bool:
        return is_ir_staff(user)

    def refused_move(self, record, move: Move) -> ValidationError:
        return _refused(record, move)

    def refused_actor(self, record, move: Move) -> ValidationError:
        return ValidationError(_("The department's staff run the project."), code="not_yours")

    def visible_to(self, user):
        return projects_visible_to(user)

    def concerned(self, record, move: Move, *, actor) -> list:
        return [record.officer]

    def check(self, record, move: Move, *, actor, **inputs) -> None:
        if move.name == "submit":
            document = inputs.get("document")
            if document is None or document.department != "IR":
                raise ValidationError(
                    {"document": ValidationError(_("Choose a document of the department."), code="outside")}
                )
            if not record.activities.exists():
                raise ValidationError({"document": ValidationError(_("Plan the activities first."), code="no_plan")})
        elif move.name == "approve" and (record.document is None or not record.document.is_signed):
            raise ValidationError(_("The approval document is not signed yet."), code="not_approved")
        elif move.name == "complete":
            final = record.reports.filter(final=True).select_related("document").first()
            if final is None or not final.document.is_signed:
                raise ValidationError(_("The final report is not signed yet."), code="no_final_report")
            open_activities = record.activities.exclude(status=AS.DONE).count()
            if open_activities:
                raise ValidationError(
                    _("%(count)s activities are not done.") % {"count": open_activities}, code="activities_open"
                )
        elif move.name == "reject" and not inputs.get("reason", "").strip():
            raise ValidationError({"reason": ValidationError(_("Say why."), code="required")})

    def apply(self, record, move: Move, *, actor, **inputs) -> dict:
        if move.name == "submit":
            record.document = inputs["document"]
            return {"document": record.document.pk}
        if move.name == "approve":
            return {"activities": record.activities.filter(status=AS.RECEIVED).count()}
        if move.name == "reject":
            record.reason = inputs["reason"].strip()
            return {"reason": record.reason}
        return {}


PROJECT_WORKFLOW = ProjectWorkflow()


def project_move(*, project: Project, move: str, actor, **inputs) -> Project:
    """Perform one move of a project, or refuse it and change nothing. Approved, its planned
    activities are given to their subdivisions, each through the activity's own move, its term
    running from today at the earliest."""
    if move not in PROJECT_MOVES:
        raise ValidationError(_("No such move."), code="forbidden_move")
    with transaction.atomic():
        project = PROJECT_WORKFLOW.perform(record=project, move=move, actor=actor, **inputs)
        if move == "approve":
            planned = project.activities.filter(status=AS.RECEIVED).select_related("unit", "executor")
            for activity in planned:
                activity_move(
                    activity=activity,
                    move="assign",
                    actor=actor,
                    unit=activity.unit,
                    executor=activity.executor,
                    due_on=max(activity.due_on, timezone.localdate()),
                )
    return project


def project_save(*, actor, project: Project, funding=(), indicators=(), risks=(), proposal=None) -> Project:
    """IR 7.7-7.9: a project entered or corrected while it is not over, with its budget by
    source, indicators and risks (each a list of the rows' fields, replacing those it had);
    made of a subdivision's proposal, it accepts that proposal."""
    check_ir_staff(actor)
    created = project.pk is None
    if not created and Project.objects.get(pk=project.pk).status not in PLANNED:
        raise ValidationError(_("A completed or rejected project is no longer corrected."), code="closed")
    if created:
        project.created_by = actor
    project.full_clean()
    rows = [
        *(Funding(**fields) for fields in funding),
        *(Indicator(**fields) for fields in indicators),
        *(Risk(**fields) for fields in risks),
    ]
    with transaction.atomic():
        if proposal is not None:
            proposal_move(proposal=proposal, move="accept", actor=actor)
            project.proposal = proposal
        project.save()
        for model in (Funding, Indicator, Risk):
            model.objects.filter(project=project).delete()
        for row in rows:
            row.project = project
            row.full_clean()
            row.save()
        audit_record(
            actor=actor,
            action=f"ir.project.{'created' if created else 'updated'}",
            obj=project,
            after={"funding": len(funding), "indicators": len(indicators), "risks": len(risks)},
        )
    return project


def report_add(
    *, actor, project: Project, period_start: date, period_end: date, document, final: bool = False
) -> ProjectReport:
    """IR 7.9: a report on the project for a period, a document of the department; the final
    one, once signed, lets the project be completed."""
    check_ir_staff(actor)
    errors = {}
    if project.status != P.EXECUTION:
        errors["document"] = ValidationError(_("Reports are made while the project is executed."), code="not_executed")
    if document is None or document.department != "IR":
        errors["document"] = ValidationError(_("Choose a document of the department."), code="outside")
    if period_end < period_start:
        errors["period_end"] = ValidationError(_("The period ends after it begins."), code="before_start")
    if final and project.reports.filter(final=True).exists():
        errors["final"] = ValidationError(_("The project has its final report."), code="final_twice")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report = ProjectReport.objects.create(
            project=project,
            period_start=period_start,
            period_end=period_end,
            document=document,
            final=final,
            added_by=actor,
        )
        audit_record(
            actor=actor,
            action="ir.project.report_added",
            obj=project,
            after={"report": report.pk, "document": document.pk, "final": final},
        )
    return report
