"""Background tasks of the petition module (django-tasks)."""

from django.utils import timezone
from django_tasks import task

from civicdesk.cases.services.control import cases_control


@task()
def cases_control_task() -> dict[str, int]:
    result = cases_control(on=timezone.localdate())
    return {
        "reminded": result.reminded,
        "escalated": result.escalated,
        "digests": result.digests,
        "expired": result.expired,
    }
