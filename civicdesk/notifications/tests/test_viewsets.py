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
    assert "failed@example.test" in content
    assert "/admin/outbound_mail/new/" not in content

    filtered = client.get("/admin/outbound_mail/?status=failed").content.decode()
    assert "failed@example.test" in filtered
    assert "queued@example.test" not in filtered

    inspect = client.get(f"/admin/outbound_mail/inspect/{queued.pk}/")
    assert inspect.status_code == 200
    assert "林 您好" in inspect.content.decode()

    for path in ("new/", f"edit/{queued.pk}/", f"delete/{queued.pk}/", f"copy/{queued.pk}/"):
        assert client.get(f"/admin/outbound_mail/{path}").status_code == 404


def test_staff_without_the_view_permission_are_turned_away(client, mails):
    queued, _failed = mails
    client.force_login(staff("officer"))
    assert "/admin/outbound_mail/" not in client.get("/admin/").content.decode()
    assert client.get("/admin/outbound_mail/").status_code in (302, 403)
    assert client.get(f"/admin/outbound_mail/inspect/{queued.pk}/").status_code in (302, 403)
