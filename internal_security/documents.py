"""The ISD's document kinds (ISD 15 names who signs them)."""

from django.utils.translation import gettext_lazy as _

from courtadmin.documents.kinds import DocumentKind
from courtadmin.org.models import Department

KINDS = [
    DocumentKind("isd.complainant_answer", Department.ISD, _("Answer to a complainant"), default_route=(("deputy",),)),
    DocumentKind(
        "isd.investigation_conclusion",
        Department.ISD,
        _("Conclusion of an official investigation"),
        default_route=(("deputy",),),
    ),
    DocumentKind("isd.memo_to_subdivision", Department.ISD, _("Memo to a subdivision")),
    DocumentKind("isd.report_to_chairman", Department.ISD, _("Report to the Chairman"), default_route=(("deputy",),)),
]
