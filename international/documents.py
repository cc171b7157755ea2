"""The IR's document kinds (IR 13 names who signs them)."""

from django.utils.translation import gettext_lazy as _

from courtadmin.documents.kinds import DocumentKind
from courtadmin.org.models import Department, LineOfWork

from .department import SIGNED_BY_CA_HEAD, SIGNED_BY_CHAIRMAN

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
    # IR 7.20: protocol correspondence of the Chairman and of the Head with foreign
    # representatives, prepared by the IR, seen by its head, signed by them.
    DocumentKind(
        "ir.chairman_letter",
        Department.IR,
        _("Protocol letter of the Chairman of the Supreme Court"),
        line_of_work=SIGNED_BY_CHAIRMAN,
        extra_languages=("en",),
        default_route=(("deputy:protocol",), ("head",)),
    ),
    DocumentKind(
        "ir.ca_head_letter",
        Department.IR,
        _("Protocol letter of the Head of the Court Administration"),
        line_of_work=SIGNED_BY_CA_HEAD,
        extra_languages=("en",),
        default_route=(("deputy:protocol",), ("head",)),
    ),
    # IR 7.13: the Ministry of Foreign Affairs and other state bodies on state protocol.
    DocumentKind(
        "ir.state_body_letter",
        Department.IR,
        _("Letter to a state body on protocol"),
        default_route=(("deputy:protocol",),),
    ),
    # IR 5.4: proposals to the leadership.
    DocumentKind("ir.proposal", Department.IR, _("Proposal to the leadership"), default_route=(("deputy",),)),
    # IR 7.19: guidance and coordination of the subdivisions on protocol.
    DocumentKind(
        "ir.protocol_guidance",
        Department.IR,
        _("Protocol guidance to the subdivisions"),
        default_route=(("deputy:protocol",),),
    ),
    # IR 7.24: methodological recommendations for courts on international legal assistance.
    DocumentKind(
        "ir.methodological_letter",
        Department.IR,
        _("Methodological letter to the courts on legal assistance"),
        line_of_work=LineOfWork.LEGAL_ASSISTANCE,
        default_route=(("deputy:legal_assistance",),),
    ),
]
