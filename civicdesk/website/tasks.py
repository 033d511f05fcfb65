"""Background tasks of the public website: link checks after publishing and nightly."""

from django_tasks import task

from civicdesk.website import services


@task()
def page_links_check_task(page_id: int) -> int:
    return sum(check.is_broken for check in services.page_links_check(page_id=page_id))


@task()
def links_check_all_task() -> int:
    return services.links_check_all()
