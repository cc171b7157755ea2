"""One skeleton for every workflow of the portal (STYLE.md, "State and rules as data").

A workflow is a table of moves (from which states, to which, who may, which inputs) and one
function that performs a move: `Workflow.perform` locks the record's row, checks the edge,
the actor and the inputs, applies the move's own effect, writes the new status and the audit
event, all in one transaction. It is the only code that assigns a record's `status`. Each
workflow (a document's, a legal-assistance request's, a complaint's, ...) is a subclass that
fills in its table, its refusals and its effects.

Every move is news to the people it concerns (`concerned`: the approver a document now waits
for, the officer a complaint was assigned to, the author whose letter was signed): `perform`
promises a job in the move's own transaction (core.jobs, kind NEWS_JOB), and the bell's app
delivers it to each, in his language, if he may open the record (`visible_to`), once.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from courtadmin.audit.services import audit_record

from .jobs import job_promise

# The job kind of a move's news; its handler is the notifications' (courtadmin.deadlines).
NEWS_JOB = "workflow.news"
_WORKFLOWS: dict[str, "Workflow"] = {}


def workflow_of(action_prefix: str) -> "Workflow":
    """The workflow whose audit actions start with `action_prefix` ("document.")."""
    return _WORKFLOWS[action_prefix]


def state_field(record) -> str:
    """The field that holds a record's state: `status`, unless its model names another (a
    criminal case's `stage`)."""
    return getattr(record, "state_field", "status")


def state_of(record) -> str:
    return getattr(record, state_field(record))


def missing_texts(move: "Move", texts: dict[str, tuple[str, str]]) -> dict:
    """The text inputs `move` needs that were left empty, each with its message beside its
    field: `texts` maps an input's name to (what was typed, the message)."""
    return {
        name: ValidationError(message, code="required")
        for name, (value, message) in texts.items()
        if name in move.needs and not (value or "").strip()
    }


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    sources: frozenset
    target: str | None  # None: the move's effect decides (an approval may or may not end the route)
    who: str = ""  # the workflow's own word for who may make it
    needs: tuple[str, ...] = ()  # the inputs it needs: "reason", "on", ...


class Workflow:
    model = None
    moves: dict[str, Move] = {}
    action_prefix = ""  # the audit action is the prefix and the move's name: "document.sign"

    def __init__(self):
        _WORKFLOWS[self.action_prefix] = self

    # --- What a workflow fills in ------------------------------------------------------------

    def is_open(self, record, move: Move) -> bool:
        """May `record`, as it stands, make `move` at all (whoever asks)?"""
        return state_of(record) in move.sources

    def may(self, move: Move, record, user) -> bool:
        """May `user` make `move` on `record` now?"""
        raise NotImplementedError

    def refused_move(self, record, move: Move) -> ValidationError:
        raise NotImplementedError

    def refused_actor(self, record, move: Move) -> ValidationError:
        raise NotImplementedError

    def check(self, record, move: Move, *, actor, **inputs) -> None:
        """The move's inputs and conditions; raise ValidationError keyed by the input."""

    def visible_to(self, user):
        """The records of this workflow that `user` may open: news reaches nobody else."""
        raise NotImplementedError

    def concerned(self, record, move: Move, *, actor) -> list:
        """The users told of `move`, made on `record` (locked, after the move): whoever it now
        waits for or whose work it was. The actor is never told of his own move."""
        return []

    def apply(self, record, move: Move, *, actor, **inputs) -> dict:
        """The move's own effect on the locked record (fields, terms, routes), before the
        status is written. Returns what the audit event records besides the status; a
        "status" in it overrides the move's target."""
        return {}

    # --- The skeleton ------------------------------------------------------------------------

    def moves_open_to(self, record, user) -> list[Move]:
        """The moves `user` may make on `record` now (the page's buttons)."""
        return [move for move in self.moves.values() if self.is_open(record, move) and self.may(move, record, user)]

    def lock(self, record):
        return self.model.objects.select_for_update().get(pk=record.pk)

    def perform(self, *, record, move: str, actor, **inputs):
        """Perform one move, or raise ValidationError with the reason and change nothing."""
        spec = self.moves[move]
        with transaction.atomic():
            locked = self.lock(record)
            if not self.is_open(locked, spec):
                raise self.refused_move(locked, spec)
            if not self.may(spec, locked, actor):
                raise self.refused_actor(locked, spec)
            self.check(locked, spec, actor=actor, **inputs)
            before = state_of(locked)
            details = self.apply(locked, spec, actor=actor, **inputs) or {}
            target = details.pop("status", spec.target)
            setattr(locked, state_field(locked), target)
            locked.save()
            event = audit_record(
                actor=actor,
                action=f"{self.action_prefix}{spec.name}",
                obj=locked,
                before={"status": before},
                after={"status": target, **details},
            )
            self.announce(locked, spec, actor=actor, event=event)
        record.refresh_from_db()
        return record

    def announce(self, record, move: Move, *, actor, event) -> None:
        """Promise the move's news to the people it concerns, in the move's transaction."""
        recipients = sorted({user.pk for user in self.concerned(record, move, actor=actor) if user} - {actor.pk})
        if recipients:
            job_promise(
                NEWS_JOB,
                str(event.pk),
                workflow=self.action_prefix,
                record_id=record.pk,
                move=move.name,
                event_id=event.pk,
                actor_id=actor.pk,
                status=state_of(record),
                recipients=recipients,
            )
