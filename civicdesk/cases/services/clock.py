"""The date the case services work on, and the working-day calendar deadlines are counted in.

Services ask here rather than the system clock so tests (and the supplement pause) can
move "today".
"""

import datetime

from django.utils import timezone

from civicdesk.core.selectors import workday_calendar_around
from civicdesk.core.workdays import WorkdayCalendar


def today() -> datetime.date:
    return timezone.localdate()


def calendar_around(day: datetime.date) -> WorkdayCalendar:
    return workday_calendar_around(day)
