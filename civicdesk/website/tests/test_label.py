import datetime

import pytest
from django.contrib.auth import get_user_model

from civicdesk.website.label import LabelStatus, label_status

TODAY = datetime.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("has_label", "expires", "status"),
    [
        (False, None, LabelStatus.MISSING),
        (True, None, LabelStatus.MISSING),
        (True, datetime.date(2026, 11, 23), LabelStatus.EXPIRED),
        (True, TODAY, LabelStatus.EXPIRING),
        (True, datetime.date(2027, 2, 22), LabelStatus.EXPIRING),  # 90 days
        (True, datetime.date(2027, 2, 23), LabelStatus.VALID),
    ],
)
def test_label_status(has_label, expires, status):
    assert label_status(has_label=has_label, expires=expires, today=TODAY) == status


@pytest.mark.django_db
def test_the_dashboard_reminds_administrators_only(client):
    users = get_user_model().objects
    client.force_login(users.get(username="admin"))
    html = client.get("/admin/").content.decode()
    assert 'id="label-panel-heading"' in html
    assert "help-warning" in html  # the demo has no official label: a warning, not info
    client.force_login(users.get(username="officer"))
    assert 'id="label-panel-heading"' not in client.get("/admin/").content.decode()
