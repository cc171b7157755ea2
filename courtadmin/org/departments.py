"""The departments the portal serves, as each registers itself in its AppConfig.ready().

The core knows a department only through its registration: whose pages and records it is
(its members, and the positions outside it that it reports to: ISD 7, IR 1-3), who signs its
documents (IR 13, ISD 15), whether its records are need-to-know (reached case by case, every
read logged), where its pages live and the title of its own dashboard. A third department
registers the same way, and nothing in the core changes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SigningPost:
    """A post whose holder, or the person replacing him, signs a department's documents.

    A post of the department is held within its structural unit (the head, a deputy). A post
    of the leadership (`outside`: the Chairman, the Head of the Court Administration) signs
    only the lines reserved to it: the correspondence the department prepares for him to sign
    (IR 7.20); nobody of the department signs those."""

    position_kind: str
    position_line: str  # the line a deputy supervises; "" for the head
    lines_signed: frozenset[str] | None  # None: every document of the department not reserved
    capacity: str
    acting_capacity: str
    outside: bool = False
    clause: str = ""  # the clause that gives this post its signature, if not the department's


@dataclass(frozen=True)
class DepartmentRules:
    """What the core needs to know of a department; its texts are lazy translations."""

    code: str  # stored on units, documents, terms and audit events: "IR", "ISD"
    name: str
    namespace: str  # the URL namespace of its pages
    home_url: str  # its entry in the navigation
    nav_label: str
    board_title: str  # the title of its own dashboard
    # Who opens its pages and records: its own members, and holders of these positions outside it.
    access_clause: str
    readers_outside: frozenset[str]
    reason_reader_outside: str
    reason_member: str
    reason_refused: str
    # Who signs its documents: the holders of these posts or the people replacing them.
    signing_clause: str
    signing_posts: tuple[SigningPost, ...]
    reason_not_signer: str
    # Lines of work whose documents have signers of their own, with the refusal that says so.
    reason_not_signer_by_line: tuple[tuple[str, str], ...] = ()
    # Need-to-know: its records are reached case by case (by grant, or a territorial unit's
    # region), only its head and deputy and the positions outside it reach them all, and
    # every opening and download is written to its read log.
    need_to_know: bool = False
    # The functions its regulation gives it, (code, label): an instruction to its staff names
    # the one it serves, and no other is given (ISD 14). Empty: its instructions name none.
    functions: tuple[tuple[str, str], ...] = ()

    def refusal_to_sign(self, line_of_work: str | None) -> str:
        return dict(self.reason_not_signer_by_line).get(line_of_work, self.reason_not_signer)

    @property
    def reserved_lines(self) -> frozenset[str]:
        """The lines signed by the leadership's posts alone."""
        return frozenset(line for post in self.signing_posts if post.outside for line in post.lines_signed or ())

    def posts_signing(self, line_of_work: str | None) -> tuple[SigningPost, ...]:
        """The posts whose holders sign a document of `line_of_work`."""
        if line_of_work in self.reserved_lines:
            return tuple(post for post in self.signing_posts if post.outside and line_of_work in post.lines_signed)
        return tuple(
            post
            for post in self.signing_posts
            if not post.outside and (post.lines_signed is None or line_of_work in post.lines_signed)
        )

    @property
    def signed_lines(self) -> tuple[str | None, ...]:
        """None (the department's documents in general) and each line with signers of its own."""
        lines = [None]
        for post in self.signing_posts:
            lines += sorted(post.lines_signed or ())
        return tuple(dict.fromkeys(lines))


_REGISTERED: dict[str, DepartmentRules] = {}


def register_department(rules: DepartmentRules) -> None:
    _REGISTERED[rules.code] = rules


def registered() -> tuple[DepartmentRules, ...]:
    """Every department, in the order they registered (the order of INSTALLED_APPS)."""
    return tuple(_REGISTERED.values())


def department(code: str) -> DepartmentRules | None:
    return _REGISTERED.get(code)


def codes() -> list[str]:
    return list(_REGISTERED)


def choices() -> list[tuple[str, str]]:
    """The departments as a model field's choices."""
    return [(rules.code, rules.name) for rules in _REGISTERED.values()]


def of_namespace(namespace: str) -> str:
    """The department whose pages live under a URL namespace ("internal_security" -> "ISD")."""
    for rules in _REGISTERED.values():
        if rules.namespace == namespace:
            return rules.code
    return ""


# The records of need-to-know departments that documents may be bound to, each with the rule
# that filters them to those a user reaches: a document bound to a record is read only within
# that record's reach (a recused officer no longer reads the answer he drafted).
_RECORD_REACH: dict[str, tuple] = {}


def register_record_reach(model, within_reach) -> None:
    """`within_reach(queryset, user)`: the records of `queryset` that `user` reaches."""
    _RECORD_REACH[model._meta.label_lower] = (model, within_reach)


def record_reaches() -> list[tuple]:
    return list(_RECORD_REACH.values())
