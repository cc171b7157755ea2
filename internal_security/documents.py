"""The ISD's document kinds (ISD 15 names who signs them)."""

from django.utils.translation import gettext_lazy as _

from courtadmin.documents.kinds import DocumentKind
from courtadmin.org.models import Department

from .permissions import answers_readable_by

KINDS = [
    # The answer names the applicant, whom only the assigned officers and the ISD head see
    # (issue 7.2): no default visa of the deputy, and no reader besides them, its author, its
    # route and whoever may sign it now.
    DocumentKind(
        "isd.complainant_answer",
        Department.ISD,
        _("Answer to a complainant"),
        readers=answers_readable_by,
    ),
    DocumentKind(
        "isd.investigation_conclusion",
        Department.ISD,
        _("Conclusion of an official investigation"),
        default_route=(("deputy",),),
    ),
    DocumentKind("isd.memo_to_subdivision", Department.ISD, _("Memo to a subdivision")),
    DocumentKind("isd.report_to_chairman", Department.ISD, _("Report to the Chairman"), default_route=(("deputy",),)),
    # ISD 5.7, ISD 6.17: law-enforcement and special state bodies, on anti-corruption.
    DocumentKind(
        "isd.law_enforcement_letter",
        Department.ISD,
        _("Letter to a law-enforcement or special state body"),
        default_route=(("deputy",),),
    ),
    # ISD 5.1: proposals to the Chairman and the Head on the ISD's work.
    DocumentKind("isd.proposal", Department.ISD, _("Proposal to the leadership"), default_route=(("deputy",),)),
    # ISD 9: the head approves the ISD's work plan and agrees the territorial units' plans.
    DocumentKind("isd.work_plan", Department.ISD, _("Work plan")),
    # ISD 5.4: the conclusion on a candidate, signed per ISD 15.
    DocumentKind(
        "isd.vetting_conclusion",
        Department.ISD,
        _("Conclusion on a candidate"),
        default_route=(("deputy",),),
    ),
    # ISD 6.13: the analysis of corruption risks for a period.
    DocumentKind("isd.risk_analysis", Department.ISD, _("Analysis of corruption risks")),
]
