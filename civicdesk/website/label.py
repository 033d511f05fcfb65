"""The accessibility label (無障礙標章) is valid for three years: warn before it lapses."""

import datetime
from enum import StrEnum

WARN_DAYS = 90


class LabelStatus(StrEnum):
    MISSING = "missing"
    EXPIRED = "expired"
    EXPIRING = "expiring"
    VALID = "valid"


def label_status(
    *, has_label: bool, expires: datetime.date | None, today: datetime.date
) -> LabelStatus:
    if not has_label or expires is None:
        return LabelStatus.MISSING
    if expires < today:
        return LabelStatus.EXPIRED
    if (expires - today).days <= WARN_DAYS:
        return LabelStatus.EXPIRING
    return LabelStatus.VALID
