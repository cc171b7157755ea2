"""The IR's document kinds (IR 13 names who signs them)."""

from django.utils.translation import gettext_lazy as _

from courtadmin.documents.kinds import DocumentKind
from courtadmin.org.models import Department, LineOfWork

KINDS = [
    DocumentKind(
        "ir.outgoing_letter", Department.IR, _("Outgoing letter"), extra_languages=("en",), default_route=(("deputy",),)
    ),
    DocumentKind(
        "ir.rogatory_cover_letter",
        Department.IR,
        _("Cover letter for a letter rogatory"),
        line_of_work=LineOfWork.LEGAL_ASSISTANCE,
        extra_languages=("en",),
    ),
    DocumentKind(
        "ir.application_answer",
        Department.IR,
        _("Explanation to an applicant about legal assistance"),
        line_of_work=LineOfWork.LEGAL_ASSISTANCE,
    ),
    DocumentKind("ir.report_to_chairman", Department.IR, _("Report to the Chairman"), default_route=(("deputy",),)),
]
