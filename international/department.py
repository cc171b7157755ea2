"""The IR as the core knows it (courtadmin.org.departments): registered in AppConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from courtadmin.org.authority import Capacity
from courtadmin.org.departments import DepartmentRules, SigningPost
from courtadmin.org.models import Department, LineOfWork, Position

# The lines of the leadership's own correspondence (IR 7.20): the kinds that carry them are
# signed by the Chairman, or by the Head of the Court Administration, alone.
SIGNED_BY_CHAIRMAN = "chairman"
SIGNED_BY_CA_HEAD = "ca_head"

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
        # IR 7.20: the Chairman's and the Head's protocol correspondence with foreign
        # representatives, prepared by the IR and signed by them or whoever replaces them.
        SigningPost(
            Position.Kind.CHAIRMAN,
            "",
            frozenset({SIGNED_BY_CHAIRMAN}),
            Capacity.CHAIRMAN,
            Capacity.ACTING_CHAIRMAN,
            outside=True,
            clause="IR 7.20",
        ),
        SigningPost(
            Position.Kind.CA_HEAD,
            "",
            frozenset({SIGNED_BY_CA_HEAD}),
            Capacity.CA_HEAD,
            Capacity.ACTING_CA_HEAD,
            outside=True,
            clause="IR 7.20",
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
        (
            SIGNED_BY_CHAIRMAN,
            _("The Chairman's correspondence is signed by the Chairman or the person replacing him under an order."),
        ),
        (
            SIGNED_BY_CA_HEAD,
            _(
                "The correspondence of the Head of the Court Administration is signed by the Head or the person "
                "replacing him under an order."
            ),
        ),
    ),
)
