import io

import pytest
from django.core.management import call_command

from civicdesk.notifications.models import OutboundMail
from civicdesk.notifications.services import mail_queue

pytestmark = pytest.mark.django_db


def test_command_sends_mail_whose_task_never_ran_and_prints_the_count(
    smtp, mail_templates, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # the task worker is down
        for to in ("a@example.test", "b@example.test"):
            mail_queue(
                to=to,
                template="test_message",
                context={"name": "陳", "number": "2"},
                language="zh-hant",
            )
    out = io.StringIO()
    call_command("send_queued_mail", stdout=out)
    assert out.getvalue().strip() == "sent 2"
    assert sorted(m["To"] for m in smtp.messages) == ["a@example.test", "b@example.test"]
    assert not OutboundMail.objects.filter(status=OutboundMail.Status.QUEUED).exists()

    out = io.StringIO()
    call_command("send_queued_mail", "--limit", "5", stdout=out)
    assert out.getvalue().strip() == "sent 0"
    assert len(smtp.messages) == 2


def test_command_is_quiet_at_verbosity_zero(smtp):
    out = io.StringIO()
    call_command("send_queued_mail", verbosity=0, stdout=out)
    assert out.getvalue() == ""
