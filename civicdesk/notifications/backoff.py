"""How long to wait before the next attempt to send a mail: pure rules, no ORM."""

import datetime

FIRST_DELAY = datetime.timedelta(minutes=1)
MAX_DELAY = datetime.timedelta(hours=1)


def retry_delay(*, attempts: int) -> datetime.timedelta:
    """1, 2, 4, … minutes after the 1st, 2nd, 3rd … failed attempt, never more than an hour."""
    if attempts < 1:
        return FIRST_DELAY
    # Capping the exponent first keeps the number small whatever the attempt count.
    return min(FIRST_DELAY * (1 << min(attempts - 1, 16)), MAX_DELAY)
