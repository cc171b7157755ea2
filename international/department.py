"""The IR as the core knows it (courtadmin.org.departments): registered in AppConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from courtadmin.org.authority import Capacity
from courtadmin.org.departments import DepartmentRules, SigningPost
from courtadmin.org.models import Department, LineOfWork, Position

RULES = DepartmentRules(
    code=Department.IR,
    name=Department.IR.label,
    namespace="international",
    home_url="international:home",
    nav_label=_("International Relations"),
    board_title=_("International Relations: the department's dashboard"),
    # IR 1-3: a subdivision of the Court Administration, whose leadership reads its work.
    access_clause="IR 1-3",
    readers_outside=frozenset({Position.Kind.CHAIRMAN, Position.Kind.CA_HEAD, Position.Kind.CA_DEPUTY}),
    reason_reader_outside=_("The leadership of the Court Administration."),
    reason_member=_("A member of the IR."),
    reason_refused=_("IR records are for IR staff and the leadership."),
    # IR 13: the head, or the person replacing him; documents on international legal
    # assistance also the deputy supervising it, or the person replacing him.
    signing_clause="IR 13",
    signing_posts=(
        SigningPost(Position.Kind.HEAD, "", None, Capacity.HEAD, Capacity.ACTING_HEAD),
        SigningPost(
            Position.Kind.DEPUTY,
            LineOfWork.LEGAL_ASSISTANCE,
            frozenset({LineOfWork.LEGAL_ASSISTANCE}),
            Capacity.LA_DEPUTY,
            Capacity.ACTING_LA_DEPUTY,
        ),
    ),
    reason_not_signer=_(
        "Documents of the department are signed by its head or, in his absence, the person replacing him."
    ),
    reason_not_signer_by_line=(
        (
            LineOfWork.LEGAL_ASSISTANCE,
            _(
                "Documents on international legal assistance are signed by the head of the department, "
                "the deputy head supervising legal assistance, or the person replacing either of them."
            ),
        ),
    ),
)
