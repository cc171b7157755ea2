from datetime import datetime

from courtadmin.deadlines import services
from courtadmin.deadlines.calendar import ALMATY


def open_appeal(complaint, people, received=datetime(2026, 11, 20, 19, 5, tzinfo=ALMATY), responsible="isd_officer"):
    return services.deadline_open(
        record=complaint, kind="isd.appeal", received_at=received, responsible=people[responsible].user
    )
