"""The IR's terms (DOMAIN.md "International legal assistance"; "Appeals" for IR 7.25).

Overdue legal-assistance work escalates to the deputy head supervising that line (IR 13),
or to whoever replaces him.
"""

from django.utils.translation import gettext_lazy as _

from courtadmin.deadlines.kinds import DeadlineKind
from courtadmin.org.models import Department, LineOfWork

KINDS = [
    DeadlineKind(
        "ir.rogatory_execution",
        Department.IR,
        _("Execution of a letter rogatory"),
        _("The treaty's term, one month from receipt by the court by default"),
        months=1,
        remind_before=(5, 1),
        escalation_line=LineOfWork.LEGAL_ASSISTANCE,
        kept_on="execution_due_on",
    ),
    DeadlineKind(
        "ir.application",
        Department.IR,
        _("Explanation to an applicant about legal assistance"),
        _("АППК art. 76: 15 working days, extendable to two months"),
        working_days=15,
        extension_cap_months=2,
        extension_notice_working_days=3,
        escalation_line=LineOfWork.LEGAL_ASSISTANCE,
    ),
    DeadlineKind(
        "ir.application.extension_notice",
        Department.IR,
        _("Notice of the extension to the applicant"),
        _("АППК art. 76: within 3 working days"),
        working_days=3,
        remind_before=(1,),
        escalation_line=LineOfWork.LEGAL_ASSISTANCE,
    ),
    DeadlineKind(
        "ir.instruction",
        Department.IR,
        _("Execution of an instruction"),
        _("IR 11: the term set by the instruction"),
        working_days=10,  # the instruction's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
    DeadlineKind(
        "ir.letter",
        Department.IR,
        _("Execution of a resolution on an incoming letter"),
        _("IR 11: the term set by the resolution, in working days"),
        working_days=10,  # the resolution's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
    DeadlineKind(
        "ir.datarequest",
        Department.IR,
        _("Answer to a request of the department"),
        _("IR 5.1: the term set by the request, in working days"),
        working_days=10,  # the request's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
    DeadlineKind(
        "ir.translation",
        Department.IR,
        _("Translation of a foreign letter"),
        _("IR 7.12: the term set by the translation task, in working days"),
        working_days=5,  # the task's own term replaces it (due_on)
        remind_before=(1,),
    ),
    DeadlineKind(
        "ir.trip_report",
        Department.IR,
        _("Final report of a business trip abroad"),
        _("IR 7.11: the term set by the trip order"),
        working_days=10,  # the order's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
    DeadlineKind(
        "ir.event_material",
        Department.IR,
        _("Material for an international event"),
        _("IR 7.15: the term set for the analytical or reference material"),
        working_days=5,  # the material's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
    DeadlineKind(
        "ir.recommendation",
        Department.IR,
        _("Implementation of a UN treaty body's recommendation"),
        _("IR 7.5: the term set when the recommendation is assigned to a subdivision"),
        working_days=20,  # the assignment's own term replaces it (due_on)
        remind_before=(5, 1),
    ),
    DeadlineKind(
        "ir.cepej_answer",
        Department.IR,
        _("Answer to a question of the CEPEJ questionnaire"),
        _("IR 7.28: the term set when the question is assigned to a subdivision"),
        working_days=10,  # the assignment's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
    DeadlineKind(
        "ir.agreement_comment",
        Department.IR,
        _("Comments of a subdivision on a draft international document"),
        _("IR 7.2, 7.10: the term set when the subdivision is asked"),
        working_days=5,  # the request's own term replaces it (due_on)
        remind_before=(2, 1),
    ),
    DeadlineKind(
        "ir.agreement_validity",
        Department.IR,
        _("End of an international document's validity"),
        _("IR 7.10: the term of validity the document sets; prolong it or let it end"),
        months=12,  # the document's own term replaces it (due_on)
        remind_before=(60, 20, 5),
        remind_while_overdue=False,
    ),
    DeadlineKind(
        "ir.project_proposal",
        Department.IR,
        _("Project proposal of a subdivision"),
        _("IR 7.7: the term set when the subdivision is asked"),
        working_days=10,  # the request's own term replaces it (due_on)
        remind_before=(3, 1),
    ),
    DeadlineKind(
        "ir.project_activity",
        Department.IR,
        _("Activity of a project"),
        _("IR 7.9: the milestone's term in the project's plan"),
        working_days=20,  # the milestone's own term replaces it (due_on)
        remind_before=(5, 1),
    ),
    DeadlineKind(
        "ir.secondment_report",
        Department.IR,
        _("Report of a judge on the work in an international body"),
        _("IR 7.3: the term the department sets for the judge's report"),
        working_days=20,  # the secondment's own term replaces it (due_on)
        remind_before=(5, 1),
    ),
]
