"""The ISD as the core knows it (courtadmin.org.departments): registered in AppConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from courtadmin.org.authority import Capacity
from courtadmin.org.departments import DepartmentRules, SigningPost
from courtadmin.org.models import Department, Position

from .models import Function

RULES = DepartmentRules(
    code=Department.ISD,
    name=Department.ISD.label,
    namespace="internal_security",
    home_url="internal_security:home",
    nav_label=_("Internal Security"),
    board_title=_("Internal Security: the department's dashboard"),
    # ISD 7: the ISD reports only to the Chairman and the Head of the Court Administration.
    access_clause="ISD 7",
    readers_outside=frozenset({Position.Kind.CHAIRMAN, Position.Kind.CA_HEAD}),
    reason_reader_outside=_("The ISD reports to the Chairman and the Head of the Court Administration."),
    reason_member=_("A member of the ISD."),
    reason_refused=_("ISD records are only for the Chairman, the Head of the Court Administration and ISD staff."),
    # ISD 15: the head, or the person replacing him.
    signing_clause="ISD 15",
    signing_posts=(SigningPost(Position.Kind.HEAD, "", None, Capacity.HEAD, Capacity.ACTING_HEAD),),
    reason_not_signer=_(
        "Documents of the department are signed by its head or, in his absence, the person replacing him."
    ),
    # ISD 7: each case on a need-to-know basis; every reading in the ISD's read log.
    need_to_know=True,
    # ISD 14: its staff are given no function outside ISD 6.
    functions=tuple(Function.choices),
)
