from datetime import date, datetime

import pytest

from courtadmin.deadlines import services
from courtadmin.deadlines.calendar import ALMATY
from internal_security.models import Complaint
from courtadmin.org.models import Region


@pytest.fixture
def complaint(people):
    return Complaint.objects.create(
        number="DL-1",
        received_on=date(2026, 11, 20),
        region=Region.objects.order_by("code").first(),
        court="Court",
        summary="A complaint",
        substance="...",
    )


def open_appeal(complaint, people, received=datetime(2026, 11, 20, 19, 5, tzinfo=ALMATY), responsible="isd_officer"):
    return services.deadline_open(
        record=complaint, kind="isd.appeal", received_at=received, responsible=people[responsible].user
    )
