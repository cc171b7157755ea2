"""The ISD's terms (АППК, see ../shared/DOMAIN.md "Appeals")."""

from django.utils.translation import gettext_lazy as _

from courtadmin.deadlines.kinds import DeadlineKind
from courtadmin.org.models import Department

KINDS = [
    DeadlineKind(
        "isd.unit_report",
        Department.ISD,
        _("A territorial unit's periodic report"),
        _("ISD 5.12: the term the form of report sets after the period ends"),
        working_days=10,  # the report's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
    DeadlineKind(
        "isd.recommendation",
        Department.ISD,
        _("A recommendation of an inspection"),
        _("ISD 6.10, 6.18: the term the recommendation sets"),
        working_days=20,  # the recommendation's own term replaces it (due_on)
        remind_before=(5, 1),
    ),
    DeadlineKind(
        "isd.plan_item",
        Department.ISD,
        _("An item of the work plan"),
        _("ISD 9: the term the approved plan sets"),
        working_days=10,  # the item's own term replaces it (due_on)
        remind_before=(5, 1),
    ),
    DeadlineKind(
        "isd.vetting",
        Department.ISD,
        _("Conclusion on a candidate"),
        _("ISD 5.4: the term the request sets"),
        working_days=10,  # the request's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
    DeadlineKind(
        "isd.risk_measure",
        Department.ISD,
        _("A measure against a corruption risk"),
        _("ISD 6.14: the term the measure sets"),
        working_days=20,  # the measure's own term replaces it (due_on)
        remind_before=(5, 1),
    ),
    DeadlineKind(
        "isd.programme_item",
        Department.ISD,
        _("An item of an anti-corruption programme"),
        _("ISD 6.12: the term the programme sets"),
        working_days=20,  # the item's own term replaces it (due_on)
        remind_before=(5, 1),
    ),
    DeadlineKind(
        "isd.staff_notice",
        Department.ISD,
        _("The ISD head's position on a decision on territorial ISD staff"),
        _("ISD 13: the term the notice sets"),
        working_days=5,  # the notice's own term replaces it (due_on)
        remind_before=(2, 1),
    ),
    DeadlineKind(
        "isd.investigation",
        Department.ISD,
        _("Official investigation"),
        _("ISD 6.21: the term set by the instruction"),
        months=1,
        remind_before=(5, 1),
    ),
    DeadlineKind(
        "isd.appeal",
        Department.ISD,
        _("Answer to an appeal"),
        _("АППК art. 76: 15 working days, extendable to two months"),
        working_days=15,
        extension_cap_months=2,
        extension_notice_working_days=3,
    ),
    DeadlineKind(
        "isd.appeal.extension_notice",
        Department.ISD,
        _("Notice of the extension to the applicant"),
        _("АППК art. 76: within 3 working days"),
        working_days=3,
        remind_before=(1,),
    ),
    DeadlineKind(
        "isd.appeal.forwarding",
        Department.ISD,
        _("Forwarding to the competent body"),
        _("АППК arts. 65, 76: within 3 working days"),
        working_days=3,
        remind_before=(1,),
    ),
    DeadlineKind(
        "isd.instruction",
        Department.ISD,
        _("Execution of an instruction"),
        _("ISD 5.12, ISD 9: the term set by the instruction"),
        working_days=10,  # the instruction's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
    DeadlineKind(
        "isd.letter",
        Department.ISD,
        _("Execution of a resolution on an incoming letter"),
        _("ISD 9: the term set by the resolution, in working days"),
        working_days=10,  # the resolution's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
    DeadlineKind(
        "isd.datarequest",
        Department.ISD,
        _("Answer to a request of the department"),
        _("ISD 5.6, ISD 12: the term set by the request, in working days"),
        working_days=10,  # the request's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
    DeadlineKind(
        "isd.translation",
        Department.ISD,
        _("Translation of a foreign letter"),
        _("ISD 9: the term set by the translation task, in working days"),
        working_days=5,  # the task's own term replaces it (due_on)
        remind_before=(1,),
    ),
    DeadlineKind(
        "isd.terror_passport",
        Department.ISD,
        _("Review of a building's anti-terrorist passport"),
        _("ISD 6.7: the term of the passport"),
        working_days=20,  # the passport's own term replaces it (due_on)
        remind_before=(20, 10, 5, 1),
    ),
    DeadlineKind(
        "isd.building_measure",
        Department.ISD,
        _("A measure for a court building"),
        _("ISD 6.7, 6.8: the term the survey or inspection sets"),
        working_days=20,  # the measure's own term replaces it (due_on)
        remind_before=(5, 1),
    ),
    DeadlineKind(
        "isd.contract_defect",
        Department.ISD,
        _("Remedy of a supplier's defect"),
        _("ISD 6.9: the term given to the supplier"),
        working_days=10,  # the defect's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
]
