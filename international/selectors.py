"""Reads of IR records: IR staff and the Court Administration leadership (IR 1-3, ISD 7)."""

from django.http import Http404

from courtadmin.org.authority import department_access, signers
from courtadmin.org.models import Department, LineOfWork


def require_ir_access(user) -> None:
    if not department_access(user, Department.IR):
        raise Http404


def department_overview(user) -> dict:
    """Who signs IR documents today (IR 13): ordinary ones and legal-assistance ones."""
    require_ir_access(user)
    return {
        "signers": signers(Department.IR),
        "legal_assistance_signers": signers(Department.IR, LineOfWork.LEGAL_ASSISTANCE),
    }
