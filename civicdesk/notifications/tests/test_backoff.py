import datetime

import pytest

from civicdesk.notifications.backoff import retry_delay


@pytest.mark.parametrize(
    ("attempts", "minutes"),
    [(0, 1), (1, 1), (2, 2), (3, 4), (4, 8), (5, 16), (6, 32), (7, 60), (12, 60), (10_000, 60)],
)
def test_retry_delay_doubles_from_a_minute_up_to_an_hour(attempts, minutes):
    assert retry_delay(attempts=attempts) == datetime.timedelta(minutes=minutes)
