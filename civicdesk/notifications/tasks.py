"""Background tasks (django-tasks) that send outbound mail; each calls one service."""

from django_tasks import task

from civicdesk.notifications.services import mail_retry_due, mail_send


@task()
def mail_send_task(mail_id: int) -> bool:
    return mail_send(mail_id=mail_id)


@task()
def mail_retry_due_task() -> int:
    return mail_retry_due()
