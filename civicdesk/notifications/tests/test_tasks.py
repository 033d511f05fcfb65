import pytest

from civicdesk.notifications.models import OutboundMail
from civicdesk.notifications.services import mail_queue
from civicdesk.notifications.tasks import mail_retry_due_task, mail_send_task

pytestmark = pytest.mark.django_db


def queue(to):
    return mail_queue(
        to=to, template="test_message", context={"name": "Ann", "number": "1"}, language="en"
    )


def test_mail_send_task_sends_one_mail(smtp, mail_templates):
    mail = queue("task@example.test")
    result = mail_send_task.enqueue(mail.pk)
    assert result.return_value is True
    assert [m["To"] for m in smtp.messages] == ["task@example.test"]
    assert OutboundMail.objects.get(pk=mail.pk).status == OutboundMail.Status.SENT


def test_mail_retry_due_task_sends_what_is_due(smtp, mail_templates):
    queue("due@example.test")
    result = mail_retry_due_task.enqueue()
    assert result.return_value == 1
    assert [m["Subject"] for m in smtp.messages] == ["Case 1 received"]
