import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from civicdesk.notifications.models import OutboundMail
from civicdesk.notifications.services import mail_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def mails(mail_templates):
    queued = mail_queue(
        to="queued@example.test",
        template="test_message",
        context={"name": "林", "number": "11511240007"},
        language="zh-hant",
    )
    failed = mail_queue(
        to="failed@example.test", template="test_message", context={"number": "9"}, language="en"
    )
    OutboundMail.objects.filter(pk=failed.pk).update(status=OutboundMail.Status.FAILED)
    return queued, failed


def staff(username):
    return get_user_model().objects.get(username=username)


def test_staff_with_the_view_permission_read_the_log_but_cannot_write(client, mails):
    queued, _failed = mails
    user = staff("officer")
    user.user_permissions.add(Permission.objects.get(codename="view_outboundmail"))
    client.force_login(user)

    # The sidebar (Reports menu) is rendered from JSON.
    assert '"url": "/admin/outbound_mail/"' in client.get("/admin/").content.decode()
    listing = client.get("/admin/outbound_mail/")
    assert listing.status_code == 200
    content = listing.content.decode()
    assert "案件 11511240007 已受理" in content
    # Recipients are masked in the log: the address itself is personal data.
    assert "f***@example.test" in content and "failed@example.test" not in content
    assert "/admin/outbound_mail/new/" not in content

    filtered = client.get("/admin/outbound_mail/?status=failed").content.decode()
    assert "f***@example.test" in filtered
    assert "q***@example.test" not in filtered

    inspect = client.get(f"/admin/outbound_mail/inspect/{queued.pk}/")
    assert inspect.status_code == 200
    html = inspect.content.decode()
    assert "test_message" in html and "q***@example.test" in html
    # Without the right to read mail, neither the text nor the address is shown.
    assert "林 您好" not in html and "queued@example.test" not in html
    assert (
        "林 您好"
        not in client.get(
            f"/admin/outbound_mail/inspect/{queued.pk}/?show=message"
        ).content.decode()
    )

    for path in ("new/", f"edit/{queued.pk}/", f"delete/{queued.pk}/", f"copy/{queued.pk}/"):
        assert client.get(f"/admin/outbound_mail/{path}").status_code == 404


def test_staff_without_the_view_permission_are_turned_away(client, mails):
    queued, _failed = mails
    client.force_login(staff("officer"))
    assert "/admin/outbound_mail/" not in client.get("/admin/").content.decode()
    assert client.get("/admin/outbound_mail/").status_code in (302, 403)
    assert client.get(f"/admin/outbound_mail/inspect/{queued.pk}/").status_code in (302, 403)


def test_times_on_the_inspect_screen_are_office_time(client, mails, settings):
    queued, _failed = mails
    OutboundMail.objects.filter(pk=queued.pk).update(
        created_at=datetime.datetime(2026, 3, 1, 16, 30, tzinfo=datetime.UTC)
    )
    user = staff("admin")
    client.force_login(user)
    html = client.get(f"/admin/outbound_mail/inspect/{queued.pk}/").content.decode()
    # 16:30 UTC is 00:30 the next day in Taipei.
    assert "2026年3月2日" in html or "March 2, 2026" in html or "2026-03-02" in html
    assert "16:30" not in html


def test_a_role_allowed_to_read_mail_sees_the_text_on_request_and_is_logged(client, mails):
    queued, _failed = mails
    user = staff("privacy")
    client.force_login(user)
    plain = client.get(f"/admin/outbound_mail/inspect/{queued.pk}/").content.decode()
    assert "林 您好" not in plain and "?show=message" in plain

    shown = client.get(f"/admin/outbound_mail/inspect/{queued.pk}/?show=message")
    html = shown.content.decode()
    assert "林 您好" in html and "queued@example.test" in html


def test_a_confidential_petitioners_mail_is_read_only_by_the_privacy_officer(
    client, mail_templates
):
    mail = mail_queue(
        to="secret-person@example.test",
        template="test_message",
        context={"name": "匿名者", "number": "11511240009"},
        language="zh-hant",
        is_confidential=True,
    )
    admin = staff("admin")  # holds every permission, but is not the privacy officer
    client.force_login(admin)
    listing = client.get("/admin/outbound_mail/").content.decode()
    assert "secret-person" not in listing and "s***@example.test" not in listing
    html = client.get(f"/admin/outbound_mail/inspect/{mail.pk}/?show=message").content.decode()
    assert "匿名者" not in html and "secret-person" not in html
    assert "only the privacy officer" in html or "專責人員" in html

    client.force_login(staff("privacy"))
    html = client.get(f"/admin/outbound_mail/inspect/{mail.pk}/?show=message").content.decode()
    assert "匿名者" in html and "secret-person@example.test" in html
