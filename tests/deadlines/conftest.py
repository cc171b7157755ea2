from datetime import datetime

from courtadmin.deadlines import services
from courtadmin.deadlines.calendar import ALMATY


def open_appeal(complaint, people, received=datetime(2026, 11, 20, 19, 5, tzinfo=ALMATY), responsible="isd_officer"):
    return services.deadline_open(
        record=complaint, kind="isd.appeal", received_at=received, responsible=people[responsible].user
    )


def complaints_like(complaint, count: int) -> list:
    """`count` complaints like `complaint`: a record runs one term of a kind at a time, so a
    test that needs many running terms needs as many records."""
    from internal_security.models import Complaint

    made, before = [], Complaint.objects.count()
    for n in range(count):
        copy = Complaint.objects.get(pk=complaint.pk)
        copy.pk, copy.number = None, f"{complaint.number}-{before + n}"
        copy.save()
        made.append(copy)
    return made
