"""How many records of each generate_load kind the bench database holds."""

from courtadmin.correspondence.models import IncomingLetter
from courtadmin.datarequests.models import DataRequest
from courtadmin.deadlines.models import Deadline
from courtadmin.documents.models import Document
from courtadmin.instructions.models import Instruction
from internal_security.models import Complaint, ComplaintGrant, CriminalCase, Investigation, SecurityIncident
from international.models import Delegation, Event, LegalAssistanceRequest, Spending, Trip

COUNTS = {
    "requests": lambda: LegalAssistanceRequest.objects.count(),
    "letters": lambda: IncomingLetter.objects.count(),
    "instructions": lambda: Instruction.objects.count(),
    "documents": lambda: Document.objects.count(),
    "datarequests": lambda: DataRequest.objects.count(),
    "trips": lambda: Trip.objects.count(),
    "delegations": lambda: Delegation.objects.count(),
    "events": lambda: Event.objects.count(),
    "budget": lambda: Spending.objects.count(),
    "complaints": lambda: Complaint.objects.count(),
    "investigations": lambda: Investigation.objects.count(),
    "cases": lambda: CriminalCase.objects.count(),
    "grants": lambda: ComplaintGrant.objects.count(),
    "incidents": lambda: SecurityIncident.objects.count(),
    # The reminder scan's load: running terms, whatever their record.
    "deadlines": lambda: Deadline.objects.filter(state__in=Deadline.ACTIVE).count(),
}


def existing(option: str) -> int:
    return COUNTS[option]()
