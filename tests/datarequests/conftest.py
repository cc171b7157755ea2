"""Helpers of the requests' tests: a request drafted by a department's officer, sent by its
head, an ISD case granted to the officer it serves."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courtadmin.datarequests.models import DataRequest
from courtadmin.datarequests.services import request_draft
from courtadmin.datarequests.workflow import request_move
from courtadmin.org.models import Unit

PDF = b"%PDF-1.7\n%%EOF\n"


def pdf(name="answer.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def draft(drafter, unit_code, department="ISD", recipient=None, record=None, working_days=5, **fields):
    values = {
        "subject": "Копии протоколов судебных заседаний",
        "text": "Прошу представить копии протоколов.",
        "legal_basis": "ISD 5.6" if department == "ISD" else "IR 5.1",
        **fields,
    }
    return request_draft(
        actor=drafter,
        request=DataRequest(
            department=department,
            unit=Unit.objects.get(code=unit_code),
            recipient=recipient,
            working_days=working_days,
            **values,
        ),
        record=record,
    )


def sent(drafter, head, unit_code, **kwargs) -> DataRequest:
    sent_on = kwargs.pop("sent_on", None)
    data_request = draft(drafter, unit_code, **kwargs)
    return request_move(request=data_request, move="send", actor=head, sent_on=sent_on)


def answered(data_request, answerer, files=()) -> DataRequest:
    return request_move(
        request=data_request, move="answer", actor=answerer, answer="Материалы прилагаются.", files=files
    )


@pytest.fixture
def isd_case(people):
    """An ISD complaint assigned to isd_officer by the ISD head (his need-to-know grant)."""
    from internal_security.services import complaints as isd
    from tests.internal_security.factories import register

    complaint = register(people)
    isd.complaint_assign(actor=people["isd_head"].user, complaint=complaint, officers=[people["isd_officer"].user])
    return complaint
