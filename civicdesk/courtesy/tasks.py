"""Background tasks of the courtesy test (django-tasks)."""

from django.utils import timezone
from django_tasks import task

from civicdesk.courtesy.services import improvement_remind


@task()
def courtesy_remind_task() -> dict[str, int]:
    return {"reminded": improvement_remind(on=timezone.localdate())}
